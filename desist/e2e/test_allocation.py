"""A senior probation officer allocates a waiting case to the suggested practitioner and sees
their capacity change; the team, practitioner, transfer and weightings pages, in a real
browser with an accessibility check on every page."""

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.accounts.roles import Role
from desist.e2e.conftest import assert_accessible, sign_in_with_code
from desist.workforce.demo import add_sentence, set_risk
from desist.workforce.models import QueueSource
from desist.workforce.services import queue_for_allocation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def journey(live_server, make_case, officer, colleague, manager, admin_user, team):
    busy = make_case("Bob", "Busy", practitioner=officer)
    set_risk(busy, tier="A3")
    add_sentence(busy)
    case = make_case("Wendy", "Waiting", practitioner=None)
    set_risk(case, tier="B2", rosh="HIGH")
    entry = queue_for_allocation(
        case=case,
        pdu=team.pdu,
        team=team,
        event=add_sentence(case),
        source=QueueSource.COURT,
        starts_on=timezone.localdate(),
        by=manager,
    )
    devices = {
        user.username: TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        for user in (manager, admin_user, colleague)
    }
    return {"url": live_server.url, "entry": entry, "devices": devices, "busy": busy}


def sign_in(page, journey, username, landing):
    sign_in_with_code(page, journey["url"], username, journey["devices"][username], landing=landing)


def test_the_spo_allocates_to_the_suggested_practitioner(page, journey):
    url = journey["url"]
    sign_in(page, journey, "manager", "/allocations/")
    page.get_by_role("heading", name="Cases waiting for allocation").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Waiting, Wendy").click()
    page.get_by_role("heading", name="Allocate the case").wait_for()
    assert_accessible(page)
    suggested = page.locator(".govuk-radios__item").first
    assert "Colleague Tester" in suggested.inner_text() and "Suggested" in suggested.inner_text()
    assert "Capacity 0.0% → 5.3% after allocation" in suggested.inner_text()

    page.get_by_role("button", name="Allocate case").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert_accessible(page)

    page.locator(".govuk-radios__input").first.check()
    page.get_by_label("Why this practitioner").fill("Lowest workload, covers the area.")
    page.get_by_role("button", name="Allocate case").click()
    page.get_by_role("heading", name="Case allocated to Colleague Tester").wait_for()
    assert "Capacity now 5.3%" in page.content()
    assert page.get_by_role("link", name="Arrange the first appointment").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Team", exact=True).click()
    page.get_by_role("heading", name="Team workload").wait_for()
    row = page.locator("tr", has_text="Colleague Tester")
    assert "5.3%" in row.inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Colleague Tester").click()
    page.get_by_role("heading", name="Colleague Tester: 5.3% capacity").wait_for()
    assert "1 community case at tier B2 x 115 points = 115 points" in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="Record a reduction").click()
    page.get_by_role("heading", name="Record a reduction").wait_for()
    assert_accessible(page)

    page.goto(f"{url}/cases/{journey['busy'].crn}/transfer/")
    page.get_by_role("heading", name="Transfer the case").wait_for()
    assert_accessible(page)


def test_the_practitioner_finds_the_new_case_and_its_first_appointment_action(
    page, browser, journey
):
    spo = browser.new_context().new_page()
    sign_in(spo, journey, "manager", "/allocations/")
    spo.get_by_role("link", name="Waiting, Wendy").click()
    spo.locator(".govuk-radios__input").first.check()
    spo.get_by_label("Why this practitioner").fill("Lowest workload, covers the area.")
    spo.get_by_role("button", name="Allocate case").click()
    spo.get_by_role("heading", name="Case allocated to Colleague Tester").wait_for()
    spo.context.close()

    sign_in(page, journey, "colleague", "/")
    action = page.get_by_role("link", name="Arrange the first appointment")
    action.wait_for()
    assert "Waiting, Wendy" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="My caseload").click()
    assert page.get_by_role("link", name="Waiting, Wendy").is_visible()


def test_the_spo_changes_hours_and_the_administrator_sees_the_weightings(page, journey):
    sign_in(page, journey, "manager", "/team/")
    page.get_by_role("heading", name="Team workload").wait_for()
    page.get_by_role("link", name="Officer Tester").click()
    page.get_by_role("link", name="Change hours or office").click()
    page.get_by_role("heading", name="Change hours or office").wait_for()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, journey, "admin", "/workload-weightings/")
    page.get_by_role("heading", name="Workload weightings").wait_for()
    assert_accessible(page)


def test_an_exception_to_the_grade_rules_is_countersigned_by_another_spo(
    page, live_server, make_case, make_staff, manager, team
):
    make_staff("learner", Role.PQIP_LEARNER, grade="PQIP")
    other_spo = make_staff("spo2", Role.SENIOR_PROBATION_OFFICER, grade="SPO")
    case = make_case("Rita", "Risky", practitioner=None)
    set_risk(case, tier="A1", rosh="VERY_HIGH")
    queue_for_allocation(
        case=case,
        pdu=team.pdu,
        team=team,
        event=add_sentence(case),
        source=QueueSource.COURT,
        starts_on=timezone.localdate(),
        by=manager,
    )
    devices = {
        user.username: TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        for user in (manager, other_spo)
    }
    sign_in_with_code(page, live_server.url, "manager", devices["manager"], landing="/allocations/")
    page.get_by_role("link", name="Risky, Rita").click()
    page.get_by_label("Learner Tester (PQiP learner)").check()
    page.get_by_label("Why this practitioner").fill("Co-working with a PO tutor.")
    page.get_by_label("Reason for a grade exception").fill("Practice tutor co-works the case.")
    page.get_by_role("button", name="Allocate case").click()
    page.get_by_role("heading", name="Allocation exception").wait_for()
    assert "another senior probation officer must countersign it" in page.content()
    assert_accessible(page)

    sign_in_with_code(page, live_server.url, "spo2", devices["spo2"], landing="/countersigning/")
    page.get_by_role("link", name="Allocation exception").click()
    page.get_by_role("heading", name="Allocation exception").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Record decision").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Approve the exception and allocate the case").check()
    page.get_by_label("Rationale").fill("Tutor supervision agreed.")
    page.get_by_role("button", name="Record decision").click()
    page.get_by_role("heading", name="Case allocated to Learner Tester").wait_for()
