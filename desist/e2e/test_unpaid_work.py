"""A probation services officer sets up a community payback project and a work session,
places two people on it, and once the day has passed takes the register: one completes the
day, one is sent home part-way. The hours credited and the hours left show on the session and
on the person's unpaid work page. Every page passes the accessibility check."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.accounts.roles import Role
from desist.e2e.conftest import assert_accessible, sign_in_with_code
from desist.unpaid_work.models import WorkSession
from desist.unpaid_work.tests.conftest import let_pass, upw_requirement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def journey(live_server, make_case, make_staff):
    pso = make_staff("supervisor", Role.PROBATION_SERVICES_OFFICER, grade="PSO")
    john, peter = make_case("John", "Smith"), make_case("Peter", "Brown")
    upw_requirement(john, hours=100)
    upw_requirement(peter, hours=40)
    device = TOTPDevice.objects.create(user=pso, name="app", confirmed=True)
    return {"url": live_server.url, "pso": pso, "john": john, "peter": peter, "device": device}


def test_run_a_work_session_and_credit_the_hours(page, journey):
    url, pso = journey["url"], journey["pso"]
    sign_in_with_code(page, url, pso.username, journey["device"], landing="/community-payback/")
    page.get_by_role("heading", name="Community payback").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Add a project").click()
    page.get_by_role("button", name="Save project").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Project name").fill("Canal towpath clearance")
    page.get_by_label("Group placement").check()
    page.get_by_label("Supervisor").select_option(label=pso.get_full_name())
    page.get_by_label("Where the work is").fill("Lock 4, Canal Road")
    page.get_by_label("Places on each session").fill("6")
    page.get_by_role("button", name="Save project").click()
    page.get_by_text("Canal towpath clearance added").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Add a work session").click()
    page.get_by_role("heading", name="Add a work session").wait_for()
    assert_accessible(page)
    day = timezone.localdate() + timedelta(days=1)
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Start time").fill("09:00")
    page.get_by_label("End time").fill("16:00")
    page.get_by_role("button", name="Add session").click()
    page.get_by_text("Work session added").wait_for()
    assert_accessible(page)

    # Placing: an unknown CRN is explained, then two people are placed.
    page.get_by_label("Case reference number (CRN)").fill("X000000")
    page.get_by_role("button", name="Place on this session").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    for person in ("john", "peter"):
        page.get_by_label("Case reference number (CRN)").fill(journey[person].crn)
        page.get_by_role("button", name="Place on this session").click()
        page.get_by_text(f"{journey[person].full_name} placed on this session").wait_for()
    assert "0 of 100 hours worked, 100 remaining" in page.content()
    assert_accessible(page)

    # The day comes and goes; the supervisor takes the register.
    let_pass(WorkSession.objects.get())
    page.reload()
    page.get_by_role("heading", name="Register").wait_for()
    assert_accessible(page)
    page.get_by_label("What happened – Peter Brown").select_option(
        label="Sent home for behaviour: credit the time up to then"
    )
    page.get_by_role("button", name="Save attendance").click()
    page.locator(".govuk-error-summary").wait_for()
    assert "Peter Brown: Enter the time the person was sent home" in page.content()
    assert_accessible(page)
    page.get_by_label("What happened – John Smith").select_option(
        label="Attended – complied: credit the whole session"
    )
    page.get_by_label("What happened – Peter Brown").select_option(
        label="Sent home for behaviour: credit the time up to then"
    )
    page.get_by_label("Time sent home – Peter Brown").fill("11:30")
    page.get_by_label("Notes – Peter Brown").fill("Refused to follow instructions")
    page.get_by_role("button", name="Save attendance").click()
    page.get_by_text("Attendance recorded for 2 people").wait_for()
    content = page.content()
    assert "7 of 100 hours worked, 93 remaining" in content
    assert "2.5 of 40 hours worked, 37.5 remaining" in content
    assert_accessible(page)

    page.get_by_role("link", name="Peter Brown").click()
    page.get_by_role("heading", name="Unpaid work").wait_for()
    row = page.get_by_role("row", name="Event 1")
    assert "40 hours" in row.inner_text() and "37.5 hours" in row.inner_text()
    assert "Attended – sent home (behaviour)" in page.content()
    assert_accessible(page)
