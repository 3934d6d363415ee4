"""The team, practitioner, queue, allocation, transfer and weightings pages: who may use them
and what they show. The team page's query count is pinned."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from desist.accounts.roles import Role
from desist.audit.models import Action, AuditEvent
from desist.oversight.actions import actions_changed
from desist.oversight.alerts import compute_alerts
from desist.oversight.deadlines import compute_deadlines
from desist.people.models import Case
from desist.risk.models import CaseRisk
from desist.risk.tiers import recalculate_all
from desist.workforce.models import (
    AllocationException,
    ExceptionStatus,
    WorkloadReduction,
    WorkloadWeightings,
)
from desist.workforce.selectors import store_caseload_summaries
from desist.workforce.services import reduction_add

pytestmark = pytest.mark.django_db


def test_a_probation_officer_cannot_see_the_queue_or_allocate(signed_in, officer, waiting):
    client = signed_in(officer)
    entry = waiting()
    assert client.get("/allocations/").status_code == 403
    assert client.get(f"/allocations/{entry.pk}/").status_code == 403
    response = client.post(
        f"/allocations/{entry.pk}/", {"practitioner": officer.pk, "rationale": "me"}
    )
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.allocation is None
    assert client.get("/team/").status_code == 403
    assert client.get(f"/cases/{entry.case.crn}/transfer/").status_code == 403


def test_only_an_administrator_changes_the_weightings(signed_in, manager, admin_user):
    assert signed_in(manager).get("/workload-weightings/").status_code == 403
    response = signed_in(admin_user).get("/workload-weightings/")
    assert response.status_code == 200
    assert "Published defaults" in response.content.decode()


def _weightings_post(response, **changes):
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields if name != "effective_from"}
    day = timezone.localdate() + datetime.timedelta(days=1)
    data |= {
        "effective_from_day": day.day,
        "effective_from_month": day.month,
        "effective_from_year": day.year,
    }
    return data | changes


def test_the_administrator_records_new_weightings(signed_in, admin_user):
    client = signed_in(admin_user)
    data = _weightings_post(client.get("/workload-weightings/"), community_B2=120)
    response = client.post("/workload-weightings/", data)
    assert response.status_code == 302
    newest = WorkloadWeightings.objects.first()
    assert newest.data["normal"]["community"]["B2"] == 120
    assert newest.data["normal"]["community"]["B2S"] == 0


def test_weightings_form_explains_a_bad_value(signed_in, admin_user):
    client = signed_in(admin_user)
    data = _weightings_post(client.get("/workload-weightings/"), community_B2="-4")
    response = client.post("/workload-weightings/", data)
    assert response.status_code == 200
    assert "Error: Workload weightings" in response.content.decode()


def test_the_spo_allocates_from_the_queue_to_the_suggested_practitioner(
    signed_in, manager, officer, colleague, waiting, community_case
):
    community_case(officer, tier="A3")
    entry = waiting()
    client = signed_in(manager)
    queue = client.get("/allocations/").content.decode()
    assert entry.case.listed_name in queue
    page = client.get(f"/allocations/{entry.pk}/")
    suggestions = page.context["suggestions"]
    assert suggestions[0].staff == colleague
    response = client.post(
        f"/allocations/{entry.pk}/",
        {"practitioner": colleague.pk, "rationale": "Has capacity."},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/allocations/{entry.pk}/allocated/"
    done = client.get(response["Location"]).content.decode()
    assert "Case allocated to" in done and "Capacity now 5.3%" in done
    assert f"/cases/{entry.case.crn}/appointments/arrange/" in done
    assert entry.case.listed_name not in client.get("/allocations/").content.decode()


def test_allocating_without_a_rationale_is_explained(signed_in, manager, officer, waiting):
    entry = waiting()
    response = signed_in(manager).post(f"/allocations/{entry.pk}/", {"practitioner": officer.pk})
    assert response.status_code == 200
    assert "Enter why you are allocating the case" in response.content.decode()


def test_a_restricted_case_opens_only_through_the_case_access_check(signed_in, manager, waiting):
    entry = waiting()
    entry.case.restricted = True
    entry.case.save(update_fields=["restricted"])
    client = signed_in(manager)
    queue = client.get("/allocations/").content.decode()
    assert f"Limited access case {entry.case.crn}" in queue
    assert "Wendy" not in queue
    assert client.get(f"/allocations/{entry.pk}/").status_code == 403


def test_the_practitioner_page_shows_why_and_records_reductions(
    signed_in, manager, officer, community_case
):
    community_case(officer, tier="B2")
    client = signed_in(manager)
    page = client.get(f"/team/staff/{officer.pk}/").content.decode()
    assert "1 community case at tier B2 x 115 points = 115 points" in page
    assert "Available: 2,176 points" in page
    today = timezone.localdate()
    response = client.post(
        f"/team/staff/{officer.pk}/reductions/add/",
        {
            "reason": "Practice tutor",
            "hours": "3.7",
            "starts_on_day": today.day,
            "starts_on_month": today.month,
            "starts_on_year": today.year,
        },
    )
    assert response.status_code == 302
    assert WorkloadReduction.objects.get(staff=officer).recorded_by == manager
    assert "Practice tutor" in client.get(f"/team/staff/{officer.pk}/").content.decode()


def test_the_spo_changes_hours_and_a_stale_form_is_refused(signed_in, manager, officer):
    client = signed_in(manager)
    assert client.get(f"/team/staff/{officer.pk}/hours/").status_code == 200
    data = {"version": 1, "contracted_hours": "30", "office": ""}
    assert client.post(f"/team/staff/{officer.pk}/hours/", data).status_code == 302
    stale = client.post(f"/team/staff/{officer.pk}/hours/", data)
    assert "Someone else changed these details" in stale.content.decode()


def test_the_spo_manages_only_their_own_team(signed_in, manager, make_staff, region):
    from desist.organisation.models import ProbationDeliveryUnit, Team

    pdu = ProbationDeliveryUnit.objects.create(code="P9", name="Elsewhere", region=region)
    outsider = make_staff(
        "outsider", Role.PROBATION_OFFICER, team=Team.objects.create(code="T9", name="X", pdu=pdu)
    )
    client = signed_in(manager)
    assert client.get(f"/team/staff/{outsider.pk}/").status_code == 404
    assert client.get(f"/team/staff/{outsider.pk}/reductions/add/").status_code == 404


def test_transfer_page_moves_the_case(signed_in, manager, officer, colleague, community_case):
    case = community_case(officer)
    client = signed_in(manager)
    page = client.get(f"/cases/{case.crn}/transfer/")
    assert page.status_code == 200
    response = client.post(
        f"/cases/{case.crn}/transfer/",
        {"practitioner": colleague.pk, "handover_note": "Next appointment Tuesday."},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.practitioner == colleague


def test_team_page_shows_each_practitioner(signed_in, manager, officer, community_case):
    community_case(officer, tier="A1")
    page = signed_in(manager).get("/team/").content.decode()
    assert "Officer Tester" in page and "6.7%" in page
    assert "<svg" in page and "Capacity of each practitioner" in page


def _team_of_twelve(make_staff, community_case, cases_each):
    staff = [make_staff(f"pp{i}", Role.PROBATION_OFFICER, grade="PO") for i in range(12)]
    for member in staff:
        for n in range(cases_each):
            community_case(member, tier="B2" if n % 2 else "C1", first=f"C{n}")
    return staff


def _team_page_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/team/").status_code == 200
    return len(queries)


# The team page's own queries: session, user, second factor, the user's team, staff,
# weightings, reductions, waiting count, and what is stored with the practitioners' actions
# (whether it is current with the overdue counts, their caseload summaries).
TEAM_PAGE_QUERIES = 10


def test_team_page_query_count_is_pinned_and_independent_of_caseloads(
    signed_in, manager, make_staff, community_case, team
):
    staff = _team_of_twelve(make_staff, community_case, 1)
    client = signed_in(manager)
    _team_page_queries(client)  # the day's first read stores the team's actions
    assert _team_page_queries(client) == TEAM_PAGE_QUERIES
    ids = [s.pk for s in staff]
    actions_changed(ids)
    with CaptureQueriesContext(connection) as engine:
        compute_deadlines(ids, timezone.localdate())
        compute_alerts(ids, timezone.localdate())
        store_caseload_summaries(ids, timezone.localdate())
    recomputing = _team_page_queries(client)
    for member in staff:
        for n in range(3):
            community_case(member, tier="A2", first=f"More{n}")
    assert _team_page_queries(client) == recomputing  # new cases: the actions are recomputed
    assert _team_page_queries(client) == TEAM_PAGE_QUERIES
    # Recomputing a whole team costs the sources' queries once, not once per practitioner,
    # and a few to replace the stored rows and read their new counts.
    assert recomputing <= TEAM_PAGE_QUERIES + len(engine) + 9


def test_transfer_page_says_why_it_is_blocked(
    signed_in, manager, colleague, officer, community_case
):
    from desist.enforcement.models import Recall

    case = community_case(officer)
    Recall.objects.create(
        case=case,
        event=case.events.get(),
        reasons="r",
        alternatives="a",
        suggested_type="standard",
        recall_type="standard",
    )
    client = signed_in(manager)
    assert "awaits countersignature" in client.get(f"/cases/{case.crn}/transfer/").content.decode()
    response = client.post(
        f"/cases/{case.crn}/transfer/", {"practitioner": colleague.pk, "handover_note": "x"}
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.practitioner == officer


def test_an_excluded_spo_cannot_open_the_waiting_case(signed_in, manager, waiting):
    from desist.access.models import AccessKind, CaseAccess

    entry = waiting()
    CaseAccess.objects.create(case=entry.case, staff=manager, kind=AccessKind.EXCLUDED)
    client = signed_in(manager)
    assert client.get(f"/allocations/{entry.pk}/").status_code == 403
    assert "Limited access case" in client.get("/allocations/").content.decode()


def test_allocate_page_queries_do_not_grow_with_the_team(
    signed_in, manager, make_staff, community_case, waiting
):
    entry = waiting()
    client = signed_in(manager)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/allocations/{entry.pk}/").status_code == 200
        return len(queries)

    community_case(make_staff("first", Role.PROBATION_OFFICER, grade="PO"), first="First")
    before = count()
    for i in range(5):
        member = make_staff(f"extra{i}", Role.PROBATION_OFFICER, grade="PO")
        community_case(member, first=f"Extra{i}")
    assert count() == before


def test_a_practitioner_sees_their_own_capacity_but_not_a_colleagues(
    signed_in, officer, colleague, community_case
):
    community_case(officer, tier="B2")
    client = signed_in(officer)
    own = client.get(f"/team/staff/{officer.pk}/").content.decode()
    assert "1 community case at tier B2 x 115 points = 115 points" in own
    assert "Record a reduction" not in own
    assert client.get(f"/team/staff/{colleague.pk}/").status_code == 403
    assert client.get(f"/team/staff/{officer.pk}/reductions/add/").status_code == 403


def test_the_queue_can_show_every_team_in_the_pdu(signed_in, manager, waiting, team):
    from desist.organisation.models import Team

    entry = waiting(first="Elsewhere")
    entry.team = Team.objects.create(code="T3", name="Sunderland team", pdu=team.pdu)
    entry.save(update_fields=["team"])
    client = signed_in(manager)
    assert "Waiting, Elsewhere" not in client.get("/allocations/").content.decode()
    whole = client.get("/allocations/?scope=pdu").content.decode()
    assert "Waiting, Elsewhere" in whole and "Sunderland team" in whole


@pytest.fixture
def exception_asked(signed_in, manager, make_staff, waiting):
    """The SPO has asked to allocate a very high RoSH case to a PQiP learner."""
    learner = make_staff("learner", Role.PQIP_LEARNER, grade="PQIP")
    entry = waiting(rosh="VERY_HIGH")
    response = signed_in(manager).post(
        f"/allocations/{entry.pk}/",
        {
            "practitioner": learner.pk,
            "rationale": "Co-working with a PO",
            "grade_exception_reason": "Practice tutor co-works the case",
        },
    )
    exception = AllocationException.objects.get(entry=entry)
    assert response.status_code == 302
    assert response["Location"] == f"/allocations/exceptions/{exception.pk}/"
    return exception


def test_allocating_against_the_grade_rules_asks_for_countersignature(
    signed_in, manager, make_staff, waiting
):
    learner = make_staff("learner", Role.PQIP_LEARNER, grade="PQIP")
    entry = waiting(rosh="VERY_HIGH")
    client = signed_in(manager)
    response = client.post(
        f"/allocations/{entry.pk}/", {"practitioner": learner.pk, "rationale": "Co-working"}
    )
    assert response.status_code == 200
    assert "Enter the reason for the exception" in response.content.decode()
    assert not AllocationException.objects.exists()


def test_the_case_waits_in_the_queue_while_the_exception_awaits(
    signed_in, manager, exception_asked
):
    client = signed_in(manager)
    entry = exception_asked.entry
    entry.refresh_from_db()
    assert entry.allocation is None
    queue = client.get("/allocations/").content.decode()
    assert entry.case.listed_name in queue and "Exception awaiting countersignature" in queue
    # The allocate page sends the SPO to the request rather than allocating twice.
    response = client.get(f"/allocations/{entry.pk}/")
    assert response["Location"] == f"/allocations/exceptions/{exception_asked.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "another senior probation officer must countersign it" in page
    assert "Record decision" not in page


def test_the_spo_who_asked_cannot_approve_their_own_exception(signed_in, manager, exception_asked):
    url = f"/allocations/exceptions/{exception_asked.pk}/"
    response = signed_in(manager).post(
        url, {"version": 1, "decision": "approve", "rationale": "Looks fine"}
    )
    assert response.status_code == 200
    assert "Another senior probation officer must countersign" in response.content.decode()
    exception_asked.refresh_from_db()
    assert exception_asked.status == ExceptionStatus.AWAITING


def test_a_practitioner_cannot_open_or_decide_an_exception(signed_in, officer, exception_asked):
    client = signed_in(officer)
    url = f"/allocations/exceptions/{exception_asked.pk}/"
    assert client.get(url).status_code == 403
    response = client.post(url, {"version": 1, "decision": "approve", "rationale": "Yes"})
    assert response.status_code == 403
    exception_asked.refresh_from_db()
    assert exception_asked.status == ExceptionStatus.AWAITING
    assert AuditEvent.objects.filter(actor=officer, action=Action.DENIED).count() == 2


def test_an_excluded_spo_cannot_open_the_exception(signed_in, make_staff, exception_asked):
    from desist.access.models import AccessKind, CaseAccess

    other = make_staff("spo2", Role.SENIOR_PROBATION_OFFICER, grade="SPO")
    CaseAccess.objects.create(
        case=exception_asked.entry.case, staff=other, kind=AccessKind.EXCLUDED
    )
    client = signed_in(other)
    assert client.get(f"/allocations/exceptions/{exception_asked.pk}/").status_code == 403
    countersigning = client.get("/countersigning/").content.decode()
    assert exception_asked.entry.case.crn not in countersigning


def test_another_spo_approves_from_the_countersigning_queue(signed_in, make_staff, exception_asked):
    other = make_staff("spo2", Role.SENIOR_PROBATION_OFFICER, grade="SPO")
    client = signed_in(other)
    queue = client.get("/countersigning/").content.decode()
    url = f"/allocations/exceptions/{exception_asked.pk}/"
    assert "Allocation exception" in queue and url in queue
    page = client.get(url)
    assert page.status_code == 200 and "Record decision" in page.content.decode()
    assert AuditEvent.objects.filter(
        actor=other, action=Action.VIEW, case=exception_asked.entry.case
    ).exists()
    missing = client.post(url, {"version": 1, "decision": "approve"})
    assert "Enter the rationale for your decision" in missing.content.decode()
    response = client.post(
        url, {"version": 1, "decision": "approve", "rationale": "Tutor supervision in place"}
    )
    assert response["Location"] == f"/allocations/{exception_asked.entry_id}/allocated/"
    assert "Case allocated to Learner Tester" in client.get(response["Location"]).content.decode()
    assert url not in client.get("/countersigning/").content.decode()
    stale = client.post(url, {"version": 1, "decision": "reject", "rationale": "Changed mind"})
    assert stale.status_code == 200
    exception_asked.refresh_from_db()
    assert exception_asked.status == ExceptionStatus.APPROVED


def test_a_rejected_exception_puts_the_case_back_in_the_queue(
    signed_in, manager, make_staff, exception_asked
):
    other = make_staff("spo2", Role.SENIOR_PROBATION_OFFICER, grade="SPO")
    url = f"/allocations/exceptions/{exception_asked.pk}/"
    response = signed_in(other).post(
        url, {"version": 1, "decision": "reject", "rationale": "Too risky for a learner"}
    )
    assert response["Location"] == url
    client = signed_in(manager)
    page = client.get(url).content.decode()
    assert "Rejected" in page and "Too risky for a learner" in page
    assert "Allocate the case to someone else" in page
    queue = client.get("/allocations/").content.decode()
    assert exception_asked.entry.case.listed_name in queue
    assert "Exception awaiting countersignature" not in queue
    assert client.get(f"/allocations/{exception_asked.entry_id}/").status_code == 200


def test_the_queue_query_count_does_not_grow_with_exceptions(
    signed_in, manager, make_staff, waiting, django_assert_max_num_queries
):
    from desist.workforce import services

    learner = make_staff("learner", Role.PQIP_LEARNER, grade="PQIP")
    for i in range(4):
        services.allocation_exception_request(
            entry=waiting(rosh="VERY_HIGH", first=f"Risky{i}"),
            practitioner=learner,
            rationale="r",
            reason="tutor",
            by=manager,
        )
    client = signed_in(manager)
    with django_assert_max_num_queries(12):
        html = client.get("/allocations/").content.decode()
    assert html.count("Exception awaiting countersignature") == 4


def _officer_row(client, officer):
    rows = client.get("/team/").context["rows"]
    return next(row for row in rows if row.staff.pk == officer.pk)


def test_the_team_page_keeps_up_with_reductions_and_the_nightly_tiers(
    signed_in, manager, officer, community_case
):
    """Capacity is worked out when shown, so a reduction counts at once; the stored caseload
    summary is recomputed when the nightly batch changes a tier, which writes no audit."""
    community_case(officer, tier="A1")
    client = signed_in(manager)
    before = _officer_row(client, officer)
    assert before.load.tier_mix["A"] == 1
    reduction_add(
        staff=officer,
        reason="Practice tutor",
        hours=Decimal("18.5"),
        starts_on=timezone.localdate(),
        by=manager,
    )
    assert _officer_row(client, officer).load.capacity.percent > before.load.capacity.percent
    recalculate_all(Case.objects.all(), as_of=timezone.localdate())
    assert CaseRisk.objects.get(case__practitioner=officer).tier_v2[0] != "A"
    assert _officer_row(client, officer).load.tier_mix["A"] == 0
