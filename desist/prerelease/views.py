"""Pre-release pages: the worklist of people due out, and each custodial event's resettlement
plan. Each reads: check access, load, render; the write goes through services."""

from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from desist.access.selectors import get_case_for_user, require_permission
from desist.accounts.roles import Permission
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.core.saving import posted, save_or_explain
from desist.interventions.selectors import current_accommodation
from desist.people.services import StaleEdit
from desist.prerelease import selectors, services
from desist.prerelease.forms import ResettlementForm, WorklistFilterForm
from desist.rules.pre_release import PATHWAY_LABELS
from desist.sentences.selectors import event_for_case

_save_or_explain = partial(save_or_explain, refusals=(StaleEdit,))


@require_GET
def worklist(request):
    require_permission(request, Permission.PREPARE_RELEASE)
    form = WorklistFilterForm(request.GET or None)
    weeks = form.weeks_wanted()
    today = timezone.localdate()
    due = selectors.worklist(request.user, today, weeks=weeks)
    page = Paginator(due, 50).get_page(request.GET.get("page"))
    audit_record(
        actor=request.user,
        action=Action.VIEW,
        subject="pre_release_worklist",
        detail={"weeks": weeks, "crns": [r.case.crn for r in page.object_list]},
        request=request,
    )
    context = {"form": form, "weeks": weeks, "page": page, "today": today}
    return render(request, "prerelease/worklist.html", context)


def _release(request, crn, number, permission=Permission.VIEW_CASE):
    """A custodial event still to be released, on a case this user may open."""
    case = get_case_for_user(request, crn, permission=permission)
    event = event_for_case(case, number)
    release = selectors.event_release(event, timezone.localdate())
    if release is None or release.release_date < timezone.localdate():
        raise Http404("Only a custodial sentence before release has pre-release work")
    return case, release


@require_GET
def plan(request, crn, number):
    """Read by the community practitioner too: their pre-release actions link here."""
    case, release = _release(request, crn, number)
    context = {
        "case": case,
        "release": release,
        "pathways": [(label, release.needs.get(p)) for p, label in PATHWAY_LABELS.items()],
        "accommodation": current_accommodation(case),
        "today": timezone.localdate(),
    }
    return render(request, "prerelease/plan.html", context)


def plan_edit(request, crn, number):
    case, release = _release(request, crn, number, Permission.PREPARE_RELEASE)
    current = release.plan
    initial = {"version": current.version if current else 0}
    if current:
        initial |= {name: getattr(current, name) for name in services.PLAN_FIELDS}
        for pathway, need in release.needs.items():
            initial |= {f"status_{pathway}": need.status, f"notes_{pathway}": need.notes}
    form = ResettlementForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _save_or_explain(
            form,
            lambda: services.resettlement_record(
                event=release.event,
                version=form.cleaned_data["version"],
                by=request.user,
                request=request,
                **form.details(),
            ),
        )
        if saved:
            messages.success(request, "Resettlement plan saved")
            return redirect("prerelease:plan", crn=case.crn, number=release.event.number)
    return render(
        request, "prerelease/plan_form.html", {"case": case, "release": release, "form": form}
    )
