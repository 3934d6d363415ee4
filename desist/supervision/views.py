"""Pages for appointments, outcomes, case notes and the practitioner's diary. Each reads:
check access, load, render."""

from datetime import date, timedelta
from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from desist.access.selectors import get_case_for_user, require_permission
from desist.accounts.middleware import public
from desist.accounts.roles import Permission
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.core.saving import save_or_explain
from desist.people.services import StaleEdit
from desist.supervision import selectors, services
from desist.supervision.forms import (
    AppointmentForm,
    CancelForm,
    ContactForm,
    OutcomeForm,
    RescheduleForm,
    TimelineFilterForm,
)
from desist.supervision.ical import CalendarEvent, ical_calendar
from desist.supervision.models import Appointment, CalendarFeed


def _appointment(case, pk) -> Appointment:
    appointment = selectors.case_appointment(case, pk)
    if appointment is None:
        raise Http404
    return appointment


@require_GET
def appointments(request, crn):
    case = get_case_for_user(request, crn)
    page = Paginator(selectors.case_appointments(case), 25).get_page(request.GET.get("page"))
    return render(request, "supervision/appointments.html", {"case": case, "page": page})


_save_or_explain = partial(save_or_explain, refusals=(services.AppointmentError, StaleEdit))


def appointment_arrange(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    form = AppointmentForm(
        request.POST or None, case=case, initial={"practitioner": case.practitioner_id}
    )
    if request.method == "POST" and form.is_valid():
        arranged = _save_or_explain(
            form,
            lambda: services.appointment_arrange(
                case=case, by=request.user, request=request, **form.details()
            ),
        )
        if arranged:
            messages.success(request, "Appointment arranged")
            return redirect("people:case", crn=case.crn)
    return render(
        request,
        "supervision/appointment_form.html",
        {"case": case, "form": form, "title": "Arrange an appointment"},
    )


def appointment_reschedule(request, crn, pk):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    appointment = _appointment(case, pk)
    initial = {
        name: getattr(appointment, name)
        for name in ("type", "duration_minutes", "address", "sensitive", "reminder_confirmed")
    }
    form = RescheduleForm(
        request.POST or None,
        case=case,
        initial={
            **initial,
            "practitioner": appointment.practitioner_id,
            "office": appointment.office_id,
            "requirement": appointment.requirement_id,
            "partner_name": appointment.partner_name,
            "partner_organisation": appointment.partner_organisation,
            "partner_role": appointment.partner_role,
            "version": appointment.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        moved = _save_or_explain(
            form,
            lambda: services.appointment_reschedule(
                appointment=appointment,
                version=form.cleaned_data["version"],
                persons_request=form.cleaned_data["requested_by"] == "PERSON",
                by=request.user,
                request=request,
                **form.details(),
            ),
        )
        if moved:
            messages.success(request, "Appointment rescheduled")
            return redirect("supervision:appointments", crn=case.crn)
    return render(
        request,
        "supervision/appointment_form.html",
        {"case": case, "form": form, "title": "Reschedule an appointment", "old": appointment},
    )


def appointment_cancel(request, crn, pk):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    appointment = _appointment(case, pk)
    form = CancelForm(request.POST or None, initial={"version": appointment.version})
    if request.method == "POST" and form.is_valid():
        cancelled = _save_or_explain(
            form,
            lambda: services.appointment_cancel(
                appointment=appointment,
                by=request.user,
                request=request,
                **form.cleaned_data,
            ),
        )
        if cancelled:
            messages.success(request, "Appointment cancelled")
            return redirect("supervision:appointments", crn=case.crn)
    return render(
        request,
        "supervision/appointment_cancel.html",
        {"case": case, "form": form, "appointment": appointment},
    )


def appointment_outcome(request, crn, pk):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    appointment = _appointment(case, pk)
    form = OutcomeForm(request.POST or None, initial={"version": appointment.version})
    if request.method == "POST" and form.is_valid():
        recorded = _save_or_explain(
            form,
            lambda: services.appointment_record_outcome(
                appointment=appointment,
                version=form.cleaned_data["version"],
                outcome=form.cleaned_data["code"],
                notes=form.cleaned_data["notes"],
                by=request.user,
                request=request,
            ),
        )
        if recorded:
            messages.success(request, "Outcome recorded")
            return redirect("supervision:timeline", crn=case.crn)
    return render(
        request,
        "supervision/appointment_outcome.html",
        {"case": case, "form": form, "appointment": appointment},
    )


@require_GET
def timeline(request, crn):
    case = get_case_for_user(request, crn)
    form = TimelineFilterForm(request.GET or None)
    contacts = selectors.case_timeline(case, form.filters())
    page = Paginator(contacts, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "supervision/timeline.html",
        {
            "case": case,
            "form": form,
            "page": page,
            "entries": selectors.timeline_entries(page.object_list),
        },
    )


def contact_add(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    form = ContactForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        services.contact_add(case=case, by=request.user, request=request, **form.details())
        messages.success(request, "Case note added")
        return redirect("supervision:timeline", crn=case.crn)
    return render(request, "supervision/contact_form.html", {"case": case, "form": form})


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@require_GET
def diary(request):
    require_permission(request, Permission.HOLD_CASELOAD)
    try:
        day = date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        day = timezone.localdate()
    week = request.GET.get("view") == "week"
    first, days = (_monday(day), 7) if week else (day, 1)
    return render(
        request,
        "supervision/diary.html",
        {
            "week": week,
            "first": first,
            "last": first + timedelta(days=days - 1),
            "days": selectors.diary_entries(request.user, first, days),
            "previous": first - timedelta(days=days),
            "next": first + timedelta(days=days),
            "today": timezone.localdate(),
        },
    )


@require_GET
def missing_outcomes(request):
    require_permission(request, Permission.HOLD_CASELOAD)
    # A practitioner waits on tens of outcomes at most: one query for all of them spares a
    # COUNT over the visibility subqueries.
    waiting = list(selectors.missing_outcomes(request.user))
    page = Paginator(waiting, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "supervision/missing_outcomes.html",
        {"page": page, "entries": selectors.missing_outcome_entries(page.object_list)},
    )


def calendar_feed_settings(request):
    """Show the feed's address (only just after it is made: only its hash is kept), or make a
    new one, which ends the old."""
    require_permission(request, Permission.HOLD_CASELOAD)
    had_feed = CalendarFeed.objects.filter(staff=request.user).exists()
    url = None
    if request.method == "POST":
        token = services.calendar_feed_regenerate(staff=request.user, request=request)
        url = request.build_absolute_uri(reverse("supervision:calendar-feed", args=[token]))
    return render(request, "supervision/calendar_feed.html", {"url": url, "had_feed": had_feed})


@public
@require_GET
def calendar_feed(request, token):
    """The practitioner's appointments as iCalendar, for their own calendar app. Public (a
    calendar app cannot sign in) but useless without the secret. Sensitive appointments show
    only that there is one."""
    staff = selectors.calendar_feed_staff(services.calendar_feed_token_hash(token))
    if staff is None:
        raise Http404
    now = timezone.now()
    appointments = list(selectors.calendar_feed_appointments(staff, now=now))
    events = [_calendar_event(a, request.get_host()) for a in appointments]
    audit_record(
        actor=staff,
        action=Action.VIEW,
        subject="calendar_feed",
        detail={"appointments": len(events)},
        request=request,
    )
    body = ical_calendar(events, name="Probation appointments", now=now)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def _calendar_event(appointment, host: str) -> CalendarEvent:
    uid = f"appointment-{appointment.pk}@{host}"
    if appointment.sensitive:
        summary, location, description = "Appointment", "", ""
    else:
        case = appointment.case
        summary = f"{appointment.get_type_display()}: {case.full_name} ({case.crn})"
        location, description = appointment.location, f"CRN {case.crn}"
    return CalendarEvent(
        uid=uid,
        starts_at=appointment.starts_at,
        ends_at=appointment.ends_at,
        summary=summary,
        location=location,
        description=description,
    )
