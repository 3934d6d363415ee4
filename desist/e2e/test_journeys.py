"""A practitioner's journey in a real browser, with an accessibility check on every page:
sign in with a password and a TOTP code, search with a misspelt name, open a case, and be
refused a restricted case."""

import datetime

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.access.services import case_set_restricted
from desist.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def journey(live_server, make_case, officer, colleague, manager):
    john = make_case("John", "Smith", date_of_birth=datetime.date(1985, 3, 27))
    make_case("Peter", "Brown")
    secret = make_case("Rita", "Restricted", practitioner=colleague)
    case_set_restricted(
        case=secret, restricted=True, message="Restricted: ask the Head of PDU.", by=manager
    )
    device = TOTPDevice.objects.create(user=officer, name="app", confirmed=True)
    return {"url": live_server.url, "john": john, "secret": secret, "device": device}


def sign_in(page, journey):
    page.goto(f"{journey['url']}/caseload/")
    assert_accessible(page)
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Security code").wait_for()
    assert_accessible(page)
    page.get_by_label("Security code").fill(f"{totp(journey['device'].bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="My caseload").wait_for()


def test_sign_in_search_open_a_case_and_be_refused_a_restricted_one(page, journey):
    sign_in(page, journey)
    assert_accessible(page)

    page.get_by_role("link", name="Search").click()
    assert_accessible(page)
    page.get_by_label("Name, CRN, PNC number or date of birth").fill("Jon Smth")
    page.keyboard.press("Enter")
    result = page.get_by_role("link", name="Smith, John")
    result.wait_for()
    assert "Brown" not in page.locator("#search-results").inner_text()
    assert_accessible(page)

    result.click()
    page.get_by_role("heading", name="Personal details").wait_for()
    assert journey["john"].crn in page.content()
    assert_accessible(page)

    page.goto(f"{journey['url']}/cases/{journey['secret'].crn}/")
    page.get_by_role("heading", name="You cannot open this").wait_for()
    assert "Restricted: ask the Head of PDU." in page.content()
    assert "Rita" not in page.content()
    assert_accessible(page)


def test_a_form_error_is_summarised_and_reachable_by_keyboard(page, journey):
    sign_in(page, journey)
    page.goto(f"{journey['url']}/cases/{journey['john'].crn}/personal-details/edit/")
    assert_accessible(page)
    page.get_by_label("First name").fill("")
    page.get_by_label("PNC number").fill("2004/0046583A")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    # The summary takes focus, and its links move to the field with the problem.
    page.get_by_role("link", name="Enter a first name").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_first_name"


def test_the_role_table_page_is_accessible(page, journey):
    sign_in(page, journey)
    page.get_by_role("link", name="Roles").click()
    page.get_by_role("heading", name="What each role may do").wait_for()
    assert_accessible(page)


def test_the_accessibility_check_catches_problems(page):
    page.set_content(
        '<html lang="en"><head><title>Bad</title></head>'
        '<body><main><img src="x.png"><input type="text"></main></body></html>'
    )
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)


def test_a_date_typed_in_three_boxes_is_saved(page, journey):
    sign_in(page, journey)
    page.goto(f"{journey['url']}/cases/{journey['john'].crn}/personal-details/edit/")
    page.get_by_label("Day").fill("4")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("1986")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Personal details saved").wait_for()
    assert "4 November 1986" in page.content()
