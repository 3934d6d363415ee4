"""The write path for appointments, outcomes and case notes. Every change is audited in the
same transaction; appointments are versioned, and reminders go only once the change commits."""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from desist.accounts.models import Staff
from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.core.compiled import compiled_once
from desist.people.models import Case
from desist.people.services import StaleEdit
from desist.supervision.constants import (
    ACCEPTABLE_ABSENCES,
    CONTACT_TYPE_OF_APPOINTMENT,
    LONGEST_APPOINTMENT_MINUTES,
    RAR_CATEGORY,
    REQUIREMENT_CATEGORY_OF_TYPE,
    RESCHEDULED,
    ContactType,
    Outcome,
)
from desist.supervision.models import Appointment, CalendarFeed, Contact
from desist.supervision.selectors import GOING_AHEAD
from desist.supervision.tasks import send_appointment_reminder

APPOINTMENT_FIELDS = (
    "type",
    "starts_at",
    "duration_minutes",
    "practitioner",
    "office",
    "address",
    "partner_name",
    "partner_organisation",
    "partner_role",
    "requirement",
    "sensitive",
    "reminder_confirmed",
)
CONTACT_FIELDS = ("type", "at", "notes", "sensitive", "appointment", "requirement")


class AppointmentError(Exception):
    """The appointment cannot be arranged or changed as asked; the message says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _when(starts_at: datetime, minutes: int) -> str:
    start = timezone.localtime(starts_at)
    end = start + timedelta(minutes=minutes)
    return f"from {start:%H:%M} to {end:%H:%M} on {date_format(start, 'l j F Y')}"


def appointment_clashes(
    *, practitioner, case: Case, starts_at: datetime, duration_minutes: int, ignore=()
) -> list[str]:
    """Why this time is taken, one message per clash: the practitioner, or the person, is
    already booked for an overlapping time. Back-to-back appointments do not clash."""
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    nearby = (
        Appointment.objects.filter(
            Q(practitioner=practitioner) | Q(case=case),
            GOING_AHEAD,
            starts_at__gt=starts_at - timedelta(minutes=LONGEST_APPOINTMENT_MINUTES),
            starts_at__lt=ends_at,
        )
        .exclude(pk__in=[a.pk for a in ignore])
        .select_related("practitioner")
        .order_by("starts_at")
    )
    messages = []
    for other in nearby:
        if other.ends_at <= starts_at:
            continue
        when = _when(other.starts_at, other.duration_minutes)
        if other.practitioner_id == practitioner.pk:
            messages.append(
                f"{practitioner.get_full_name()} already has an appointment {when}. "
                "Choose another time"
            )
        else:
            messages.append(
                f"{case.full_name} already has an appointment with "
                f"{other.practitioner.get_full_name()} {when}. Choose another time"
            )
    return messages


def people_clashes(*, cases: list[Case], times: list[tuple[datetime, int]]) -> list[str]:
    """Why these people cannot all be booked at all these times (a group's sessions): one
    message for each person's first clash with an appointment they already have, from one
    query however many people and times."""
    if not cases or not times:
        return []
    first = min(start for start, _ in times)
    last = max(start + timedelta(minutes=minutes) for start, minutes in times)
    booked = (
        Appointment.objects.filter(
            GOING_AHEAD,
            case__in=cases,
            starts_at__gt=first - timedelta(minutes=LONGEST_APPOINTMENT_MINUTES),
            starts_at__lt=last,
        )
        .select_related("practitioner")
        .order_by("starts_at")
    )
    by_case: dict[int, list[Appointment]] = {}
    for appointment in booked:
        by_case.setdefault(appointment.case_id, []).append(appointment)
    messages = []
    for case in cases:
        clash = next(
            (
                other
                for other in by_case.get(case.pk, ())
                for start, minutes in times
                if other.starts_at < start + timedelta(minutes=minutes) and start < other.ends_at
            ),
            None,
        )
        if clash is not None:
            messages.append(
                f"{case.full_name} already has an appointment with "
                f"{clash.practitioner.get_full_name()} "
                f"{_when(clash.starts_at, clash.duration_minutes)}. Move it first"
            )
    return messages


def _check_details(case: Case, details: dict) -> None:
    requirement = details.get("requirement")
    category = REQUIREMENT_CATEGORY_OF_TYPE.get(details.get("type"), RAR_CATEGORY)
    if requirement is not None and (
        requirement.event.case_id != case.pk or requirement.category != category
    ):
        kind = "an unpaid work" if category != RAR_CATEGORY else "a rehabilitation activity"
        raise AppointmentError(f"Choose {kind} requirement of this case")


def _lock_diaries(case: Case, practitioner) -> None:
    """Hold the person's and the practitioner's rows until commit, so two people booking the
    same slot at once cannot both pass the clash check."""
    Case.objects.select_for_update().filter(pk=case.pk).exists()
    Staff.objects.select_for_update().filter(pk=practitioner.pk).exists()


def _remind_on_commit(appointment: Appointment) -> None:
    if not appointment.sensitive or appointment.reminder_confirmed:
        transaction.on_commit(lambda: send_appointment_reminder.enqueue(appointment.pk))


@transaction.atomic
def appointment_arrange(*, case: Case, by, request=None, ignore=(), **details) -> Appointment:
    """Arrange an appointment, refusing a time that clashes for the practitioner or the
    person. Details are the APPOINTMENT_FIELDS."""
    unknown = set(details) - set(APPOINTMENT_FIELDS)
    if unknown:
        raise ValueError(f"Not appointment details: {sorted(unknown)}")
    _check_details(case, details)
    _lock_diaries(case, details["practitioner"])
    clashes = appointment_clashes(
        practitioner=details["practitioner"],
        case=case,
        starts_at=details["starts_at"],
        duration_minutes=details["duration_minutes"],
        ignore=ignore,
    )
    if clashes:
        raise AppointmentError(clashes[0])
    requirement = details.get("requirement")
    appointment = Appointment.objects.create(
        case=case, event=requirement.event if requirement else None, created_by=by, **details
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject="appointment",
        subject_id=appointment.pk,
        changes=field_changes({}, snapshot(appointment, details)),
        request=request,
    )
    _remind_on_commit(appointment)
    return appointment


def _lock_current(appointment: Appointment, version: int) -> Appointment:
    """The appointment's row, locked until commit, if no one has changed it since the form
    was shown. It keeps the caller's case, which the audit and the contact need."""
    found = _locked_appointment(pk=appointment.pk)
    if not found:
        raise Appointment.DoesNotExist
    current = found[0]
    if current.version != version:
        raise StaleEdit()
    current.case = appointment.case
    return current


@compiled_once
def _locked_appointment(*, pk: int) -> QuerySet[Appointment]:
    """Every change to an appointment starts here, so compiled once (desist.core.compiled)."""
    return Appointment.objects.select_for_update().filter(pk=pk)


def _save_audited(current: Appointment, before: dict, by, request, fields) -> None:
    # The row is locked (_lock_current), so its next version is known without reading it back.
    current.version += 1
    current.save(update_fields=[*fields, "version"])
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=current.case,
        subject="appointment",
        subject_id=current.pk,
        changes=field_changes(before, snapshot(current, fields)),
        request=request,
    )


