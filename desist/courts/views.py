"""Court officers' pages: the court list, a defendant's hearing, and pre-sentence reports.

Each reads: check access, load, render. A case reached through the court list opens only
through get_case_for_user, so a restricted or excluded case shows its message, never its
details.
"""

from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from desist.access.selectors import (
    CaseAccessDenied,
    access_denial,
    get_case_for_user,
    require_permission,
    visible_cases,
)
from desist.accounts.roles import Permission, Role
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.courts import selectors, services
from desist.courts.constants import MatchStatus, ReportState
from desist.courts.forms import (
    CourtDayForm,
    CourtListUploadForm,
    HearingNoteForm,
    MatchForm,
    QualityCheckForm,
    ReportForm,
    ReportRequestForm,
    VersionForm,
)
from desist.courts.models import Hearing, HearingNote, PreSentenceReport
from desist.people.models import Case
from desist.people.services import StaleEdit
from desist.sentences.models import Event


@require_GET
def court_list(request):
    require_permission(request, Permission.VIEW_COURT_LIST)
    form = CourtDayForm(request.GET or None, initial={"hearing_date": date.today()})
    hearings = None
    if form.is_valid():
        hearings = list(
            selectors.court_day(
                court=form.cleaned_data["court"],
                hearing_date=form.cleaned_data["hearing_date"],
                session=form.cleaned_data["session"],
                status=form.cleaned_data["status"],
            )
        )
    return render(
        request,
        "courts/court_list.html",
        {"form": form, "hearings": hearings, "today": date.today()},
    )


def court_list_import(request):
    require_permission(request, Permission.VIEW_COURT_LIST)
    form = (
        CourtListUploadForm(request.POST, request.FILES)
        if request.method == "POST"
        else CourtListUploadForm()
    )
    result = None
    if request.method == "POST" and form.is_valid():
        result = services.court_list_import(
            text=form.cleaned_data["file"], by=request.user, request=request
        )
    return render(request, "courts/court_list_import.html", {"form": form, "result": result})


def _hearing(request, pk: int) -> Hearing:
    require_permission(request, Permission.VIEW_COURT_LIST)
    try:
        return selectors.hearing_detail(pk)
    except Hearing.DoesNotExist:
        raise Http404 from None


def _candidates(request, hearing: Hearing) -> list[dict]:
    """The scored candidates, each with its case if this user may see it, else the reason."""
    ids = [c["case_id"] for c in hearing.candidates]
    visible = visible_cases(request.user).select_related("practitioner").in_bulk(ids)
    hidden = {
        case.pk: access_denial(request.user, case)
        for case in Case.objects.filter(pk__in=ids).exclude(pk__in=visible)
    }
    if visible:
        audit_record(
            actor=request.user,
            action=Action.SEARCH,
            subject="court list match",
            subject_id=hearing.pk,
            detail={"crns": [case.crn for case in visible.values()]},
            request=request,
        )
    return [
        {**c, "case": visible.get(c["case_id"]), "denied": hidden.get(c["case_id"])}
        for c in hearing.candidates
    ]


def _hearing_page(
    request, hearing: Hearing, *, note_form=None, match_form=None, new_case_form=None
):
    case = denied = None
    if hearing.case_id:
        try:
            case = get_case_for_user(request, hearing.case.crn)
        except CaseAccessDenied as refusal:
            denied = refusal.message
    note = HearingNote.objects.filter(hearing=hearing, author=request.user).first()
    if note_form is None:
        note_form = HearingNoteForm(
            initial={"text": note.text, "version": note.version} if note else None
        )
    return render(
        request,
        "courts/hearing.html",
        {
            "hearing": hearing,
            "case": case,
            "denied": denied,
            "events": list(Event.objects.filter(case=case)) if case else [],
            "candidates": _candidates(request, hearing) if not case and not denied else [],
            "note": note,
            "note_form": note_form,
            "match_form": match_form or MatchForm(initial={"version": hearing.version}),
            "new_case_form": new_case_form,
            "report": PreSentenceReport.objects.filter(hearing=hearing).first(),
        },
    )


@require_GET
def hearing(request, pk):
    return _hearing_page(request, _hearing(request, pk))


@require_POST
def hearing_match(request, pk):
    hearing = _hearing(request, pk)
    form = MatchForm(request.POST)
    if form.is_valid():
        case = get_case_for_user(request, form.cleaned_data["crn"].strip())
        try:
            services.hearing_match_confirm(
                hearing=hearing,
                case=case,
                version=form.cleaned_data["version"],
                by=request.user,
                request=request,
            )
        except StaleEdit as stale:
            form.add_error(None, stale.message)
        else:
            messages.success(request, f"{hearing.defendant_name} matched to {case.crn}")
            return redirect("courts:hearing", pk=hearing.pk)
    return _hearing_page(request, hearing, match_form=form)


