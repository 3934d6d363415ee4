"""Risk in a real browser, with an accessibility check on every page: add a registration and
see its flag in the case header; record a RoSH assessment, see the grid and the tier change.

The second test drives the same pages with the records made through the services; the third
records predictor scores and a significant change through their forms, and the fourth is the
administrator's offence map."""

import datetime

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.accounts.roles import Role
from desist.e2e.conftest import assert_accessible, sign_in_with_code
from desist.e2e.test_journeys import sign_in
from desist.risk import services
from desist.risk.tests.conftest import ROSH_TEXT, rosh_levels
from desist.rules import actuarial

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = datetime.date.today()


@pytest.fixture
def journey(live_server, case, officer):
    device = TOTPDevice.objects.create(user=officer, name="app", confirmed=True)
    return {"url": live_server.url, "case": case, "device": device}


def fill_date(page, name, day: datetime.date):
    page.locator(f"#id_{name}_0").fill(str(day.day))
    page.locator(f"#id_{name}_1").fill(str(day.month))
    page.locator(f"#id_{name}_2").fill(str(day.year))


def test_flag_a_case_then_assess_rosh_and_see_the_tier_change(page, journey):
    sign_in(page, journey)
    page.goto(f"{journey['url']}/cases/{journey['case'].crn}/")
    page.get_by_role("link", name="Registrations, RoSH, scores and safeguarding checks").click()
    page.get_by_role("link", name="Add a registration").click()
    assert_accessible(page)

    page.get_by_role("button", name="Save").click()  # nothing chosen: errors first
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error:")
    assert_accessible(page)

    page.get_by_label("Type").select_option(label="Domestic abuse perpetrator")
    fill_date(page, "registered_on", TODAY)
    fill_date(page, "review_date", TODAY + datetime.timedelta(weeks=26))
    page.get_by_role("button", name="Save").click()
    header = page.locator(".desist-case-header__flags")
    header.get_by_text("Domestic abuse perpetrator").wait_for()
    assert "Tier D0" in header.inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Record a RoSH assessment").click()
    assert_accessible(page)
    fill_date(page, "assessed_on", TODAY)
    for group, level in (
        ("Children", "Low"),
        ("Public", "Medium"),
        ("Known adult", "High"),
        ("Staff", "Low"),
    ):
        page.get_by_label(f"{group} in the community").select_option(label=level)
    page.get_by_label("Prisoners in custody").select_option(label="Low")
    page.get_by_label("Nature of harm").fill("Violence towards a former partner")
    page.get_by_role("button", name="Save").click()

    header.get_by_text("RoSH: High").wait_for()
    assert "Tier B0" in header.inner_text()
    assert "B0 because: RoSH HIGH (20 points)" in page.locator("#tier-explanation").inner_text()
    grid = page.get_by_role("table", name="Overall high RoSH", exact=False)
    assert "Known adult" in grid.inner_text()
    assert_accessible(page)


def test_flags_rosh_grid_and_tier_pages_pass_axe(page, journey, officer):
    case = journey["case"]
    sign_in(page, journey)
    page.goto(f"{journey['url']}/cases/{case.crn}/")
    header = page.locator(".desist-case-header__flags")
    assert "Tier" not in header.inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Registrations, RoSH, scores and safeguarding checks").click()
    page.get_by_role("heading", name="Risk and registrations").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Add a registration").click()
    page.get_by_role("button", name="Save").click()  # nothing chosen: errors first
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error:")
    assert_accessible(page)

    services.registration_add(
        case=case,
        by=officer,
        type="ADVP",
        registered_on=TODAY,
        review_date=TODAY + datetime.timedelta(weeks=26),
        notes="",
        mappa_category="",
        mappa_level="",
    )
    page.goto(f"{journey['url']}/cases/{case.crn}/risk/")
    assert "Domestic abuse perpetrator" in header.inner_text()
    assert "Tier D0" in header.inner_text()

    page.get_by_role("link", name="Record a RoSH assessment").click()
    page.get_by_role("heading", name="Record a RoSH assessment").wait_for()
    assert_accessible(page)
    levels = rosh_levels(known_adult_community="HIGH")
    services.rosh_record(case=case, by=officer, assessed_on=TODAY, **levels, **ROSH_TEXT)
    for days_ago, sanctions in ((400, 2), (30, 5)):  # a score history to chart
        on = (TODAY - datetime.timedelta(days=days_ago)).isoformat()
        inputs = {
            "offence_code": "10400",
            "total_sanctions": sanctions,
            "age_at_first_sanction": 17,
            "conviction_date": on,
            "start_of_follow_up": on,
        }
        services.scores_record(
            case=case, by=officer, assessed_on=datetime.date.fromisoformat(on), inputs=inputs
        )
    page.goto(f"{journey['url']}/cases/{case.crn}/risk/")
    assert "RoSH: High" in header.inner_text()
    assert "Tier B0" in header.inner_text()
    assert "B0 because: RoSH HIGH (20 points)" in page.locator("#tier-explanation").inner_text()
    page.get_by_role("img", name="Tier (v2) over time", exact=False).wait_for()
    page.get_by_role("img", name="Two-year predictor scores", exact=False).wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Record predictor scores").click()
    assert_accessible(page)
    page.goto(f"{journey['url']}/risk/reviews/")
    page.get_by_role("heading", name="Registrations due for review").wait_for()
    assert_accessible(page)


