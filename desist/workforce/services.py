"""The write path for workload and allocation. Every write is audited in the same transaction;
allocating goes through people.services.case_allocate, so the case's allocation history stays
the one record of who held it."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from desist.accounts.roles import Permission
from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.enforcement.constants import RecallStatus
from desist.enforcement.models import Recall
from desist.enforcement.selectors import due_on_cases
from desist.people.models import Case
from desist.people.services import StaleEdit, case_allocate
from desist.risk.models import CaseRisk
from desist.rules import allocation as allocation_rules
from desist.rules import workload as wl
from desist.rules.enforcement import DueKind
from desist.rules.working_days import add_working_days
from desist.supervision.constants import ContactType
from desist.supervision.services import contact_add
from desist.workforce.models import (
    AllocationException,
    AwaitingAllocation,
    ExceptionStatus,
    QueueSource,
    StaffWorkload,
    WorkloadReduction,
    WorkloadWeightings,
)
from desist.workforce.selectors import may_hold

# National Standards (2015) and the Probation Instructions after them expect the first
# appointment within five working days of sentence or release. VERIFY against the current
# Probation Operating Model before relying on the exact figure.
FIRST_APPOINTMENT_WORKING_DAYS = 5
REDUCTION_FIELDS = ("reason", "hours", "starts_on", "ends_on")
PROFILE_FIELDS = ("contracted_hours", "office")
EXCEPTION_FIELDS = ("practitioner_id", "reason", "rationale", "status")
DECISION_FIELDS = ("status", "decision_rationale")


def transfer_blocked_by_enforcement(case) -> str | None:
    """Why pending enforcement stops a transfer, or None (practice/rules.md section 6: one
    responsible officer at all times, no transfer while enforcement is pending).

    Pending means a recall recommendation awaits the SPO's countersignature, or a breach or
    recall decision is due and not yet answered (desist.enforcement works out what is due).
    VERIFY whether breach proceedings already before the court should also block.
    """
    if Recall.objects.filter(case=case, status=RecallStatus.AWAITING).exists():
        return (
            "This case cannot be transferred while a recall recommendation awaits countersignature."
        )
    due = due_on_cases(Case.objects.filter(pk=case.pk), timezone.localdate())
    if any(d.due.kind in (DueKind.BREACH, DueKind.RECALL_CONSIDERATION) for d in due):
        return (
            "This case cannot be transferred while enforcement is pending: a breach or "
            "recall decision is due. Deal with it first."
        )
    return None


def queue_for_allocation(
    *,
    case,
    pdu,
    source: QueueSource,
    starts_on,
    by,
    team=None,
    event=None,
    request=None,
) -> AwaitingAllocation:
    """Put a case in the allocation queue of a team (or of the PDU when the team is not known),
    due by the day its first appointment must happen. Audited against the case."""
    entry = AwaitingAllocation.objects.create(
        case=case,
        event=event,
        pdu=pdu,
        team=team,
        source=source,
        starts_on=starts_on,
        due_by=add_working_days(starts_on, FIRST_APPOINTMENT_WORKING_DAYS),
        created_by=by,
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject="allocation queue",
        subject_id=entry.pk,
        detail={"source": source, "due_by": entry.due_by.isoformat()},
        request=request,
    )
    return entry


class AllocationRefused(Exception):
    """The allocation or transfer cannot go ahead as asked; the message says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def weightings_record(*, effective_from, weightings: wl.Weightings, by, request=None):
    """Record workload weightings in force from a date (replacing any recorded for that same
    day). The rules module checks the values; older rows stay so past figures still explain."""
    data = wl.weightings_to_mapping(weightings)
    row, created = WorkloadWeightings.objects.update_or_create(
        effective_from=effective_from,
        defaults={"data": data, "recorded_by": by, "recorded_at": timezone.now()},
    )
    audit_record(
        actor=by,
        action=Action.CREATE if created else Action.CHANGE,
        subject="workload weightings",
        subject_id=row.pk,
        detail={"effective_from": effective_from.isoformat()},
        request=request,
    )
    return row


@transaction.atomic
def reduction_add(*, staff, reason: str, hours, starts_on, ends_on=None, by, request=None):
    """Take hours a week off a practitioner's capacity between two dates."""
    if ends_on is not None and ends_on < starts_on:
        raise AllocationRefused("The end date must be on or after the start date")
    reduction = WorkloadReduction.objects.create(
        staff=staff,
        reason=reason,
        hours=hours,
        starts_on=starts_on,
        ends_on=ends_on,
        recorded_by=by,
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        subject="workload reduction",
        subject_id=reduction.pk,
        changes=field_changes({}, snapshot(reduction, REDUCTION_FIELDS)),
        detail={"staff": staff.pk},
        request=request,
    )
    return reduction


