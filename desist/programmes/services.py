"""The write path for the programmes area: referrals onto the waitlist, suitability, groups
and their schedules, allocation, the session register and catch-ups. Every change is audited
in the same transaction.

Members' places at sessions are supervision appointments, made here in bulk: the per-person
booking service (supervision.services.appointment_arrange) would see twelve people booked
with the same facilitator as twelve clashes, and counts only RAR requirements. Outcomes,
though, go through supervision.services.appointment_record_outcome like any other
appointment's, so the version check, the audit and the timeline contact are the same.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.people.models import Case
from desist.people.services import StaleEdit
from desist.programmes.constants import PROGRAMME_CATEGORY, Suitability
from desist.programmes.models import Attendance, CatchUp, Group, GroupSession, Referral
from desist.rules import programmes as rules
from desist.supervision.constants import AppointmentType, ContactType, Outcome
from desist.supervision.models import Appointment
from desist.supervision.services import (
    appointment_clashes,
    appointment_record_outcome,
    contact_add,
    people_clashes,
)

GROUP_FIELDS = (
    "programme",
    "name",
    "office",
    "weekdays",
    "start_time",
    "first_date",
    "evenings_allowed",
    "lead_facilitator",
    "cover_facilitator",
    "capacity",
)


class ProgrammeError(Exception):
    """The change breaks a programme rule; the message says why, in the user's words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _lock(model, instance, version: int):
    current = model.objects.select_for_update().get(pk=instance.pk)
    if current.version != version:
        raise StaleEdit()
    return current


def _bump(current, fields: list[str]) -> None:
    current.version = F("version") + 1
    current.save(update_fields=[*fields, "version"])
    current.refresh_from_db(fields=["version"])


@transaction.atomic
def referral_create(
    *,
    case: Case,
    by,
    programme,
    requirement=None,
    licence_condition=None,
    notes: str = "",
    request=None,
) -> Referral:
    """Put the person on the programme's waitlist, for their programme requirement or their
    licence condition (one or the other, on one of their own events)."""
    if (requirement is None) == (licence_condition is None):
        raise ProgrammeError("Choose the programme requirement or the licence condition")
    source = requirement or licence_condition
    if source.event.case_id != case.pk:
        raise ProgrammeError("Choose a requirement or licence condition of this case")
    if requirement is not None and requirement.category != PROGRAMME_CATEGORY:
        raise ProgrammeError("Choose an accredited programme requirement")
    open_referral = Referral.objects.filter(case=case, programme=programme).exclude(
        suitability=Suitability.NOT_SUITABLE
    )
    if open_referral.exists():
        raise ProgrammeError(f"{case.full_name} is already referred to {programme}")
    referral = Referral.objects.create(
        case=case,
        programme=programme,
        event=source.event,
        requirement=requirement,
        licence_condition=licence_condition,
        notes=notes,
        referred_by=by,
    )
    fields = ("programme", "event", "requirement", "licence_condition", "notes")
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject="programme referral",
        subject_id=referral.pk,
        changes=field_changes({}, snapshot(referral, fields)),
        request=request,
    )
    return referral


@transaction.atomic
def suitability_record(
    *, referral: Referral, version: int, by, suitable: bool, reason: str = "", request=None
) -> Referral:
    """Programme staff's decision. Not suitable needs the reason, for the practitioner."""
    current = _lock(Referral, referral, version)
    if current.group_id:
        raise ProgrammeError("This person is already in a group")
    if not suitable and not reason.strip():
        raise ProgrammeError("Enter why the programme is not suitable")
    fields = ["suitability", "suitability_reason", "assessed_by", "assessed_at"]
    before = snapshot(current, fields)
    current.suitability = Suitability.SUITABLE if suitable else Suitability.NOT_SUITABLE
    current.suitability_reason = reason.strip()
    current.assessed_by, current.assessed_at = by, timezone.now()
    _bump(current, fields)
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=current.case,
        subject="programme referral",
        subject_id=current.pk,
        changes=field_changes(before, snapshot(current, fields)),
        request=request,
    )
    return current


