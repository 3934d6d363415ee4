"""Allocating from the queue, transfers, reductions, hours and weightings: what each write
changes and the audit rows it leaves."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from desist.access.models import AccessKind, CaseAccess
from desist.accounts.roles import Role
from desist.audit.models import AuditEvent
from desist.enforcement.models import EnforcementAction, Recall
from desist.people.models import Allocation
from desist.people.services import StaleEdit
from desist.rules import workload as wl
from desist.supervision.constants import ContactType
from desist.supervision.models import Appointment, Contact
from desist.workforce import selectors, services
from desist.workforce.models import ExceptionStatus, StaffWorkload, WorkloadWeightings

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def test_queue_allocate_allocates_closes_the_entry_and_records_the_decision(
    waiting, manager, officer
):
    entry = waiting()
    allocation = services.queue_allocate(
        entry=entry, practitioner=officer, rationale="Lowest caseload; knows the area.", by=manager
    )
    entry.refresh_from_db()
    case = entry.case
    case.refresh_from_db()
    assert entry.allocation == allocation
    assert case.practitioner == officer
    rationale = Contact.objects.get(case=case, type=ContactType.MANAGEMENT_OVERSIGHT)
    assert rationale.sensitive and not rationale.system_generated
    assert "Lowest caseload; knows the area." in rationale.notes
    assert rationale.created_by == manager
    told = Contact.objects.get(case=case, type=ContactType.OTHER, system_generated=True)
    assert "Arrange the first appointment" in told.notes
    subjects = set(
        AuditEvent.objects.filter(case=case, actor=manager).values_list("subject", flat=True)
    )
    assert {"allocation", "allocation queue", "contact"} <= subjects
    closed = AuditEvent.objects.get(case=case, subject="allocation queue", action="CHANGE")
    assert closed.changes == {"allocation": [None, allocation.pk]}


def test_an_entry_is_allocated_once(waiting, manager, officer, colleague):
    entry = waiting()
    services.queue_allocate(entry=entry, practitioner=officer, rationale="r", by=manager)
    with pytest.raises(services.AllocationRefused, match="already been allocated"):
        services.queue_allocate(entry=entry, practitioner=colleague, rationale="r", by=manager)


def test_excluded_staff_cannot_be_given_the_case(waiting, manager, officer):
    entry = waiting()
    CaseAccess.objects.create(case=entry.case, staff=officer, kind=AccessKind.EXCLUDED)
    with pytest.raises(services.AllocationRefused, match="may not open this case"):
        services.queue_allocate(entry=entry, practitioner=officer, rationale="r", by=manager)
    assert not Allocation.objects.filter(case=entry.case).exists()


def test_a_restricted_case_goes_only_to_staff_on_its_allow_list(waiting, manager, officer):
    entry = waiting()
    entry.case.restricted = True
    entry.case.save(update_fields=["restricted"])
    with pytest.raises(services.AllocationRefused):
        services.queue_allocate(entry=entry, practitioner=officer, rationale="r", by=manager)
    CaseAccess.objects.create(case=entry.case, staff=officer, kind=AccessKind.ALLOWED)
    services.queue_allocate(entry=entry, practitioner=officer, rationale="r", by=manager)


@pytest.fixture
def learner(make_staff):
    return make_staff("learner", Role.PQIP_LEARNER, grade="PQIP")


@pytest.fixture
def second_spo(make_staff):
    return make_staff("spo2", Role.SENIOR_PROBATION_OFFICER, grade="SPO")


def _ask(entry, learner, manager, reason="Practice tutor co-works the case"):
    return services.allocation_exception_request(
        entry=entry,
        practitioner=learner,
        rationale="Co-working with a PO",
        reason=reason,
        by=manager,
    )


def test_a_very_high_rosh_case_goes_to_a_learner_only_through_an_exception(
    waiting, manager, learner
):
    entry = waiting(rosh="VERY_HIGH")
    with pytest.raises(services.AllocationRefused, match="ask for countersignature"):
        services.queue_allocate(entry=entry, practitioner=learner, rationale="r", by=manager)
    with pytest.raises(services.AllocationRefused, match="Enter the reason for the exception"):
        _ask(entry, learner, manager, reason="  ")
    exception = _ask(entry, learner, manager)
    entry.refresh_from_db()
    assert exception.status == ExceptionStatus.AWAITING
    assert entry.allocation is None and entry.case.practitioner is None  # still waiting
    assert AuditEvent.objects.filter(
        actor=manager, action="CREATE", subject="allocation exception", case=entry.case
    ).exists()
    # While it waits, nobody allocates the case some other way or asks again.
    with pytest.raises(services.AllocationRefused, match="awaits countersignature"):
        _ask(entry, learner, manager)


def test_a_suitable_practitioner_needs_no_exception(waiting, manager, officer):
    with pytest.raises(services.AllocationRefused, match="no exception is needed"):
        _ask(waiting(rosh="VERY_HIGH"), officer, manager)


def test_another_spo_approves_the_exception_which_allocates_the_case(
    waiting, manager, learner, second_spo
):
    entry = waiting(rosh="VERY_HIGH")
    exception = _ask(entry, learner, manager)
    with pytest.raises(services.AllocationRefused, match="must countersign your request"):
        services.allocation_exception_decide(
            exception=exception, version=1, approve=True, rationale="Fine", by=manager
        )
    with pytest.raises(services.AllocationRefused, match="rationale"):
        services.allocation_exception_decide(
            exception=exception, version=1, approve=True, rationale=" ", by=second_spo
        )
    with pytest.raises(StaleEdit):
        services.allocation_exception_decide(
            exception=exception, version=9, approve=True, rationale="Fine", by=second_spo
        )
    decided = services.allocation_exception_decide(
        exception=exception,
        version=1,
        approve=True,
        rationale="Tutor supervision in place",
        by=second_spo,
    )
    assert decided.status == ExceptionStatus.APPROVED and decided.version == 2
    assert decided.decided_by == second_spo
    entry.refresh_from_db()
    assert entry.allocation.practitioner == learner
    assert entry.grade_exception_reason == "Practice tutor co-works the case"
    note = Contact.objects.get(case=entry.case, type=ContactType.MANAGEMENT_OVERSIGHT)
    assert note.sensitive
    assert "Grade exception: Practice tutor co-works the case" in note.notes
    assert "Countersigned by Spo2 Tester: Tutor supervision in place" in note.notes
    assert "Co-working with a PO" in note.notes
    assert AuditEvent.objects.filter(
        actor=second_spo, action="CHANGE", subject="allocation exception"
    ).exists()
    with pytest.raises(services.AllocationRefused, match="already been decided"):
        services.allocation_exception_decide(
            exception=exception, version=2, approve=False, rationale="No", by=second_spo
        )


def test_a_rejected_exception_returns_the_case_to_the_queue(
    waiting, manager, learner, second_spo, officer
):
    entry = waiting(rosh="VERY_HIGH")
    exception = _ask(entry, learner, manager)
    assert selectors.allocation_queue(manager).get(pk=entry.pk).exception_awaiting
    decided = services.allocation_exception_decide(
        exception=exception, version=1, approve=False, rationale="Too risky", by=second_spo
    )
    assert decided.status == ExceptionStatus.REJECTED
    assert decided.decision_rationale == "Too risky"
    entry.refresh_from_db()
    assert entry.allocation is None and not Allocation.objects.filter(case=entry.case).exists()
    waiting_again = selectors.allocation_queue(manager).get(pk=entry.pk)
    assert not waiting_again.exception_awaiting
    services.queue_allocate(entry=entry, practitioner=officer, rationale="A PO", by=manager)


def test_the_countersigning_queue_lists_awaiting_exceptions_for_spos_in_the_pdu(
    waiting, manager, learner, second_spo, team
):
    from desist.organisation.models import Team
    from desist.oversight.countersign import awaiting_countersignature

    entry = waiting(rosh="VERY_HIGH")
    exception = _ask(entry, learner, manager)
    other_team = Team.objects.create(code="T2", name="Gateshead team", pdu=team.pdu)
    items = [
        i
        for i in awaiting_countersignature([other_team.pk], TODAY)
        if i.kind == "Allocation exception"
    ]
    assert [(i.kind, i.crn, i.requested_by_id) for i in items] == [
        ("Allocation exception", entry.case.crn, manager.pk)
    ]
    assert items[0].url == f"/allocations/exceptions/{exception.pk}/"
    assert "Learner Tester (PQiP learner)" in items[0].detail
    services.allocation_exception_decide(
        exception=exception, version=1, approve=False, rationale="No", by=second_spo
    )
    assert not [
        i for i in awaiting_countersignature([team.pk], TODAY) if i.kind == "Allocation exception"
    ]


def test_staff_without_a_caseload_cannot_hold_a_case(waiting, manager, make_staff):
    court_officer = make_staff("courtofficer", Role.COURT_OFFICER)
    with pytest.raises(services.AllocationRefused, match="does not hold a caseload"):
        services.queue_allocate(
            entry=waiting(), practitioner=court_officer, rationale="r", by=manager
        )


def test_transfer_to_another_team_leaves_a_handover_note(
    community_case, manager, officer, make_staff, team
):
    from desist.organisation.models import Team

    other_team = Team.objects.create(code="T2", name="Gateshead team", pdu=team.pdu)
    receiver = make_staff("receiver", Role.PROBATION_OFFICER, grade="PO", team=other_team)
    case = community_case(officer)
    services.case_transfer(
        case=case, practitioner=receiver, handover_note="Moved to Gateshead.", by=manager
    )
    case.refresh_from_db()
    assert case.practitioner == receiver and case.team == other_team
    note = Contact.objects.get(case=case, type=ContactType.MANAGEMENT_OVERSIGHT)
    assert note.sensitive
    assert "in Gateshead team (from" in note.notes and "Moved to Gateshead." in note.notes
    with pytest.raises(services.AllocationRefused, match="already allocated"):
        services.case_transfer(case=case, practitioner=receiver, handover_note="x", by=manager)


def _unacceptable_absence(case, practitioner, days_ago):
    Appointment.objects.create(
        case=case,
        event=case.events.get(),
        practitioner=practitioner,
        type="OFFICE",
        starts_at=timezone.now() - datetime.timedelta(days=days_ago),
        outcome="UAAB",
    )


def test_transfer_is_blocked_while_a_breach_is_due(community_case, manager, officer, colleague):
    case = community_case(officer)
    event = case.events.get()
    _unacceptable_absence(case, officer, 20)
    EnforcementAction.objects.create(
        case=case,
        event=event,
        code="EA02",
        kind="warning",
        on=timezone.localdate() - datetime.timedelta(days=19),
    )
    assert services.transfer_blocked_by_enforcement(case) is None
    _unacceptable_absence(case, officer, 2)
    with pytest.raises(services.AllocationRefused, match="enforcement is pending"):
        services.case_transfer(case=case, practitioner=colleague, handover_note="x", by=manager)
    case.refresh_from_db()
    assert case.practitioner == officer


def test_transfer_is_blocked_while_a_recall_awaits_countersignature(
    community_case, manager, officer, colleague
):
    case = community_case(officer)
    Recall.objects.create(
        case=case,
        event=case.events.get(),
        reasons="Whereabouts unknown",
        alternatives="Warning letter",
        suggested_type="standard",
        recall_type="standard",
    )
    with pytest.raises(services.AllocationRefused, match="recall recommendation"):
        services.case_transfer(case=case, practitioner=colleague, handover_note="x", by=manager)


def test_reduction_add_is_audited_and_takes_hours_off_capacity(manager, officer):
    reduction = services.reduction_add(
        staff=officer,
        reason="Practice tutor",
        hours=Decimal("7.5"),
        starts_on=TODAY - datetime.timedelta(days=1),
        by=manager,
    )
    audit = AuditEvent.objects.get(subject="workload reduction", subject_id=str(reduction.pk))
    assert audit.actor == manager and audit.changes["hours"] == [None, "7.5"]
    load = selectors.practitioner_workload(officer, TODAY)
    assert load.capacity.available.reduction_hours == Decimal("7.5")
    assert load.capacity.available.points == 1734  # floor(2176 x 29.5 / 37)


def test_a_reduction_cannot_end_before_it_starts(manager, officer):
    with pytest.raises(services.AllocationRefused):
        services.reduction_add(
            staff=officer,
            reason="x",
            hours=1,
            starts_on=TODAY,
            ends_on=TODAY - datetime.timedelta(days=1),
            by=manager,
        )


def test_contracted_hours_refuse_a_stale_form(manager, officer):
    services.staff_workload_update(
        staff=officer, version=1, by=manager, contracted_hours=Decimal(30), office=None
    )
    assert StaffWorkload.objects.get(staff=officer).version == 2
    with pytest.raises(StaleEdit):
        services.staff_workload_update(
            staff=officer, version=1, by=manager, contracted_hours=Decimal(20), office=None
        )
    assert selectors.practitioner_workload(officer, TODAY).capacity.available.points == 1764


def test_weightings_record_takes_effect_from_its_date(admin_user):
    assert selectors.weightings_in_force(TODAY) == wl.SEED_WEIGHTINGS
    mapping = wl.weightings_to_mapping(wl.SEED_WEIGHTINGS)
    mapping["normal"]["community"]["B2"] = 120
    later = TODAY + datetime.timedelta(days=7)
    new = wl.weightings_from_mapping(mapping, effective_from=later)
    row = services.weightings_record(effective_from=later, weightings=new, by=admin_user)
    assert AuditEvent.objects.filter(subject="workload weightings", subject_id=str(row.pk)).exists()
    assert selectors.weightings_in_force(TODAY).normal.community["B2"] == 115
    assert selectors.weightings_in_force(later).normal.community["B2"] == 120
    assert WorkloadWeightings.objects.count() == 2


def test_queue_for_allocation_keeps_its_signature(waiting):
    entry = waiting()
    assert entry.due_by > entry.starts_on and entry.allocation is None
    assert timezone.localdate() == entry.starts_on