@transaction.atomic
def staff_workload_update(*, staff, version: int, by, request=None, **fields) -> StaffWorkload:
    """Change a practitioner's contracted hours or office; refuses a stale form."""
    profile, _ = StaffWorkload.objects.get_or_create(staff=staff)
    profile = StaffWorkload.objects.select_for_update().get(pk=profile.pk)
    if profile.version != version:
        raise StaleEdit()
    before = snapshot(profile, PROFILE_FIELDS)
    for name in PROFILE_FIELDS:
        setattr(profile, name, fields[name])
    profile.version = F("version") + 1
    profile.save(update_fields=[*PROFILE_FIELDS, "version"])
    profile.refresh_from_db()
    audit_record(
        actor=by,
        action=Action.CHANGE,
        subject="staff workload",
        subject_id=staff.pk,
        changes=field_changes(before, snapshot(profile, PROFILE_FIELDS)),
        request=request,
    )
    return profile


def _allocate(*, case, practitioner, note: str, note_heading: str, by, request):
    """Allocate, record the SPO's reasons as a sensitive management oversight note, and tell
    the practitioner on the case (case_allocate also emails them)."""
    allocation = case_allocate(
        case=case, practitioner=practitioner, by=by, reason=note_heading, request=request
    )
    now = timezone.now()
    contact_add(
        case=case,
        by=by,
        request=request,
        type=ContactType.MANAGEMENT_OVERSIGHT,
        at=now,
        notes=f"{note_heading}\n\n{note}",
        sensitive=True,
    )
    contact_add(
        case=case,
        by=None,
        system_generated=True,
        request=request,
        type=ContactType.OTHER,
        at=now,
        notes=f"Case allocated to {practitioner.get_full_name()} by {by.get_full_name()}. "
        "Arrange the first appointment.",
    )
    return allocation


def _suitability(case, practitioner) -> allocation_rules.Suitability:
    rosh = CaseRisk.objects.filter(case=case).values_list("rosh", flat=True).first()
    return allocation_rules.grade_suitability(practitioner.grade, rosh)


def _lock_waiting(entry: AwaitingAllocation) -> AwaitingAllocation:
    """The entry, locked, refusing one someone has allocated meanwhile."""
    entry = AwaitingAllocation.objects.select_for_update().select_related("case").get(pk=entry.pk)
    if entry.allocation_id is not None:
        raise AllocationRefused("This case has already been allocated")
    return entry


def _refuse_if_exception_awaits(entry: AwaitingAllocation) -> None:
    if AllocationException.objects.filter(entry=entry, status=ExceptionStatus.AWAITING).exists():
        raise AllocationRefused(
            "An allocation exception for this case awaits countersignature. "
            "It stays in the queue until a senior probation officer decides."
        )


def _close_entry(*, entry, allocation, exception_reason: str, by, request) -> None:
    entry.allocation = allocation
    entry.grade_exception_reason = exception_reason
    entry.save(update_fields=["allocation", "grade_exception_reason"])
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=entry.case,
        subject="allocation queue",
        subject_id=entry.pk,
        changes={"allocation": [None, allocation.pk]},
        detail={"grade_exception": exception_reason} if exception_reason else {},
        request=request,
    )


@transaction.atomic
def queue_allocate(*, entry: AwaitingAllocation, practitioner, rationale: str, by, request=None):
    """Allocate a waiting case to a practitioner and close its place in the queue.

    Refuses a practitioner who may not open the case, an entry someone else has already
    allocated or asked an exception for, and a grade the rules keep from the case: that needs
    an exception another SPO countersigns (allocation_exception_request).
    """
    entry = _lock_waiting(entry)
    _refuse_if_exception_awaits(entry)
    _check_may_hold(entry.case, practitioner)
    suitability = _suitability(entry.case, practitioner)
    if not suitability.suitable:
        raise AllocationRefused(
            f"{suitability.reason} Enter the reason for the exception to ask for countersignature."
        )
    allocation = _allocate(
        case=entry.case,
        practitioner=practitioner,
        note=rationale,
        note_heading=f"Allocation decision: allocated to {practitioner.get_full_name()}.",
        by=by,
        request=request,
    )
    _close_entry(entry=entry, allocation=allocation, exception_reason="", by=by, request=request)
    return allocation


