"""A court officer's morning in a real browser, with an accessibility check on every page:
upload the day's list, find a defendant, confirm the match, request a report."""

import datetime

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from pypdf import PdfReader

from desist.accounts.roles import Role
from desist.courts.models import Hearing
from desist.courts.tests.conftest import HEARING_DAY, court_list_csv, listed
from desist.e2e.conftest import assert_accessible
from desist.organisation.models import Court
from desist.workforce.models import AwaitingAllocation, QueueSource

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
    page.get_by_role("heading", name="Your team's reports").wait_for()
    assert page.get_by_role("link", name="Smith, John").count() == 2  # theirs, and the team's
    assert_accessible(page)


def _signed_in_context(browser, url: str, user, device):
    """A browser of this user's own, signed in at the page they were sent to."""
    page = browser.new_context().new_page()
    page.set_default_timeout(10_000)
    page.goto(url)
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Security code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    return page


@pytest.fixture
def court_day(live_server, make_staff, make_case, region, officer, manager, tmp_path):
    Court.objects.create(code="B01LY", name="Newcastle Magistrates' Court", region=region)
    court_officer = make_staff("courtofficer", Role.COURT_OFFICER, grade="PSO")
    john = make_case("John", "Smith", date_of_birth=datetime.date(1985, 3, 27))
    court_list = tmp_path / "list.csv"
    court_list.write_text(court_list_csv(listed(list_number="1")))
    devices = {
        user.username: TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        for user in (court_officer, officer, manager)
    }
    return {
        "url": live_server.url,
        "john": john,
        "file": court_list,
        "devices": devices,
        "court_officer": court_officer,
        "author": officer,
        "spo": manager,
    }


def test_from_the_court_list_to_the_allocation_queue(page, browser, court_day):
    url, john = court_day["url"], court_day["john"]
    # The court officer imports the list, confirms the match and asks for a standard report.
    page.goto(f"{url}/courts/import/")
    page.get_by_label("Username").fill("courtofficer")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    device = court_day["devices"]["courtofficer"]
    page.get_by_label("Security code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Court list (CSV file)").set_input_files(str(court_day["file"]))
    page.get_by_role("button", name="Import").click()
    page.get_by_text("1 defendant imported").wait_for()
    hearing = Hearing.objects.get()
    page.goto(f"{url}/courts/hearings/{hearing.pk}/")
    page.get_by_role("button", name="Confirm this match").click()
    page.get_by_text(f"SMITH, John matched to {john.crn}").wait_for()
    page.get_by_role("link", name="Request a pre-sentence report").click()
    page.get_by_label("Standard delivery report").check()
    page.get_by_label("Author").select_option(label="Officer Tester")
    page.get_by_role("button", name="Request the report").click()
    page.get_by_text("Report requested: due 14 December 2026").wait_for()

    # The author writes it with a proposal and submits it for the quality check.
    author = _signed_in_context(
        browser, f"{url}/courts/reports/", court_day["author"], court_day["devices"]["officer"]
    )
    author.get_by_role("link", name="Smith, John").click()
    author.get_by_role("heading", name="Standard delivery report").wait_for()
    assert_accessible(author)
    author.get_by_label("Sources of information").fill("Interview; police records")
    author.get_by_label("Offence analysis").fill("Took food when out of money")
    author.get_by_label("Domestic abuse enquiry outcome").fill("No call-outs recorded")
    author.get_by_label("Safeguarding enquiry outcome").fill("Not known to children's services")
    author.get_by_role("button", name="Save", exact=True).click()
    author.get_by_text("Report saved").wait_for()
    author.get_by_text("Propose the order").click()
    author.get_by_label("Community order").check()
    author.locator("#id_proposal-length").fill("12")
    author.get_by_role("button", name="Save the proposed order").click()
    author.get_by_text("Community order, 12 months").wait_for()
    author.get_by_text("Propose a requirement").click()
    author.get_by_label("Requirement", exact=True).select_option(label="Unpaid work")
    author.locator("#id_requirement-length").fill("500")
    author.get_by_role("button", name="Add the requirement").click()
    author.get_by_role("link", name="Unpaid work must be between 40 and 300 hours").wait_for()
    assert_accessible(author)
    author.locator("#id_requirement-length").fill("120")
    author.get_by_role("button", name="Add the requirement").click()
    author.get_by_text("Unpaid work: 120 hours").wait_for()
    assert_accessible(author)
    author.get_by_role("button", name="Submit for quality check").click()
    author.get_by_text("Report submitted for quality check").wait_for()

    # The senior probation officer approves it.
    report = hearing.report
    spo = _signed_in_context(
        browser,
        f"{url}/courts/reports/{report.pk}/",
        court_day["spo"],
        court_day["devices"]["manager"],
    )
    spo.get_by_role("button", name="Approve").click()
    spo.get_by_text("Report approved").wait_for()
    assert_accessible(spo)

    # The author finalises it and downloads the PDF the court receives.
    author.reload()
    author.get_by_role("button", name="Finalise the report").click()
    author.get_by_text("This report is final and locked").wait_for()
    assert_accessible(author)
    with author.expect_download() as download:
        author.get_by_role("link", name="Download the report (PDF)").click()
    pdf = PdfReader(download.value.path())
    text = "".join(p.extract_text() for p in pdf.pages)
    for fact in ("Pre-sentence report", john.crn, "Offence analysis", "Unpaid work: 120 hours"):
        assert fact in text

    # The court officer records the sentence, filled in from the proposal.
    page.goto(f"{url}/courts/hearings/{hearing.pk}/")
    page.get_by_role("link", name="Record the outcome").click()
    assert_accessible(page)
    page.get_by_label("Probation sentence").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="Record the probation sentence").wait_for()
    assert_accessible(page)
    assert page.locator("#id_requirement-0-length").input_value() == "120"
    assert page.get_by_label("Community order").is_checked()
    page.get_by_label("Home Office offence code").fill("04600")
    page.get_by_label("Offence category").select_option(label="Theft offences")
    page.get_by_role("button", name="Record the sentence").click()
    page.get_by_text(f"Sentence recorded on {john.crn}").wait_for()
    assert_accessible(page)
    queued = AwaitingAllocation.objects.get(case=john)
    assert queued.source == QueueSource.COURT and queued.event.requirements.count() == 1
