"""The write path for community payback: projects, work sessions, placing people on them and
the session's register. Every change is audited in its transaction; projects are versioned.

A place on a session is arranged and its outcome recorded through desist.supervision.services,
so the clash check, the case timeline, compliance and enforcement apply to unpaid work as to
any appointment; the hours credited come from desist.rules.unpaid_work.
"""

from dataclasses import dataclass
from datetime import time

from django.db import transaction
from django.db.models import F

from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.people.models import Case
from desist.people.services import StaleEdit
from desist.rules.unpaid_work import credited_minutes
from desist.supervision.constants import AppointmentType
from desist.supervision.models import Appointment
from desist.supervision.selectors import GOING_AHEAD
from desist.supervision.services import (
    AppointmentError,
    appointment_arrange,
    appointment_record_outcome,
)
from desist.unpaid_work import selectors
from desist.unpaid_work.models import Placement, Project, WorkSession

PROJECT_FIELDS = (
    "name",
    "type",
    "description",
    "supervisor",
    "address",
    "pdu",
    "capacity",
    "active",
)
SESSION_FIELDS = ("date", "start_time", "end_time", "capacity")


class UnpaidWorkError(Exception):
    """The placement or the register cannot be saved as asked; the message says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def project_create(*, by, request=None, **fields) -> Project:
    project = Project.objects.create(**fields)
    audit_record(
        actor=by,
        action=Action.CREATE,
        subject="upw_project",
        subject_id=project.pk,
        changes=field_changes({}, snapshot(project, fields)),
        request=request,
    )
    return project


@transaction.atomic
def project_update(*, project: Project, version: int, by, request=None, **fields) -> Project:
    current = Project.objects.select_for_update().get(pk=project.pk)
    if current.version != version:
        raise StaleEdit()
    before = snapshot(current, fields)
    for name, value in fields.items():
        setattr(current, name, value)
    current.version = F("version") + 1
    current.save(update_fields=[*fields, "version"])
    current.refresh_from_db()
    audit_record(
        actor=by,
        action=Action.CHANGE,
        subject="upw_project",
        subject_id=current.pk,
        changes=field_changes(before, snapshot(current, fields)),
        request=request,
    )
    return current


@transaction.atomic
def session_create(*, project: Project, by, request=None, **fields) -> WorkSession:
    session = WorkSession.objects.create(project=project, created_by=by, **fields)
    values = snapshot(session, ("project", "date", "capacity"))
    values.update(start_time=f"{session.start_time:%H:%M}", end_time=f"{session.end_time:%H:%M}")
    audit_record(
        actor=by,
        action=Action.CREATE,
        subject="upw_session",
        subject_id=session.pk,
        changes=field_changes({}, values),
        request=request,
    )
    return session


@transaction.atomic
def placement_allocate(*, session: WorkSession, case: Case, by, request=None) -> Placement:
    """Place a person on a work session, as an unpaid work appointment on their case counting
    towards their oldest unpaid work requirement with hours still to work. Refused when the
    session is full, the person has no such requirement, or they are booked elsewhere then."""
    session = (
        WorkSession.objects.select_for_update()
        .select_related("project__supervisor")
        .get(pk=session.pk)
    )
    requirement = selectors.requirement_to_work(case, on=session.date)
    if requirement is None:
        raise UnpaidWorkError(
            f"{case.full_name} has no active unpaid work requirement with hours left to work"
        )
    booked = list(Appointment.objects.filter(GOING_AHEAD, work_placement__session=session))
    if any(a.case_id == case.pk for a in booked):
        raise UnpaidWorkError(f"{case.full_name} is already on this session")
    if len(booked) >= session.capacity:
        raise UnpaidWorkError(
            f"This session is full: all {session.capacity} places are taken. Choose another session"
        )
    project = session.project
    appointment = appointment_arrange(
        case=case,
        by=by,
        request=request,
        ignore=booked,  # the supervisor is with everyone on the session at once
        type=AppointmentType.UNPAID_WORK,
        starts_at=session.starts_at,
        duration_minutes=session.minutes,
        practitioner=project.supervisor,
        address=project.address.splitlines()[0][:200] if project.address else "",
        requirement=requirement,
    )
    placement = Placement.objects.create(session=session, appointment=appointment)
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject="upw_placement",
        subject_id=placement.pk,
        detail={"session": session.pk, "requirement": requirement.pk},
        request=request,
    )
    return placement


@dataclass(frozen=True)
class Attendance:
    """One line of the register: what happened to the person on this placement."""

    placement: Placement
    version: int
    outcome: str
    notes: str = ""
    sent_home_at: time | None = None


@transaction.atomic
def register_record(*, session: WorkSession, lines: list[Attendance], by, request=None) -> int:
    """Record the session's register: each outcome through the supervision service (version
    check, audit, timeline), crediting the minutes the rule gives. All lines or none are saved;
    a refusal names the person. Returns the number recorded."""
    for line in lines:
        appointment = line.placement.appointment
        credit = credited_minutes(
            outcome=line.outcome,
            starts=session.start_time,
            ends=session.end_time,
            sent_home_at=line.sent_home_at,
        )
        notes = line.notes.strip()
        if line.sent_home_at is not None:
            notes = f"Sent home at {line.sent_home_at:%H:%M}. {notes}".strip()
        try:
            appointment_record_outcome(
                appointment=appointment,
                version=line.version,
                by=by,
                outcome=line.outcome,
                notes=notes,
                credited_minutes=credit,
                request=request,
            )
        except (AppointmentError, StaleEdit) as refused:
            raise UnpaidWorkError(f"{appointment.case.full_name}: {refused.message}") from None
    return len(lines)