@transaction.atomic
def allocation_exception_request(
    *, entry: AwaitingAllocation, practitioner, rationale: str, reason: str, by, request=None
) -> AllocationException:
    """Ask to allocate a waiting case against the grade rules. The case stays in the queue,
    marked as waiting for the exception, until another SPO decides (issue 7)."""
    entry = _lock_waiting(entry)
    _refuse_if_exception_awaits(entry)
    _check_may_hold(entry.case, practitioner)
    suitability = _suitability(entry.case, practitioner)
    if suitability.suitable:
        raise AllocationRefused(
            f"{practitioner.get_full_name()} may hold this case: no exception is needed"
        )
    if allocation_rules.needs_exception_reason(suitability, reason):
        raise AllocationRefused(f"{suitability.reason} Enter the reason for the exception.")
    exception = AllocationException.objects.create(
        entry=entry,
        practitioner=practitioner,
        reason=reason.strip(),
        rationale=rationale,
        requested_by=by,
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=entry.case,
        subject="allocation exception",
        subject_id=exception.pk,
        changes=field_changes({}, snapshot(exception, EXCEPTION_FIELDS)),
        detail={"practitioner": practitioner.pk, "entry": entry.pk},
        request=request,
    )
    return exception


@transaction.atomic
def allocation_exception_decide(
    *,
    exception: AllocationException,
    version: int,
    approve: bool,
    rationale: str,
    by,
    request=None,
) -> AllocationException:
    """Another SPO approves the exception, which allocates the case, or rejects it, which
    leaves the case waiting in the queue; with a rationale either way. Nobody countersigns
    their own request."""
    current = (
        AllocationException.objects.select_for_update(of=("self",))
        .select_related("practitioner", "requested_by")
        .get(pk=exception.pk)
    )
    if current.version != version:
        raise StaleEdit()
    if current.status != ExceptionStatus.AWAITING:
        raise AllocationRefused("This allocation exception has already been decided")
    if current.requested_by_id == by.pk:
        raise AllocationRefused("Another senior probation officer must countersign your request")
    if not rationale.strip():
        raise AllocationRefused("Enter the rationale for your decision")
    entry = _lock_waiting(current.entry)
    if approve:
        _check_may_hold(entry.case, current.practitioner)
    before = snapshot(current, DECISION_FIELDS)
    current.status = ExceptionStatus.APPROVED if approve else ExceptionStatus.REJECTED
    current.decision_rationale = rationale
    current.decided_by, current.decided_at = by, timezone.now()
    current.version = F("version") + 1
    current.save(
        update_fields=["status", "decision_rationale", "decided_by", "decided_at", "version"]
    )
    current.refresh_from_db(fields=["version"])
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=entry.case,
        subject="allocation exception",
        subject_id=current.pk,
        changes=field_changes(before, snapshot(current, DECISION_FIELDS)),
        request=request,
    )
    if approve:
        practitioner = current.practitioner
        requester = current.requested_by.get_full_name() if current.requested_by else "unknown"
        allocation = _allocate(
            case=entry.case,
            practitioner=practitioner,
            note=current.rationale,
            note_heading=f"Allocation decision: allocated to {practitioner.get_full_name()} "
            f"as asked by {requester}. Grade exception: {current.reason} Countersigned by "
            f"{by.get_full_name()}: {rationale.strip()}",
            by=by,
            request=request,
        )
        _close_entry(
            entry=entry,
            allocation=allocation,
            exception_reason=current.reason,
            by=by,
            request=request,
        )
    return current


@transaction.atomic
def case_transfer(*, case, practitioner, handover_note: str, by, request=None):
    """Reallocate a case, within the team or to another team or PDU, with a handover note.

    There is one responsible officer at all times, and no transfer while enforcement is
    pending (practice/rules.md section 6)."""
    if practitioner.pk == case.practitioner_id:
        raise AllocationRefused("The case is already allocated to this practitioner")
    if reason := transfer_blocked_by_enforcement(case):
        raise AllocationRefused(reason)
    _check_may_hold(case, practitioner)
    before = case.team
    heading = f"Handover: case transferred to {practitioner.get_full_name()}"
    if before is not None and practitioner.team_id != before.pk:
        heading += f" in {practitioner.team.name} (from {before.name})"
    return _allocate(
        case=case,
        practitioner=practitioner,
        note=handover_note,
        note_heading=heading + ".",
        by=by,
        request=request,
    )


def _check_may_hold(case, practitioner) -> None:
    if not practitioner.may(Permission.HOLD_CASELOAD):
        raise AllocationRefused(f"{practitioner.get_full_name()} does not hold a caseload")
    if practitioner.pk not in may_hold(case, [practitioner.pk]):
        raise AllocationRefused(
            f"{practitioner.get_full_name()} may not open this case, so cannot hold it"
        )
