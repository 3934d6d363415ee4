"""Sentence management in a real browser, with an accessibility check on every page: open an
event from the case, be told the law's limit on a requirement, add one within it, and see the
progress ledger; and add an event through its form."""

import datetime

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.e2e.conftest import assert_accessible
from desist.e2e.test_journeys import sign_in
from desist.organisation.models import Court
from desist.sentences import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def journey(live_server, case, officer, region):
    court = Court.objects.create(code="C1", name="Newcastle Magistrates' Court", region=region)
    device = TOTPDevice.objects.create(user=officer, name="app", confirmed=True)
    return {"url": live_server.url, "case": case, "device": device, "court": court}


def sentence(journey, officer, **details):
    services.event_create(
        case=journey["case"],
        by=officer,
        court=journey["court"],
        offence={
            "code": "04600",
            "description": "Theft from a shop",
            "category": "THEFT",
            "offence_date": datetime.date(2026, 1, 10),
        },
        conviction_date=datetime.date(2026, 3, 2),
        sentence_date=datetime.date(2026, 4, 1),
        length_unit="M",
        **details,
    )


def test_add_a_requirement_and_see_it_on_the_case(page, journey, officer):
    sentence(journey, officer, sentence_type="CO", length=12)
    sign_in(page, journey)
    page.goto(f"{journey['url']}/cases/{journey['case'].crn}/")
    assert "31 Mar 2027" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Event 1").click()
    page.get_by_role("heading", name="Event 1: Community order").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Add a requirement").click()
    page.get_by_label("Requirement", exact=True).select_option(label="Unpaid work")
    page.get_by_label("Length", exact=True).fill("301")
    page.get_by_role("button", name="Save").click()
    page.locator(".govuk-error-summary").wait_for()
    assert "Unpaid work must be between 40 and 300 hours" in page.content()
    assert page.title().startswith("Error: ")
    assert_accessible(page)

    page.get_by_label("Length", exact=True).fill("120")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("0 hours worked, 120 remaining").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("link", name="Event 1").wait_for()


def test_licence_conditions_release_dates_and_termination(page, journey, officer):
    sentence(journey, officer, sentence_type="SDS", length=8)
    sign_in(page, journey)
    page.goto(f"{journey['url']}/cases/{journey['case'].crn}/events/1/")
    page.get_by_role("heading", name="Release dates").wait_for()
    assert "Conditional release date (CRD)" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Add a licence condition").click()
    page.get_by_label("Additional condition").select_option(label="Polygraph")
    page.get_by_role("button", name="Save").click()
    page.locator(".govuk-error-summary").wait_for()
    assert "A polygraph condition is only for adults serving 12 months" in page.content()
    assert_accessible(page)
    page.get_by_label("Additional condition").select_option(label="No contact with the victim")
    page.get_by_label("Named person").fill("Jane Doe")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Victim-related").wait_for()

    page.get_by_role("link", name="Terminate this event").click()
    page.get_by_role("heading", name="Terminate event 1").wait_for()
    assert_accessible(page)


def fill_date(page, name, day, month, year):
    page.locator(f"#id_{name}_0").fill(day)
    page.locator(f"#id_{name}_1").fill(month)
    page.locator(f"#id_{name}_2").fill(year)


def test_add_an_event_through_its_form(page, journey):
    crn = journey["case"].crn
    sign_in(page, journey)
    page.goto(f"{journey['url']}/cases/{crn}/")
    page.get_by_role("link", name="Add an event").click()
    page.get_by_role("heading", name="Add an event").wait_for()
    assert_accessible(page)
    page.get_by_label("Main offence").fill("Theft from a shop")
    page.get_by_label("Home Office offence code").fill("04600")
    page.get_by_label("Offence category").select_option(label="Theft offences")
    page.get_by_label("Sentencing court").select_option(label="Newcastle Magistrates' Court")
    page.get_by_label("Community order").check()
    page.get_by_label("Length", exact=True).fill("12")
    page.set_default_timeout(2_000)
    fill_date(page, "offence_date", "10", "1", "2026")
    fill_date(page, "conviction_date", "2", "3", "2026")
    fill_date(page, "sentence_date", "1", "4", "2026")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Event 1: Community order").wait_for()
    assert_accessible(page)