@require_POST
def hearing_new_case(request, pk):
    hearing = _hearing(request, pk)
    require_permission(request, Permission.CREATE_CASE)
    form = VersionForm(request.POST)
    if not form.is_valid():
        raise Http404
    if hearing.date_of_birth is None:
        form.add_error(None, "A new case needs a date of birth: the list does not give one")
    elif request.user.team is None:
        form.add_error(None, "A new case needs a team: ask an administrator to add you to one")
    else:
        try:
            case = services.hearing_case_create(
                hearing=hearing,
                version=form.cleaned_data["version"],
                team=request.user.team,
                by=request.user,
                request=request,
            )
        except StaleEdit as stale:
            form.add_error(None, stale.message)
        else:
            messages.success(request, f"Case created with CRN {case.crn}")
            return redirect("courts:hearing", pk=hearing.pk)
    return _hearing_page(request, hearing, new_case_form=form)


@require_POST
def hearing_note(request, pk):
    hearing = _hearing(request, pk)
    form = HearingNoteForm(request.POST)
    if form.is_valid():
        is_draft = request.POST.get("action") != "finish"
        try:
            services.hearing_note_save(
                hearing=hearing,
                text=form.cleaned_data["text"],
                is_draft=is_draft,
                version=form.cleaned_data["version"],
                by=request.user,
                request=request,
            )
        except StaleEdit as stale:
            form.add_error(None, stale.message)
        else:
            messages.success(request, "Draft note saved" if is_draft else "Note saved")
            return redirect("courts:hearing", pk=hearing.pk)
    return _hearing_page(request, hearing, note_form=form)


def report_request(request, pk):
    hearing = _hearing(request, pk)
    if hearing.match_status != MatchStatus.CONFIRMED:
        raise CaseAccessDenied("Confirm who the defendant is before requesting a report.")
    case = get_case_for_user(request, hearing.case.crn)
    form = ReportRequestForm(
        request.POST if request.method == "POST" else None, team=request.user.team
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_request(
                hearing=hearing,
                requested_on=hearing.hearing_date,
                by=request.user,
                request=request,
                **form.cleaned_data,
            )
        except services.ReportNotReady as not_ready:
            form.add_error(None, not_ready.message)
        else:
            messages.success(
                request, f"Report requested: due {report.due_date:%-d %B %Y}, {report.author}"
            )
            return redirect("courts:hearing", pk=hearing.pk)
    return render(
        request, "courts/report_request.html", {"hearing": hearing, "case": case, "form": form}
    )


@require_GET
def reports_to_write(request):
    """The author's worklist: their reports due and overdue."""
    reports = list(selectors.reports_to_write(request.user))
    return render(
        request, "courts/reports_to_write.html", {"reports": reports, "today": date.today()}
    )


def _is_senior(user) -> bool:
    return Role.SENIOR_PROBATION_OFFICER in user.roles


def _report(request, pk: int) -> PreSentenceReport:
    """The report, through its case's access check; its author and court staff may open it."""
    report = get_object_or_404(
        PreSentenceReport.objects.select_related("hearing__court", "author"), pk=pk
    )
    report.case = get_case_for_user(request, report.case.crn)
    if report.author_id != request.user.pk:
        require_permission(request, Permission.VIEW_COURT_LIST, case=report.case)
    return report


def report(request, pk):
    report = _report(request, pk)
    editable = report.author_id == request.user.pk and report.state in (
        ReportState.DRAFT,
        ReportState.RETURNED,
    )
    form = ReportForm(request.POST or None, instance=report, initial={"version": report.version})
    if request.method == "POST":
        if not editable:
            raise CaseAccessDenied("Only the author can change this report, and only in draft.")
        if form.is_valid():
            sections = {name: form.cleaned_data[name] for name in services.REPORT_SECTIONS}
            try:
                services.report_update(
                    report=report,
                    version=form.cleaned_data["version"],
                    by=request.user,
                    request=request,
                    **sections,
                )
            except (StaleEdit, services.ReportNotReady) as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, "Report saved")
                return redirect("courts:report", pk=report.pk)
    return render(
        request,
        "courts/report.html",
        {
            "report": report,
            "case": report.case,
            "form": form,
            "editable": editable,
            "may_check": _is_senior(request.user) and report.author_id != request.user.pk,
            "check_form": QualityCheckForm(initial={"version": report.version}),
            "missing": services.missing_enquiries(report),
        },
    )


# URL word → (the state it moves to, whether the author or a senior officer takes the step).
STEPS = {
    "submit": (ReportState.SUBMITTED, "author"),
    "return": (ReportState.RETURNED, "senior"),
    "approve": (ReportState.APPROVED, "senior"),
    "finalise": (ReportState.FINAL, "author"),
}


@require_POST
def report_step(request, pk, step):
    if step not in STEPS:
        raise Http404
    to, who = STEPS[step]
    report = _report(request, pk)
    is_author = report.author_id == request.user.pk
    if (who == "author" and not is_author) or (
        who == "senior" and (is_author or not _is_senior(request.user))
    ):
        raise CaseAccessDenied(
            "Only the author can do this."
            if who == "author"
            else "A senior probation officer other than the author checks reports."
        )
    form = QualityCheckForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        services.report_move(
            report=report,
            to=to,
            version=form.cleaned_data["version"],
            comments=form.cleaned_data["comments"],
            by=request.user,
            request=request,
        )
    except (StaleEdit, services.ReportNotReady) as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, f"Report {ReportState(to).label.lower()}")
    return redirect("courts:report", pk=report.pk)
