"""A practitioner finds an overdue action on their home page and on the page of all their
actions; their SPO goes through it at the weekly meeting and records what was agreed;
oversight on a case; the countersigning queue. Every page is checked for accessibility."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.e2e.conftest import assert_accessible, sign_in_with_code
from desist.supervision.models import Appointment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def journey(live_server, make_case, officer, manager):
    case = make_case("John", "Smith")
    Appointment.objects.create(
        case=case,
        practitioner=officer,
        type="OFFICE",
        starts_at=timezone.now() - timedelta(days=3),
    )
    devices = {
        user.username: TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        for user in (officer, manager)
    }
    return {"url": live_server.url, "case": case, "devices": devices, "officer": officer}


def sign_in(page, journey, username):
    sign_in_with_code(page, journey["url"], username, journey["devices"][username])
    page.get_by_role("heading", name="Home", exact=True).wait_for()


def test_an_overdue_action_reaches_the_weekly_meeting(page, journey):
    sign_in(page, journey, "officer")
    assert page.get_by_role("link", name="Record an outcome").is_visible()
    assert page.get_by_text("Smith, John").first.is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="All your actions").click()
    page.get_by_role("heading", name="Your actions").wait_for()
    assert page.get_by_role("link", name="Record an outcome").is_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, journey, "manager")
    assert_accessible(page)
    page.get_by_role("link", name="Countersigning").first.click()
    page.get_by_role("heading", name="Countersigning").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Management oversight and weekly meetings").click()
    page.get_by_role("heading", name="Management oversight", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_role("link", name=journey["officer"].get_full_name()).click()
    page.get_by_role("heading", name="Weekly meeting").wait_for()
    assert page.get_by_role("link", name="Record an outcome").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Record meeting").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Smith, John").check()
    page.get_by_label("What was agreed").fill("Record the outcome today; warning if unacceptable")
    page.get_by_role("button", name="Record meeting").click()
    page.get_by_text("Meeting recorded").wait_for()
    assert page.get_by_text("Record the outcome today").is_visible()
    assert_accessible(page)


def test_the_spo_records_oversight_on_a_case(page, journey):
    sign_in(page, journey, "manager")
    page.goto(f"{journey['url']}/cases/{journey['case'].crn}/")
    page.get_by_role("link", name="Management oversight").click()
    page.get_by_role("heading", name="Management oversight", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Record management oversight").click()
    page.get_by_role("button", name="Record oversight").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)
    page.get_by_label("Touchpoint after allocation").check()
    page.get_by_label("Oversight notes").fill("Allocation discussed; plan agreed")
    page.get_by_role("button", name="Record oversight").click()
    page.get_by_text("Management oversight recorded").wait_for()
    assert page.get_by_text("Allocation discussed; plan agreed").is_visible()
    assert_accessible(page)
