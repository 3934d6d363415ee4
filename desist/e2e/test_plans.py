"""A practitioner assesses needs and sees the tier move, writes a sentence plan objective
linked to a need, and saves an offence timeline, a mind map and a worksheet, in a real
browser with an accessibility check on every page."""

import datetime

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.e2e.conftest import assert_accessible
from desist.plans.models import NeedsAssessment, SessionTool
from desist.plans.tests.conftest import SEVERE
from desist.risk.tiers import case_risk_refresh
from desist.rules.needs import SECTIONS
from desist.sentences.models import Event, Requirement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def journey(live_server, make_case, officer):
    case = make_case("John", "Smith")
    event = Event.objects.create(
        case=case, number=1, sentence_type="CO", length=12, length_unit="M"
    )
    Requirement.objects.create(event=event, category="RAR", length=20)
    case_risk_refresh(case=case, trigger="test")
    device = TOTPDevice.objects.create(user=officer, name="app", confirmed=True)
    return {"url": live_server.url, "case": case, "device": device}


def sign_in(page, journey):
    page.goto(f"{journey['url']}/cases/{journey['case'].crn}/")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Security code").fill(f"{totp(journey['device'].bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Needs assessments, sentence plans and session tools").wait_for()


def fill_date(page, prefix, day):
    for n, part in enumerate((day.day, day.month, day.year)):
        page.locator(f"#id_{prefix}_{n}").fill(str(part))


def test_needs_tier_plan_and_session_tools(page, journey):
    today = datetime.date.today()
    sign_in(page, journey)
    crn = journey["case"].crn
    assert "D2" in page.content()  # a current order with rehabilitation, no assessment yet
    page.get_by_role("link", name="Needs assessments, sentence plans and session tools").click()
    page.get_by_role("heading", name="Needs and sentence plans").wait_for()
    assert_accessible(page)

    # A draft first, then complete it.
    page.get_by_role("link", name="Assess needs").click()
    page.get_by_role("heading", name="Assess needs").wait_for()
    assert_accessible(page)
    fill_date(page, "assessed_on", today)
    page.locator("input[name=q_unemployed][value=SOME]").check()
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("Draft saved").wait_for()
    draft = NeedsAssessment.objects.get()
    page.get_by_role("link", name=f"Draft of {today:%-d %B %Y}").click()
    page.get_by_role("heading", name="Assess needs").wait_for()
    assert page.locator("input[name=q_unemployed][value=SOME]").is_checked()
    for section in SECTIONS:
        for q in section.questions:
            value = SEVERE.get(q.key, q.kind.choices[-1][0])
            page.locator(f"input[name=q_{q.key}][value={value}]").check()
    page.locator("input[name=harm_ACCOMMODATION][value=yes]").check()
    page.get_by_role("button", name="Complete assessment").click()
    page.get_by_text("Needs assessment completed").wait_for()
    assert_accessible(page)
    assert page.get_by_text("Severe need").count() == 8
    explanation = page.get_by_test_id("tier-explanation").inner_text()
    assert explanation.startswith("D3 because") and "THINKING_AND_BEHAVIOUR SEVERE" in explanation
    assert "Tier D3" in page.content()
    assert draft.pk == NeedsAssessment.objects.get().pk

    # The sentence plan, from the event page.
    page.goto(f"{journey['url']}/cases/{crn}/events/1/")
    page.get_by_role("link", name="Sentence plan for this event").click()
    page.get_by_role("heading", name="Sentence plan for event 1").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Start the sentence plan").click()
    assert_accessible(page)
    page.get_by_label("What I want to achieve").fill("A flat of my own and a job")
    fill_date(page, "next_review_date", today + datetime.timedelta(weeks=12))
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Sentence plan started").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Add an objective").click()
    page.get_by_role("heading", name="Add an objective").wait_for()
    assert_accessible(page)
    page.get_by_label("Accommodation", exact=True).check()
    page.get_by_label("Objective").fill("Move into settled accommodation")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Objective added").wait_for()
    assert "Move into settled accommodation" in page.content()
    page.get_by_role("link", name="Add an action to objective").click()
    assert_accessible(page)
    page.get_by_label("Action").fill("Refer to the housing options team")
    page.get_by_label("Practitioner").check()
    fill_date(page, "target_date", today + datetime.timedelta(days=14))
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Action added").wait_for()
    page.get_by_role("link", name="Refer to the housing options team").click()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="Change objective").click()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="Change what the person wants").click()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="Review the sentence plan").click()
    assert_accessible(page)
    fill_date(page, "reviewed_on", today)
    page.get_by_label("Some progress").check()
    fill_date(page, "next_review_date", today + datetime.timedelta(weeks=8))
    page.get_by_role("button", name="Record the review").click()
    page.get_by_text("Review recorded").wait_for()
    assert "Some progress" in page.content()
    assert_accessible(page)

    # Session tools.
    page.goto(f"{journey['url']}/cases/{crn}/plans/")
    page.get_by_role("link", name="Start an offence timeline").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("The night of the offence")
    page.locator("#id_entry0_when").fill("Friday, 8pm")
    page.locator("#id_entry0_happened").fill("Went to the pub after a row at home")
    page.locator("#id_entry0_thoughts").fill("Angry and let down")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_role("heading", name="The night of the offence").wait_for()
    assert "Angry and let down" in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="Change").click()
    assert_accessible(page)

    page.goto(f"{journey['url']}/cases/{crn}/plans/")
    page.get_by_role("link", name="Start a mind map").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Money worries")
    page.get_by_label("The problem").fill("Rent arrears")
    page.locator("#id_option0_option").fill("Talk to the landlord")
    page.locator("#id_option0_pros").fill("Might agree a plan")
    page.locator("#id_option1_option").fill("Ask for a debt advice referral")
    page.get_by_role("button", name="Save as finished").click()
    page.get_by_role("heading", name="Money worries").wait_for()
    assert page.locator("svg.desist-mind-map-picture").count() == 1
    assert_accessible(page)

    page.goto(f"{journey['url']}/cases/{crn}/plans/")
    page.get_by_role("link", name="Worksheet: Good lives goals").click()
    assert_accessible(page)
    page.get_by_label("What matters most to me in life?").fill("My daughter")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_role("heading", name="Good lives goals").wait_for()
    assert "My daughter" in page.content()
    assert_accessible(page)
    assert SessionTool.objects.count() == 3
    page.goto(f"{journey['url']}/cases/{crn}/plans/")
    assert_accessible(page)