def test_record_scores_and_a_significant_change(page, journey, officer):
    case = journey["case"]
    sign_in(page, journey)
    services.rosh_record(
        case=case,
        by=officer,
        assessed_on=TODAY - datetime.timedelta(days=30),
        **rosh_levels(),
        **ROSH_TEXT,
    )
    page.goto(f"{journey['url']}/cases/{case.crn}/risk/")
    page.get_by_role("link", name="Record predictor scores").click()
    page.get_by_role("button", name="Save").click()  # nothing entered: errors first
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error:")
    assert_accessible(page)

    fill_date(page, "assessed_on", TODAY)
    page.get_by_label("Home Office offence code").fill("10400")
    fill_date(page, "conviction_date", TODAY - datetime.timedelta(days=20))
    fill_date(page, "start_of_follow_up", TODAY - datetime.timedelta(days=20))
    page.get_by_label("Number of sanctions, including this one").fill("5")
    page.get_by_label("Age at first sanction").fill("17")
    page.get_by_label("Number of violent sanctions").fill("2")
    page.get_by_role("group", name="Has the person ever been sanctioned").get_by_label("No").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("table", name="Predictors scored from the same inputs").wait_for()
    assert "ARP (all reoffending)" in page.locator("#predictors").inner_text()
    assert "Tier v3 missing" not in page.locator("#tier-explanation").inner_text()
    page.get_by_text("What makes up the ARP (all reoffending) score").click()
    assert_accessible(page)

    page.get_by_role("link", name="Record a new relationship or contact with children").click()
    page.get_by_label("Contact with children").check()
    fill_date(page, "happened_on", TODAY)
    page.get_by_label("Who is involved").fill("New partner has two children under 10")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_text("RoSH review due by", exact=False).wait_for()
    assert_accessible(page)
    page.goto(f"{journey['url']}/")
    page.get_by_text("RoSH review due (significant change)").first.wait_for()
    assert_accessible(page)


def test_the_offence_map_admin_pages(page, live_server, make_staff):
    admin = make_staff("admin", Role.ADMINISTRATOR)
    device = TOTPDevice.objects.create(user=admin, name="app", confirmed=True)
    packaged = actuarial.OFFENCE_MAP_FILE.read_text(encoding="utf-8")
    services.offence_map_replace(text=packaged, by=admin)  # a browser test's flush empties it
    sign_in_with_code(page, live_server.url, "admin", device, landing="/risk/offence-map/")
    page.get_by_role("heading", name="Offence map for the predictors").wait_for()
    assert_accessible(page)
    page.get_by_label("Code or words in the offence").fill("10400")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Change offence code 10400").click()
    page.get_by_label("OGRS3 weight").fill("heavy")
    page.get_by_role("button", name="Save").click()
    page.locator(".govuk-error-summary").wait_for()
    assert "OGRS3 weight must be a number" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("OGRS3 weight").fill("0.0")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Offence code 10400 saved").wait_for()
    page.get_by_role("link", name="Replace the whole map from a CSV file").click()
    page.get_by_role("button", name="Replace the map").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)
