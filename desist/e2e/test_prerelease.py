"""The pre-release officer opens the releases worklist, records one person's resettlement
needs, and sees the change on the list. Every page passes the accessibility check."""

from datetime import date, timedelta

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.accounts.roles import Role
from desist.e2e.conftest import assert_accessible, sign_in_with_code
from desist.organisation.models import Court, Prison
from desist.prerelease.demo import custody_released_on

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def journey(live_server, make_case, make_staff, officer, region):
    court = Court.objects.create(code="C1", name="Newcastle Magistrates' Court", region=region)
    Prison.objects.create(code="DMI", name="HMP Durham", region=region)
    case = make_case("John", "Smith")
    today = date.today()
    custody_released_on(
        case, by=officer, court=court, release_on=today + timedelta(weeks=6), today=today
    )
    user = make_staff("prerelease", Role.PRE_RELEASE_OFFICER)
    return {"url": live_server.url, "case": case, "user": user}


def test_record_resettlement_needs_from_the_worklist(page, journey):
    user = journey["user"]
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    sign_in_with_code(page, journey["url"], user.username, device, landing="/releases/")
    page.get_by_role("heading", name="Releases").wait_for()
    assert_accessible(page)
    row = page.get_by_role("row", name="Smith, John")
    assert "Not assessed" in row.inner_text()

    row.get_by_role("link", name="Smith, John").click()
    page.get_by_role("heading", name="Resettlement before release, event 1").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Record resettlement needs").click()
    page.get_by_role("heading", name="Record resettlement needs").wait_for()
    assert_accessible(page)
    page.get_by_label("Prison").select_option(label="HMP Durham")
    page.get_by_role("group", name="Accommodation").get_by_label("Need identified").check()
    page.get_by_label("Accommodation: notes").fill("No address to go to; hostel referral")
    page.get_by_role("group", name="Health (physical and mental)").get_by_label("No need").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Resettlement plan saved").wait_for()
    assert "No address to go to; hostel referral" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Releases", exact=True).click()
    page.get_by_role("heading", name="Releases").wait_for()
    row = page.get_by_role("row", name="Smith, John")
    assert "2 assessed, 5 to assess" in row.inner_text()
    assert "1 open need" in row.inner_text()
    assert "HMP Durham" in row.inner_text()
    assert_accessible(page)
