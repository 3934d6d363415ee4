"""Capacity worked out for a team at once, the suggestions for a waiting case, and the
"Arrange the first appointment" deadline."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from desist.access.models import AccessKind, CaseAccess
from desist.accounts.roles import Role
from desist.oversight.deadlines import deadlines_for
from desist.rules import workload as wl
from desist.sentences.models import LicenceCondition
from desist.supervision.models import Appointment
from desist.workforce import selectors, services
from desist.workforce.demo import add_sentence, set_risk
from desist.workforce.models import QueueSource, WorkloadReduction

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
FIRST_APPOINTMENT = "Arrange the first appointment"


def test_capacity_is_grouped_by_case_type_and_tier_with_the_why(
    community_case, make_case, officer, colleague
):
    for _ in range(3):
        community_case(officer, tier="B2")
    community_case(officer, tier="A1")
    licence = make_case("Lena", "Licence", practitioner=officer)
    set_risk(licence, tier="C1")
    event = add_sentence(licence, "SDS")
    LicenceCondition.objects.create(event=event, standard=True, code="S1", text="Be well behaved")
    custody = make_case("Carl", "Custody", practitioner=officer)
    set_risk(custody, tier="D2")
    add_sentence(custody, "SDS")
    make_case("Una", "Untiered", practitioner=officer)

    loads = selectors.workloads(selectors.practitioners([officer.team_id]), TODAY)
    load = loads[officer.pk]
    # 3 x 115 (community B2) + 146 (community A1) + 52 (licence C1) + 14 (custody D2)
    assert load.capacity.workload.total == 345 + 146 + 52 + 14
    assert load.case_count == 7
    assert load.tier_mix == {"A": 1, "B": 3, "C": 1, "D": 1, "none": 1}
    lines = [line.description for line in load.capacity.workload.lines]
    assert "3 community cases at tier B2 x 115 points = 345 points" in lines
    assert "1 licence case at tier C1 x 52 points = 52 points" in lines
    assert load.capacity.percent == wl.capacity_percent(557, 2176)
    assert load.explanation[-1] == f"Capacity: 557 / 2,176 = {load.capacity.percent}% " + (
        "(rounded to one decimal place)."
    )
    assert loads[colleague.pk].capacity.workload.total == 0


def test_only_reductions_in_force_today_count(officer, manager):
    for starts, ends in ((-10, None), (-10, -1), (1, None), (-3, 0)):
        WorkloadReduction.objects.create(
            staff=officer,
            reason="x",
            hours=2,
            starts_on=TODAY + datetime.timedelta(days=starts),
            ends_on=None if ends is None else TODAY + datetime.timedelta(days=ends),
        )
    load = selectors.practitioner_workload(officer, TODAY)
    assert load.capacity.available.reduction_hours == Decimal(4)


def test_suggestions_rank_and_leave_out_excluded_staff(
    waiting, community_case, officer, colleague, make_staff
):
    make_staff("pso", Role.PROBATION_SERVICES_OFFICER, grade="PSO")
    excluded = make_staff("excluded", Role.PROBATION_OFFICER, grade="PO")
    make_staff("court", Role.COURT_OFFICER)  # holds no caseload
    community_case(officer, tier="A3")
    entry = waiting(rosh="VERY_HIGH")
    CaseAccess.objects.create(case=entry.case, staff=excluded, kind=AccessKind.EXCLUDED)

    found = selectors.suggestions(entry, TODAY)
    names = [s.staff.username for s in found]
    assert "excluded" not in names and "court" not in names
    # colleague (0%) before officer (busier); the PSO is unsuitable for very high RoSH: last.
    assert names[:2] == ["colleague", "officer"] and names[-1] == "pso"
    assert not found[-1].suitability.suitable
    first = found[0]
    assert first.impact.capacity_before == Decimal("0.0")
    assert first.impact.capacity_after == wl.capacity_percent(115, 2176)
    assert "Allocating this community case at tier B2 (115 points)" in first.explanation


def test_someone_who_held_the_case_before_comes_first(waiting, officer, colleague, community_case):
    from desist.people.models import Allocation

    community_case(colleague, tier="A3")
    entry = waiting()
    Allocation.objects.create(
        case=entry.case,
        practitioner=colleague,
        team=colleague.team,
        started_at=timezone.now() - datetime.timedelta(days=400),
        ended_at=timezone.now() - datetime.timedelta(days=300),
    )
    found = selectors.suggestions(entry, TODAY)
    assert found[0].staff == colleague and found[0].held_before


def test_a_case_queued_on_release_counts_as_a_licence_case(make_case, manager, team):
    case = make_case("Rita", "Release", practitioner=None)
    set_risk(case, tier="B1")
    add_sentence(case, "SDS")
    assert selectors.classification_of(case).case_type is wl.CaseType.CUSTODY
    released = selectors.classification_of(case, source=QueueSource.RELEASE)
    assert released == wl.CaseClassification("B1", wl.CaseType.LICENSE)


def test_the_queue_shows_the_team_and_unteamed_pdu_entries_soonest_first(
    waiting, manager, officer, team
):
    later, sooner = waiting(first="Later"), waiting(first="Sooner")
    sooner.due_by = later.due_by - datetime.timedelta(days=3)
    sooner.save(update_fields=["due_by"])
    unteamed = waiting(first="Pdu")
    unteamed.team = None
    unteamed.save(update_fields=["team"])
    restricted = waiting(first="Secret")
    restricted.case.restricted = True
    restricted.case.save(update_fields=["restricted"])
    services.queue_allocate(entry=later, practitioner=officer, rationale="r", by=manager)

    queue = list(selectors.allocation_queue(manager))
    assert queue[0] == sooner
    assert set(queue) == {sooner, unteamed, restricted}
    assert {e.pk: e.case_visible for e in queue}[restricted.pk] is False


def test_first_appointment_deadline_until_one_is_arranged(waiting, manager, officer):
    entry = waiting()
    services.queue_allocate(entry=entry, practitioner=officer, rationale="r", by=manager)
    due = [d for d in deadlines_for([officer.pk], TODAY) if d.kind == FIRST_APPOINTMENT]
    assert len(due) == 1
    assert due[0].due == entry.due_by and due[0].crn == entry.case.crn
    assert due[0].owner_id == officer.pk
    Appointment.objects.create(
        case=entry.case,
        practitioner=officer,
        type="OFFICE",
        starts_at=timezone.now() + datetime.timedelta(days=1),
    )
    assert not [d for d in deadlines_for([officer.pk], TODAY) if d.kind == FIRST_APPOINTMENT]
