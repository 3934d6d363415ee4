"""The practitioner's home page, management oversight, the weekly meeting and the
countersigning queue. Each view: check access, load, render."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from desist.access.selectors import CaseAccessDenied, get_case_for_user, require_permission
from desist.accounts.models import Staff
from desist.accounts.roles import Permission
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.oversight import selectors, services
from desist.oversight.deadlines import DeadlineStatus
from desist.oversight.forms import OversightForm, WeeklyMeetingForm


@require_GET
def home(request):
    """The practitioner's day: appointments, actions falling due, alerts, recent cases."""
    require_permission(request, Permission.HOLD_CASELOAD)
    today = timezone.localdate()
    return render(
        request, "oversight/home.html", {"today": today, **selectors.home(request.user, today)}
    )


@require_GET
def actions(request):
    """All of the practitioner's open actions; the home page shows the first of each kind."""
    require_permission(request, Permission.HOLD_CASELOAD)
    grouped = selectors.my_actions(request.user, timezone.localdate())
    return render(
        request,
        "oversight/actions.html",
        {
            "overdue": grouped[DeadlineStatus.OVERDUE],
            "this_week": grouped[DeadlineStatus.DUE_THIS_WEEK],
            "later": grouped[DeadlineStatus.LATER],
        },
    )


@require_GET
def case_oversight(request, crn):
    case = get_case_for_user(request, crn)
    return render(
        request,
        "oversight/case_oversight.html",
        {"case": case, "records": selectors.case_oversight(case)},
    )


def oversight_record(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.COUNTERSIGN)
    # A queue item may link here with the reason chosen (?reason=COUNTERSIGN).
    form = OversightForm(request.POST or None, initial={"reason": request.GET.get("reason")})
    if request.method == "POST" and form.is_valid():
        services.oversight_record(case=case, by=request.user, request=request, **form.cleaned_data)
        messages.success(request, "Management oversight recorded")
        return redirect("oversight:case", crn=case.crn)
    return render(request, "oversight/oversight_form.html", {"case": case, "form": form})


@require_GET
def team_oversight(request):
    require_permission(request, Permission.COUNTERSIGN)
    today = timezone.localdate()
    return render(
        request,
        "oversight/team.html",
        {
            "practitioners": selectors.team_practitioners(request.user),
            "due": selectors.oversight_due_list(request.user, today),
        },
    )


def _team_practitioner(request, pk) -> Staff:
    """A practitioner in the SPO's own team; anyone else's meetings are not theirs to hold."""
    practitioner = get_object_or_404(Staff, pk=pk, is_active=True)
    if not practitioner.may(Permission.HOLD_CASELOAD):
        raise Http404("Not a practitioner")
    if request.user.team_id is None or practitioner.team_id != request.user.team_id:
        audit_record(
            actor=request.user,
            action=Action.DENIED,
            subject="weekly_meeting",
            subject_id=pk,
            detail={"path": request.path, "reason": "not in the SPO's team"},
            request=request,
        )
        raise CaseAccessDenied("You can only hold weekly meetings with practitioners in your team.")
    return practitioner


def weekly_meeting(request, pk):
    require_permission(request, Permission.COUNTERSIGN)
    practitioner = _team_practitioner(request, pk)
    caseload = selectors.practitioner_caseload(request.user, practitioner)
    form = WeeklyMeetingForm(request.POST or None, caseload=caseload)
    if request.method == "POST" and form.is_valid():
        services.weekly_meeting_record(
            practitioner=practitioner,
            cases=form.chosen_cases(),
            agreed=form.cleaned_data["agreed"],
            by=request.user,
            request=request,
        )
        messages.success(request, "Meeting recorded")
        return redirect("oversight:weekly-meeting", pk=practitioner.pk)
    today = timezone.localdate()
    return render(
        request,
        "oversight/weekly_meeting.html",
        {
            "practitioner": practitioner,
            "form": form,
            "today": today,
            **selectors.weekly_meeting(request.user, practitioner, today),
        },
    )


@require_GET
def countersigning(request):
    require_permission(request, Permission.COUNTERSIGN)
    return render(
        request,
        "oversight/countersigning.html",
        {"items": selectors.countersigning_queue(request.user, timezone.localdate())},
    )
