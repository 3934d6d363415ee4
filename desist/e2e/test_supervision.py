"""A practitioner arranges an appointment, records what happened once it has passed, and
finds it on the case timeline, in a real browser with an accessibility check on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.e2e.conftest import assert_accessible
from desist.organisation.models import Office
from desist.supervision.models import Appointment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def journey(live_server, make_case, officer, team):
    Office.objects.create(code="O1", name="Newcastle probation office", pdu=team.pdu)
    device = TOTPDevice.objects.create(user=officer, name="app", confirmed=True)
    return {"url": live_server.url, "case": make_case("John", "Smith"), "device": device}


def sign_in(page, journey):
    page.goto(f"{journey['url']}/diary/")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Security code").fill(f"{totp(journey['device'].bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="Diary", exact=False).wait_for()


def test_the_arrange_form_explains_its_errors(page, journey):
    sign_in(page, journey)
    assert_accessible(page)
    case = journey["case"]
    page.goto(f"{journey['url']}/cases/{case.crn}/")
    page.get_by_role("link", name="Arrange an appointment").click()
    page.get_by_role("heading", name="Arrange an appointment").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Arrange appointment").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert_accessible(page)


def test_arrange_an_appointment_record_its_outcome_and_see_it_on_the_timeline(page, journey):
    sign_in(page, journey)
    page.goto(f"{journey['url']}/cases/{journey['case'].crn}/appointments/arrange/")
    day = timezone.localdate() + timedelta(days=1)
    page.get_by_label("Office visit").check()
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Start time").fill("10:30")
    page.get_by_label("Office (optional)").select_option(label="Newcastle probation office")
    page.get_by_role("button", name="Arrange appointment").click()
    page.get_by_text("Appointment arranged").wait_for()
    assert "Newcastle probation office" in page.content()
    assert_accessible(page)

    # Time passes: the appointment is now in the past, waiting for its outcome.
    Appointment.objects.update(starts_at=timezone.now() - timedelta(hours=1))
    page.goto(f"{journey['url']}/cases/{journey['case'].crn}/")
    assert "Next appointments" not in page.content()  # no longer upcoming
    page.goto(f"{journey['url']}/diary/missing-outcomes/")
    assert_accessible(page)
    page.get_by_role("link", name="Record outcome").click()
    page.get_by_role("heading", name="Record an outcome").wait_for()
    assert_accessible(page)

    # An acceptable absence without its evidence is refused.
    page.get_by_label("Absent – acceptable, with evidence").check()
    page.get_by_role("button", name="Record outcome").click()
    page.locator(".govuk-error-summary").wait_for()
    assert "Enter the evidence" in page.content()
    assert_accessible(page)

    page.get_by_label("Attended – complied").check()
    page.get_by_label("Notes").fill("Talked through the job application")
    page.get_by_role("button", name="Record outcome").click()
    page.get_by_role("heading", name="Timeline").wait_for()
    assert "Talked through the job application" in page.content()
    assert "Planned office visit" in page.content()
    assert_accessible(page)

    page.get_by_label("Hide entries made by Desist").check()
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_text("0 entries").wait_for()
    assert_accessible(page)

    page.goto(f"{journey['url']}/diary/?view=week")
    assert_accessible(page)
    page.goto(f"{journey['url']}/cases/{journey['case'].crn}/appointments/")
    assert "Attended – complied" in page.content()
    assert_accessible(page)
