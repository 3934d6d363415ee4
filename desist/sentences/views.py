"""Pages for events and sentences. Each reads: check access, load, render."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from desist.access.selectors import get_case_for_user
from desist.accounts.roles import Permission
from desist.people.services import StaleEdit
from desist.sentences import selectors, services
from desist.sentences.forms import (
    EventForm,
    LicenceConditionForm,
    RequirementForm,
    TerminateForm,
)


def _show_problems(form, broken: services.RuleBroken) -> None:
    """Put the law's objections on the fields they concern, for the error summary."""
    for problem in broken.problems:
        form.add_error(problem.field if problem.field in form.fields else None, problem.message)


def _form_page(request, case, form, title: str, *, event=None):
    context = {"case": case, "form": form, "title": title, "event": event}
    return render(request, "sentences/form_page.html", context)


def event_add(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(
                case=case, by=request.user, request=request, **form.service_arguments()
            )
        except services.RuleBroken as broken:
            _show_problems(form, broken)
        else:
            messages.success(request, f"Event {event.number} added")
            return redirect("sentences:event", crn=case.crn, number=event.number)
    return _form_page(request, case, form, "Add an event")


@require_GET
def event_detail(request, crn, number):
    case = get_case_for_user(request, crn)
    return render(
        request,
        "sentences/event_detail.html",
        {"case": case, **selectors.event_detail(case, number)},
    )


def requirement_add(request, crn, number):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    event = selectors.event_for_case(case, number)
    if not event.is_order or not event.active:
        raise Http404("Only an active community or suspended sentence order has requirements")
    form = RequirementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.requirement_add(
                event=event, by=request.user, request=request, **form.cleaned_data
            )
        except services.RuleBroken as broken:
            _show_problems(form, broken)
        else:
            messages.success(request, "Requirement added")
            return redirect("sentences:event", crn=case.crn, number=event.number)
    return _form_page(request, case, form, "Add a requirement", event=event)


def licence_condition_add(request, crn, number):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    event = selectors.event_for_case(case, number)
    if not event.is_custodial or not event.active:
        raise Http404("Only an active licence event has licence conditions")
    form = LicenceConditionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.licence_condition_add(
                event=event, by=request.user, request=request, **form.cleaned_data
            )
        except services.RuleBroken as broken:
            _show_problems(form, broken)
        else:
            messages.success(request, "Licence condition added")
            return redirect("sentences:event", crn=case.crn, number=event.number)
    return _form_page(request, case, form, "Add a licence condition", event=event)


def event_terminate(request, crn, number):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    event = selectors.event_for_case(case, number)
    if not event.active:
        raise Http404("This event has already ended")
    form = TerminateForm(request.POST or None, initial={"version": event.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.event_terminate(
                event=event, by=request.user, request=request, **form.cleaned_data
            )
        except services.RuleBroken as broken:
            _show_problems(form, broken)
        except StaleEdit as stale:
            form.add_error(None, stale.message)
        else:
            messages.success(request, f"Event {event.number} terminated")
            return redirect("sentences:event", crn=case.crn, number=event.number)
    return _form_page(request, case, form, f"Terminate event {event.number}", event=event)
