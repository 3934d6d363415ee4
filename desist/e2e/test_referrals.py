"""A probation officer refers a person to a housing provider and takes the referral through to
completion, seeing each change on the case timeline; an administrator keeps the directory.
Every page passes the accessibility check."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.e2e.conftest import assert_accessible
from desist.interventions import services
from desist.organisation.models import Office

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def journey(live_server, make_case, officer, admin_user, team):
    Office.objects.create(code="O1", name="Newcastle probation office", pdu=team.pdu)
    agency = services.agency_create(
        by=admin_user,
        pdus=[team.pdu],
        name="Northern Housing Trust",
        category="ACCOMMODATION",
        description="Supported housing",
        phone="0191 496 0000",
        email="referrals@nht.example.org",
        address="",
        active=True,
    )
    services.agency_contact_add(
        agency=agency,
        by=admin_user,
        name="Sam Okafor",
        role="Housing support worker",
        email="",
        phone="",
        active=True,
    )
    return {"url": live_server.url, "case": make_case("John", "Smith"), "agency": agency}


def sign_in(page, journey, user):
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    page.goto(f"{journey['url']}/agencies/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Security code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="Partner agencies").wait_for()


def _update_status(page, label):
    page.get_by_role("link", name="Update the status").click()
    page.get_by_role("heading", name="Update the referral's status").wait_for()
    page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Save status").click()
    page.get_by_text(f"Referral {label.lower()}", exact=True).wait_for()


def test_refer_to_a_housing_provider_and_take_it_to_completion(page, journey, officer):
    sign_in(page, journey, officer)
    assert_accessible(page)  # the directory
    page.get_by_role("link", name="Northern Housing Trust").click()
    page.get_by_role("heading", name="Northern Housing Trust").wait_for()
    assert_accessible(page)

    case = journey["case"]
    page.goto(f"{journey['url']}/cases/{case.crn}/")
    page.get_by_role("link", name="Referrals to partner agencies").click()
    page.get_by_role("heading", name="Referrals to partner agencies").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Make a referral").click()
    page.get_by_role("button", name="Save as draft").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Agency", exact=True).select_option(label="Northern Housing Trust")
    page.get_by_label("Contact at the agency").select_option(
        label="Northern Housing Trust: Sam Okafor, Housing support worker"
    )
    page.get_by_label("Need it addresses").select_option(label="Accommodation")
    page.get_by_label("Desired outcomes").fill("A supported tenancy he can keep")
    page.get_by_label("Urgent (within 5 working days)").check()
    page.get_by_label("RoSH summary (level and nature of harm)").check()
    page.get_by_role("button", name="Save as draft").click()
    page.get_by_text("Referral saved as a draft").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Change the referral").click()
    page.get_by_role("heading", name="Change the referral").wait_for()
    assert_accessible(page)
    page.get_by_label("Desired outcomes").fill("A supported tenancy he can keep, near work")
    page.get_by_role("button", name="Save as draft").click()
    page.get_by_text("Referral saved", exact=True).wait_for()
    assert "near work" in page.content()

    page.get_by_role("link", name="Update the status").click()
    page.get_by_role("heading", name="Update the referral's status").wait_for()
    assert_accessible(page)
    page.get_by_label("Sent", exact=True).check()
    page.get_by_role("button", name="Save status").click()
    page.get_by_text("Referral sent", exact=True).wait_for()
    assert "No RoSH assessment recorded" in page.content()  # what was shared, as sent
    for label in ("Accepted", "Started"):
        _update_status(page, label)

    # The agency reports back, with a concern; a three-way meeting is arranged with them.
    page.get_by_role("link", name="Record feedback from the agency").click()
    page.get_by_role("button", name="Record feedback").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("What the agency said").fill("Settling in well")
    page.get_by_role("button", name="Record feedback").click()
    page.get_by_text("Feedback recorded").wait_for()

    page.get_by_role("link", name="Arrange a three-way meeting with the agency").click()
    page.get_by_role("heading", name="Arrange a three-way meeting").wait_for()
    assert_accessible(page)
    day = today + timedelta(days=3)
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Start time").fill("10:30")
    page.get_by_label("Office (optional)").select_option(label="Newcastle probation office")
    page.get_by_role("button", name="Arrange meeting").click()
    page.get_by_text("Three-way meeting arranged").wait_for()
    assert "with Sam Okafor, Housing support worker" in page.content()

    _update_status(page, "Completed")
    assert_accessible(page)
    assert "Update the status" not in page.content()

    page.goto(f"{journey['url']}/cases/{case.crn}/timeline/")
    content = page.content()
    for status in ("drafted (Accommodation)", "sent", "accepted", "started", "completed"):
        assert f"Referral to Northern Housing Trust {status}" in content


def test_record_accommodation_and_see_it_on_the_caseload(page, journey, officer):
    sign_in(page, journey, officer)
    case = journey["case"]
    page.goto(f"{journey['url']}/cases/{case.crn}/accommodation/")
    assert_accessible(page)
    page.get_by_role("link", name="Record a change of accommodation").click()
    page.get_by_role("button", name="Record accommodation").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)
    page.get_by_label("Rough sleeping").check()
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Record accommodation").click()
    page.get_by_text("Accommodation recorded").wait_for()
    assert_accessible(page)
    page.goto(f"{journey['url']}/caseload/")
    page.get_by_text("No settled accommodation").wait_for()
    assert_accessible(page)


def test_an_administrator_adds_an_agency_and_a_contact(page, journey, admin_user):
    sign_in(page, journey, admin_user)
    page.get_by_role("link", name="Add an agency").click()
    page.get_by_role("button", name="Save agency").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)
    page.get_by_label("Name").fill("Pathways to Work")
    page.get_by_label("Education, training and employment").check()
    page.get_by_label("Tyneside PDU").check()
    page.get_by_role("button", name="Save agency").click()
    page.get_by_text("Pathways to Work added to the directory").wait_for()
    page.get_by_role("link", name="Add a contact").click()
    page.get_by_role("heading", name="Add a contact").wait_for()
    assert_accessible(page)
    page.get_by_label("Name").fill("Helen Moss")
    page.get_by_role("button", name="Add contact").click()
    page.get_by_text("Contact added").wait_for()
    page.get_by_role("link", name="Change the agency's details").click()
    page.get_by_role("heading", name="Change the agency's details").wait_for()
    assert_accessible(page)
