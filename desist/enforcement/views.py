"""Enforcement pages. Each reads: check access, load, render; writes go through services."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from desist.access.selectors import get_case_for_user, require_permission, visible_cases
from desist.accounts.roles import Permission
from desist.core.saving import posted
from desist.enforcement import selectors, services
from desist.enforcement.forms import ActionForm, BreachReportForm, DecisionForm, RecallForm
from desist.enforcement.models import Recall
from desist.people.services import StaleEdit
from desist.rules.enforcement import DueKind, OrderType
from desist.sentences.selectors import event_for_case

_posted = posted


def _event_page(case, event):
    return redirect(reverse("sentences:event", args=[case.crn, event.number]) + "#enforcement")


def _enforceable_event(request, crn, number):
    case = get_case_for_user(request, crn, permission=Permission.RECORD_ENFORCEMENT)
    event = event_for_case(case, number)
    if not event.active or selectors.order_type(event) is None:
        raise Http404("Only an active, sentenced event is enforced")
    return case, event


def action_add(request, crn, number):
    case, event = _enforceable_event(request, crn, number)
    form = ActionForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.enforcement_action_record(
                event=event, by=request.user, request=request, **form.cleaned_data
            )
        except services.EnforcementError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Enforcement action recorded")
            return _event_page(case, event)
    context = {"case": case, "event": event, "form": form, "title": "Record enforcement action"}
    return render(request, "sentences/form_page.html", context)


def warning_letter(request, crn, number):
    """Check the failures the letter covers, then issue it (which records the warning)."""
    case, event = _enforceable_event(request, crn, number)
    enforcement = selectors.event_enforcement(event, timezone.localdate())
    due = [d for d in enforcement.assessment.due if d.kind is DueKind.WARNING]
    if not due:
        raise Http404("No warning is due on this event")
    if request.method == "POST":
        action = services.warning_letter_issue(event=event, by=request.user, request=request)
        messages.success(request, f"Warning letter issued and {action.code} recorded")
        return _event_page(case, event)
    context = {"case": case, "event": event, "due": due}
    return render(request, "enforcement/warning_letter.html", context)


def breach_report(request, crn, number):
    case, event = _enforceable_event(request, crn, number)
    enforcement = selectors.event_enforcement(event, timezone.localdate())
    if enforcement.order_type is OrderType.LICENCE or enforcement.breach_due is None:
        raise Http404("Breach action is not due on this event")
    form = BreachReportForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.breach_report_issue(
                event=event, by=request.user, request=request, **form.cleaned_data
            )
        except services.EnforcementError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Breach report issued and breach action recorded")
            return _event_page(case, event)
    context = {"case": case, "event": event, "form": form, "enforcement": enforcement}
    return render(request, "enforcement/breach_report.html", context)


def recall_add(request, crn, number):
    case, event = _enforceable_event(request, crn, number)
    if selectors.order_type(event) is not OrderType.LICENCE:
        raise Http404("Recall is only for a licence")
    facts = selectors.risk_facts(case)
    charged = request.POST.get("charged_with_new_offence") == "on"
    suggestion = selectors.recall_suggestion(
        event, facts=facts, charged_with_new_offence=charged, on=timezone.localdate()
    )
    form = RecallForm(
        _posted(request), event=event, initial={"recall_type": suggestion.recall_type.value}
    )
    if request.method == "POST" and form.is_valid():
        try:
            recall = services.recall_recommend(
                event=event, by=request.user, request=request, **form.cleaned_data
            )
        except services.EnforcementError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Recall recommendation sent to the senior probation officer")
            return redirect("enforcement:recall", crn=case.crn, pk=recall.pk)
    context = {"case": case, "event": event, "form": form, "suggestion": suggestion}
    return render(request, "enforcement/recall_form.html", context)


def recall_detail(request, crn, pk):
    """The recommendation as the SPO reads it; the SPO decides here."""
    case = get_case_for_user(request, crn)
    recall = get_object_or_404(
        Recall.objects.select_related("event", "requested_by", "decided_by", "document"),
        case=case,
        pk=pk,
    )
    form = None
    if request.method == "POST" or request.user.may(Permission.COUNTERSIGN):
        form = DecisionForm(_posted(request), initial={"version": recall.version})
    if request.method == "POST":
        require_permission(request, Permission.COUNTERSIGN, case=case)
        if form.is_valid():
            try:
                services.recall_decide(
                    recall=recall,
                    version=form.cleaned_data["version"],
                    countersign=form.cleaned_data["decision"] == "countersign",
                    rationale=form.cleaned_data["rationale"],
                    by=request.user,
                    request=request,
                )
            except services.EnforcementError as error:
                form.add_error(None, error.message)
            except StaleEdit as stale:
                form.add_error(None, stale.message)
            else:
                messages.success(request, "Decision recorded")
                return redirect("enforcement:recall", crn=case.crn, pk=recall.pk)
    context = {
        "case": case,
        "recall": recall,
        "conditions": list(recall.conditions_breached.all()),
        "form": form,
    }
    return render(request, "enforcement/recall_detail.html", context)


@require_GET
def worklist(request):
    """The practitioner's enforcement actions due, overdue first, from the same rules as the
    event page and the deadline engine."""
    require_permission(request, Permission.RECORD_ENFORCEMENT)
    cases = visible_cases(request.user).filter(practitioner=request.user)
    today = timezone.localdate()
    due = selectors.due_on_cases(cases, today)
    page = Paginator(due, 50).get_page(request.GET.get("page"))
    return render(request, "enforcement/worklist.html", {"page": page, "today": today})