def _system_contact(*, appointment: Appointment, type: str, notes: str, by, at=None, request=None):
    return contact_add(
        case=appointment.case,
        by=by,
        request=request,
        system_generated=True,
        type=type,
        at=at or timezone.now(),
        notes=notes,
        sensitive=appointment.sensitive,
        appointment=appointment,
        requirement=appointment.requirement,
    )


@transaction.atomic
def appointment_reschedule(
    *, appointment: Appointment, version: int, by, persons_request: bool, request=None, **details
) -> Appointment:
    """Move an appointment to a new time. The old one keeps its place in the history with the
    outcome RSOF (the person asked) or RSSR (the service did), linked to the new one."""
    current = _lock_current(appointment, version)
    if not current.is_active or current.outcome:
        raise AppointmentError("This appointment already has an outcome or has been cancelled")
    moved = appointment_arrange(
        case=current.case, by=by, request=request, ignore=[current], **details
    )
    before = snapshot(current, ("outcome", "rescheduled_to"))
    current.outcome = Outcome.RESCHEDULED_PERSON if persons_request else Outcome.RESCHEDULED_SERVICE
    current.rescheduled_to = moved
    current.outcome_recorded_at, current.outcome_recorded_by = timezone.now(), by
    _save_audited(
        current,
        before,
        by,
        request,
        ["outcome", "rescheduled_to", "outcome_recorded_at", "outcome_recorded_by"],
    )
    _system_contact(
        appointment=current,
        type=ContactType.APPOINTMENT_CHANGE,
        notes=f"{current.get_outcome_display()}: moved to "
        f"{_when(moved.starts_at, moved.duration_minutes)}",
        by=by,
        request=request,
    )
    return moved