def local_datetime(day, at) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


@transaction.atomic
def group_create(*, by, request=None, **details) -> Group:
    """A group and its schedule: one session per template session, on the group's meeting
    days from its first date, skipping bank holidays (desist.rules.programmes)."""
    if problem := rules.evening_problem(
        details["start_time"], evenings_allowed=details["evenings_allowed"]
    ):
        raise ProgrammeError(problem)
    if details.get("cover_facilitator") == details["lead_facilitator"]:
        raise ProgrammeError("Choose a different facilitator to cover, or none")
    details["weekdays"] = sorted(int(d) for d in details["weekdays"])
    group = Group.objects.create(created_by=by, **details)
    programme = details["programme"]
    templates = list(programme.templates.order_by("number"))
    dates = rules.session_dates(details["first_date"], details["weekdays"], len(templates))
    GroupSession.objects.bulk_create(
        GroupSession(
            group=group,
            template=template,
            starts_at=local_datetime(day, details["start_time"]),
            duration_minutes=programme.group_session_minutes,
        )
        for template, day in zip(templates, dates, strict=True)
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        subject="programme group",
        subject_id=group.pk,
        # audit.snapshot knows dates, not times of day: the start time goes in as text.
        changes=field_changes(
            {},
            snapshot(group, [f for f in GROUP_FIELDS if f != "start_time"])
            | {"start_time": f"{group.start_time:%H:%M}"},
        ),
        request=request,
    )
    return group


@transaction.atomic
def members_allocate(*, group: Group, referrals: list[Referral], by, request=None) -> int:
    """Give each person a place at every session of the group whose register is not yet
    taken, as GROUP appointments on their case with the lead facilitator. Refuses the lot
    if the group has not room for them all."""
    Group.objects.select_for_update().filter(pk=group.pk).exists()
    chosen = list(
        Referral.objects.select_for_update()
        .filter(pk__in=[r.pk for r in referrals])
        .select_related("case")
    )
    for referral in chosen:
        if referral.programme_id != group.programme_id or referral.group_id:
            raise ProgrammeError(f"{referral.case.full_name} is not waiting for this programme")
        if referral.suitability != Suitability.SUITABLE:
            raise ProgrammeError(f"Record whether {referral.case.full_name} is suitable first")
    if not chosen:
        raise ProgrammeError("Select the people to allocate to the group")
    allocated = Referral.objects.filter(group=group).count()
    if problem := rules.capacity_problem(group.capacity, allocated, len(chosen)):
        raise ProgrammeError(problem)
    sessions = list(group.sessions.filter(register_taken_at__isnull=True).order_by("starts_at"))
    now = timezone.now()
    # Sessions still to come must be free in each person's diary; a past one is only a place
    # on its register.
    clashes = people_clashes(
        cases=[r.case for r in chosen],
        times=[(s.starts_at, s.duration_minutes) for s in sessions if s.starts_at > now],
    )
    if clashes:
        raise ProgrammeError(" ".join(clashes))
    for referral in chosen:
        appointments = Appointment.objects.bulk_create(
            Appointment(
                case=referral.case,
                event_id=referral.event_id,
                requirement_id=referral.requirement_id,
                practitioner_id=group.lead_facilitator_id,
                type=AppointmentType.GROUP,
                starts_at=session.starts_at,
                duration_minutes=session.duration_minutes,
                office_id=group.office_id,
                created_by=by,
            )
            for session in sessions
        )
        Attendance.objects.bulk_create(
            Attendance(session=session, referral=referral, appointment=appointment)
            for session, appointment in zip(sessions, appointments, strict=True)
        )
        referral.group, referral.allocated_at = group, now
        _bump(referral, ["group", "allocated_at"])
        audit_record(
            actor=by,
            action=Action.CHANGE,
            case=referral.case,
            subject="programme referral",
            subject_id=referral.pk,
            changes={"group": [None, group.pk]},
            detail={"appointments": [a.pk for a in appointments]},
            request=request,
        )
        if sessions:
            contact_add(
                case=referral.case,
                by=by,
                request=request,
                system_generated=True,
                type=ContactType.APPOINTMENT_CHANGE,
                at=now,
                notes=f"Allocated to {group}: {len(sessions)} group sessions from "
                f"{timezone.localtime(sessions[0].starts_at):%d %B %Y}",
                requirement=referral.requirement,
            )
    return len(chosen)


