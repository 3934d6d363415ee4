"""A court officer's morning in a real browser, with an accessibility check on every page:
upload the day's list, find a defendant, confirm the match, request a report."""

import datetime

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.accounts.roles import Role
from desist.courts.tests.conftest import HEARING_DAY, court_list_csv, listed
from desist.e2e.conftest import assert_accessible
from desist.organisation.models import Court

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def morning(live_server, make_staff, make_case, region, tmp_path):
    Court.objects.create(code="B01LY", name="Newcastle Magistrates' Court", region=region)
    officer = make_staff("courtofficer", Role.COURT_OFFICER, grade="PSO")
    john = make_case("John", "Smith", date_of_birth=datetime.date(1985, 3, 28))
    court_list = tmp_path / "list.csv"
    court_list.write_text(
        court_list_csv(
            listed(list_number="1"),
            listed(list_number="2", defendant_name="JONES, Mary", date_of_birth="not known"),
        )
    )
    device = TOTPDevice.objects.create(user=officer, name="app", confirmed=True)
    return {"url": live_server.url, "john": john, "device": device, "file": court_list}


def test_upload_a_list_confirm_a_match_and_request_a_report(page, morning):
    page.goto(f"{morning['url']}/courts/")
    page.get_by_label("Username").fill("courtofficer")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Security code").fill(f"{totp(morning['device'].bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="Court list").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Import a court list").click()
    page.get_by_label("Court list (CSV file)").set_input_files(str(morning["file"]))
    page.get_by_role("button", name="Import").click()
    page.get_by_text("Row 3, date of birth: is not a date like 1985-03-27").wait_for()
    assert "1 defendant imported" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Go to the court list").click()
    page.get_by_label("Court", exact=True).select_option(label="Newcastle Magistrates' Court")
    page.get_by_label("Day").fill(str(HEARING_DAY.day))
    page.get_by_label("Month").fill(str(HEARING_DAY.month))
    page.get_by_label("Year").fill(str(HEARING_DAY.year))
    page.get_by_role("button", name="Show the list").click()
    page.get_by_role("link", name="SMITH, John").click()
    page.get_by_role("heading", name="Possible matches").wait_for()
    assert "date of birth differs by one part" in page.content()
    assert_accessible(page)

    page.get_by_role("button", name=f"Confirm {morning['john'].crn} as the match").click()
    page.get_by_text(f"SMITH, John matched to {morning['john'].crn}").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Request a pre-sentence report").click()
    page.get_by_role("button", name="Request the report").click()
    page.get_by_role("link", name="Select the type of report").wait_for()
    assert_accessible(page)
    page.get_by_label("Standard delivery report").check()
    page.get_by_label("Author").select_option(label="Courtofficer Tester")
    page.get_by_role("button", name="Request the report").click()
    page.get_by_text("Report requested: due 14 December 2026").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Standard delivery report").click()
    page.get_by_role("heading", name="Standard delivery report").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Court list").click()
    page.get_by_role("link", name="Your pre-sentence reports").click()
    page.get_by_role("link", name="Smith, John").wait_for()
    assert_accessible(page)