@transaction.atomic
def appointment_cancel(
    *, appointment: Appointment, version: int, by, reason: str, request=None
) -> Appointment:
    current = _lock_current(appointment, version)
    if not current.is_active or current.outcome:
        raise AppointmentError("This appointment already has an outcome or has been cancelled")
    before = snapshot(current, ("cancelled_at", "cancellation_reason"))
    current.cancelled_at, current.cancellation_reason = timezone.now(), reason
    _save_audited(current, before, by, request, ["cancelled_at", "cancellation_reason"])
    _system_contact(
        appointment=current,
        type=ContactType.APPOINTMENT_CHANGE,
        notes=f"Appointment {_when(current.starts_at, current.duration_minutes)} cancelled: "
        f"{reason}",
        by=by,
        request=request,
    )
    return current


@transaction.atomic
def appointment_record_outcome(
    *,
    appointment: Appointment,
    version: int,
    by,
    outcome: str,
    notes: str = "",
    credited_minutes: int | None = None,
    request=None,
) -> Contact:
    """Record what happened at an appointment, and the contact that shows it on the timeline.

    An acceptable absence needs its reason (the code) and a note of the evidence: an absence
    left unverified is unacceptable (practice rules §3). ``credited_minutes`` is the time an
    unpaid work session credits when it is not simply its length (desist.rules.unpaid_work)."""
    current = _lock_current(appointment, version)
    if not current.is_active or current.outcome:
        raise AppointmentError("This appointment already has an outcome or has been cancelled")
    if current.starts_at > timezone.now():
        raise AppointmentError("You can only record an outcome once the appointment has started")
    if outcome not in Outcome.values or outcome in RESCHEDULED:
        raise AppointmentError("Select what happened at the appointment")
    if outcome in ACCEPTABLE_ABSENCES and not notes.strip():
        raise AppointmentError("Enter the evidence that the absence was acceptable")
    if credited_minutes is not None and not 0 <= credited_minutes <= current.duration_minutes:
        raise AppointmentError("The time credited cannot be more than the appointment's length")
    before = snapshot(current, ("outcome", "outcome_notes", "credited_minutes"))
    current.outcome, current.outcome_notes = outcome, notes
    current.credited_minutes = credited_minutes
    current.outcome_recorded_at, current.outcome_recorded_by = timezone.now(), by
    _save_audited(
        current,
        before,
        by,
        request,
        [
            "outcome",
            "outcome_notes",
            "credited_minutes",
            "outcome_recorded_at",
            "outcome_recorded_by",
        ],
    )
    return _system_contact(
        appointment=current,
        type=CONTACT_TYPE_OF_APPOINTMENT[current.type],
        notes=f"{current.get_outcome_display()}. {notes}".strip(),
        by=by,
        at=current.starts_at,
        request=request,
    )


# No savepoint: a contact is mostly written inside another service's transaction, and a
# failure here fails that whole change anyway.
@transaction.atomic(savepoint=False)
def contact_add(
    *, case: Case, by, system_generated: bool = False, request=None, **fields
) -> Contact:
    """Record a case note (a contact). `by` is None for messages Desist sends on its own."""
    unknown = set(fields) - set(CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"Not contact details: {sorted(unknown)}")
    contact = Contact.objects.create(
        case=case, created_by=by, system_generated=system_generated, **fields
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject="contact",
        subject_id=contact.pk,
        changes=field_changes({}, snapshot(contact, fields)),
        request=request,
    )
    return contact


def calendar_feed_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def calendar_feed_regenerate(*, staff, request=None) -> str:
    """A new secret for the practitioner's calendar feed URL; the old URL stops working.
    Returns the secret, which is shown once and never stored."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(
        staff=staff,
        defaults={"token_hash": calendar_feed_token_hash(token), "created_at": timezone.now()},
    )
    audit_record(
        actor=staff,
        action=Action.CHANGE,
        subject="calendar_feed",
        subject_id=staff.pk,
        request=request,
    )
    return token