@transaction.atomic
def register_record(
    *, session: GroupSession, version: int, by, notes: str, entries: list[dict], request=None
) -> GroupSession:
    """Take the register: each entry is an attendance with the outcome to record (blank to
    leave it for now), its appointment's version, the outcome notes and any concern. Outcomes
    go through supervision's own service, so enforcement and ledgers see them at once."""
    current = _lock(GroupSession, session, version)
    if current.starts_at > timezone.now():
        raise ProgrammeError("You can take the register once the session has started")
    for entry in entries:
        attendance = entry["attendance"]
        if entry["outcome"]:
            appointment_record_outcome(
                appointment=attendance.appointment,
                version=entry["version"],
                by=by,
                outcome=entry["outcome"],
                notes=entry["notes"],
                request=request,
            )
        if entry["concern"] and not attendance.concern:
            _concern_raise(attendance, entry["concern_notes"], by, request)
    fields = ["notes", "register_taken_at", "register_taken_by"]
    before = snapshot(current, fields)
    current.notes = notes
    current.register_taken_at = current.register_taken_at or timezone.now()
    current.register_taken_by = current.register_taken_by or by
    _bump(current, fields)
    audit_record(
        actor=by,
        action=Action.CHANGE,
        subject="programme session",
        subject_id=current.pk,
        changes=field_changes(before, snapshot(current, fields)),
        request=request,
    )
    return current


def _concern_raise(attendance: Attendance, notes: str, by, request) -> None:
    if not notes.strip():
        raise ProgrammeError("Enter what the concern is")
    fields = ["concern", "concern_notes", "concern_raised_at"]
    attendance.concern, attendance.concern_notes = True, notes.strip()
    attendance.concern_raised_at = timezone.now()
    attendance.save(update_fields=fields)
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=attendance.referral.case,
        subject="programme attendance",
        subject_id=attendance.pk,
        changes=field_changes({}, snapshot(attendance, fields)),
        request=request,
    )


@transaction.atomic
def catch_up_arrange(
    *, referral: Referral, template, starts_at: datetime, by, request=None
) -> CatchUp:
    """A one-to-one with the facilitator that makes up a missed session: it counts on the
    requirement, and in the programme's progress once attended and complied with."""
    referral = Referral.objects.select_related("group__programme", "case").get(pk=referral.pk)
    if referral.group_id is None:
        raise ProgrammeError("Only a member of a group can have a catch-up session")
    if template.programme_id != referral.programme_id:
        raise ProgrammeError("Choose a session of this programme")
    going_ahead = CatchUp.objects.filter(
        Q(appointment__outcome="") | Q(appointment__outcome=Outcome.ATTENDED_COMPLIED),
        referral=referral,
        template=template,
        appointment__cancelled_at__isnull=True,
    )
    if going_ahead.exists():
        raise ProgrammeError("A catch-up for this session is already arranged or attended")
    group = referral.group
    minutes = group.programme.one_to_one_minutes
    if clashes := appointment_clashes(
        practitioner=by, case=referral.case, starts_at=starts_at, duration_minutes=minutes
    ):
        raise ProgrammeError(clashes[0])
    appointment = Appointment.objects.create(
        case=referral.case,
        event_id=referral.event_id,
        requirement_id=referral.requirement_id,
        practitioner=by,
        type=AppointmentType.OFFICE_VISIT,
        starts_at=starts_at,
        duration_minutes=minutes,
        office_id=group.office_id,
        created_by=by,
    )
    catch_up = CatchUp.objects.create(referral=referral, template=template, appointment=appointment)
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=referral.case,
        subject="programme catch-up",
        subject_id=catch_up.pk,
        detail={"appointment": appointment.pk, "session": template.number},
        request=request,
    )
    return catch_up
