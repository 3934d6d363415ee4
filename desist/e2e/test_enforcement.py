"""Two unacceptable absences on a community order: the warning falls due, the letter is
issued and downloaded, the second absence makes breach due and the breach report starts it.
On a licence, recall goes to the senior probation officer, who countersigns. Every page is
checked for accessibility in a real browser."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from pypdf import PdfReader

from desist.e2e.conftest import assert_accessible, sign_in_with_code
from desist.enforcement.models import EnforcementAction
from desist.organisation.models import Court, Office
from desist.sentences.services import event_create
from desist.supervision.models import Appointment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sentence(case, officer, region, **sentence):
    court = Court.objects.get_or_create(
        code="C1", defaults={"name": "Newcastle Magistrates' Court", "region": region}
    )[0]
    sentenced = timezone.localdate() - timedelta(days=400)
    return event_create(
        case=case,
        by=officer,
        court=court,
        offence={
            "code": "10501",
            "description": "Common assault",
            "category": "VIOLENCE",
            "offence_date": sentenced - timedelta(days=60),
        },
        **{
            "conviction_date": sentenced - timedelta(days=20),
            "sentence_type": "CO",
            "sentence_date": sentenced,
            "length": 2,
            "length_unit": "Y",
            **sentence,
        },
    )


@pytest.fixture
def journey(live_server, make_case, officer, manager, team, region):
    Office.objects.create(code="O1", name="Newcastle probation office", pdu=team.pdu)
    devices = {
        user.username: TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        for user in (officer, manager)
    }
    case = make_case("John", "Smith")
    return {
        "url": live_server.url,
        "case": case,
        "event": _sentence(case, officer, region),
        "licence": _sentence(make_case("Lee", "Licence"), officer, region, sentence_type="SDS"),
        "devices": devices,
    }


def sign_in(page, journey, username):
    devices = journey["devices"]
    sign_in_with_code(page, journey["url"], username, devices[username], landing="/diary/")
    page.get_by_role("heading", name="Diary", exact=False).wait_for()


def absent(page, journey, when: date):
    """Arrange an appointment, let it pass (moved to ``when``) and record an absence."""
    crn = journey["case"].crn
    page.goto(f"{journey['url']}/cases/{crn}/appointments/arrange/")
    day = timezone.localdate() + timedelta(days=1)
    page.get_by_label("Office visit").check()
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Start time").fill("10:30")
    page.get_by_label("Office (optional)").select_option(label="Newcastle probation office")
    page.get_by_role("button", name="Arrange appointment").click()
    page.get_by_text("Appointment arranged").wait_for()
    appointment = Appointment.objects.latest("pk")
    Appointment.objects.filter(pk=appointment.pk).update(
        starts_at=appointment.starts_at.replace(year=when.year, month=when.month, day=when.day)
    )
    page.goto(f"{journey['url']}/cases/{crn}/appointments/{appointment.pk}/outcome/")
    page.get_by_label("Unacceptable absence").check()
    page.get_by_role("button", name="Record outcome").click()
    page.get_by_role("heading", name="Timeline").wait_for()


def test_warning_then_breach_on_a_community_order(page, journey):
    sign_in(page, journey, "officer")
    event_page = f"{journey['url']}/cases/{journey['case'].crn}/events/1/"
    first = timezone.localdate() - timedelta(days=20)
    absent(page, journey, first)

    page.goto(event_page)
    page.get_by_role("heading", name="Compliance and enforcement").wait_for()
    assert "Warning due by" in page.content() and "Overdue" in page.content()
    assert_accessible(page)
    page.goto(f"{journey['url']}/enforcement/")
    page.get_by_role("link", name="Issue a warning").click()
    page.get_by_role("link", name="Issue the warning letter").click()
    page.get_by_role("heading", name="Issue a warning letter").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Issue the warning letter").click()
    page.get_by_text("Warning letter issued and EA02 recorded").wait_for()
    assert "No enforcement action is due" in page.content()

    with page.expect_download() as download:
        page.get_by_role("link", name="Warning letter, event 1 (PDF)").click()
    with open(download.value.path(), "rb") as pdf:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read())).pages)
    text = " ".join(text.split())
    assert "Warning letter" in text and "John Smith" in text
    failed_on = f"{first:%A} {first.day} {first:%B %Y}"
    assert f"You failed to keep to your order on {failed_on} (unacceptable absence)." in text
    assert "This failure is unacceptable. This is a formal warning." in text
    assert "within the next 12 months, you will be taken back to court." in text

    # Time passes: the warning was a week ago, and he misses another appointment.
    EnforcementAction.objects.update(on=timezone.localdate() - timedelta(days=7))
    absent(page, journey, timezone.localdate() - timedelta(days=2))
    page.goto(event_page)
    assert "Breach action due by" in page.content()
    page.get_by_role("link", name="Write the breach report").click()
    page.get_by_role("heading", name="Write the breach report").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Issue the breach report").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)
    page.get_by_label("Your account of the failures").fill("Two absences; no excuse given.")
    page.get_by_role("button", name="Issue the breach report").click()
    page.get_by_text("Breach report issued and breach action recorded").wait_for()
    assert "Breach or recall initiated (IBR)" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Record an enforcement action").click()
    page.get_by_role("heading", name="Record enforcement action").wait_for()
    assert_accessible(page)
    page.goto(f"{journey['url']}/cases/{journey['case'].crn}/")
    assert "Overdue" not in page.content()
    assert_accessible(page)


def test_recall_is_recommended_and_countersigned(page, journey):
    sign_in(page, journey, "officer")
    licence = journey["licence"]
    page.goto(f"{journey['url']}/cases/{licence.case.crn}/events/1/")
    page.get_by_role("link", name="Recommend recall").click()
    page.get_by_role("heading", name="Recommend recall").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Send to the senior probation officer").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)
    page.get_by_label("Why recall is being considered").fill("Whereabouts unknown for a week")
    page.get_by_label("Alternatives to recall tried or considered").fill("Warning; reporting")
    page.locator(".govuk-checkboxes__input").first.check()
    page.get_by_role("button", name="Send to the senior probation officer").click()
    page.get_by_role("heading", name="Recall recommendation").wait_for()
    assert "Awaiting countersignature" in page.content()
    assert_accessible(page)
    recall_url = page.url

    sign_in(page, journey, "manager")
    page.goto(recall_url)
    page.get_by_label("Countersign the recall").check()
    page.get_by_label("Rationale").fill("Risk is escalating; recall is proportionate")
    page.get_by_role("button", name="Record decision").click()
    page.get_by_text("Decision recorded").wait_for()
    assert "Recall report, event 1 (PDF)" in page.content()
    assert_accessible(page)
