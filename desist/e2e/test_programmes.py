"""A programme facilitator creates a Building Choices group, allocates three people from the
waitlist and takes the first session's register with one unacceptable absence; the
probation officer then sees a warning due on that person's order. Every page passes the
accessibility check."""

import re
from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.accounts.roles import Role
from desist.e2e.conftest import assert_accessible, sign_in_with_code
from desist.organisation.models import Court, Office
from desist.programmes import services
from desist.programmes.models import Programme
from desist.sentences import services as sentence_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _catalogue() -> Programme:
    """Building Choices. The catalogue is a data migration, which an earlier browser test's
    flush empties: load it again as the migration does."""
    if not Programme.objects.exists():
        import_module("desist.programmes.migrations.0002_catalogue").load(django_apps, None)
    return Programme.objects.get(code="BC")


def _waiting(case, officer, facilitator, court, programme):
    sentenced = timezone.localdate() - timedelta(days=60)
    event = sentence_services.event_create(
        case=case,
        by=officer,
        court=court,
        offence={
            "code": "10501",
            "description": "Common assault",
            "category": "VIOLENCE",
            "offence_date": sentenced - timedelta(days=60),
        },
        conviction_date=sentenced - timedelta(days=20),
        sentence_type="CO",
        sentence_date=sentenced,
        length=12,
        length_unit="M",
    )
    requirement = sentence_services.requirement_add(
        event=event, by=officer, category="PROG", length=21
    )
    referral = services.referral_create(
        case=case, by=officer, programme=programme, requirement=requirement
    )
    return services.suitability_record(
        referral=referral, version=referral.version, by=facilitator, suitable=True
    )


@pytest.fixture
def journey(live_server, make_case, make_staff, officer, team, region):
    facilitator = make_staff("faye", Role.PROGRAMME_FACILITATOR)
    Office.objects.create(code="O1", name="Newcastle probation office", pdu=team.pdu)
    court = Court.objects.create(code="C1", name="Newcastle Magistrates' Court", region=region)
    programme = _catalogue()
    people = [("Alan", "Absent"), ("Beth", "Bright"), ("Cara", "Constant")]
    for first, last in people:
        _waiting(make_case(first, last), officer, facilitator, court, programme)
    unassessed = _waiting(make_case("Dan", "Doubt"), officer, facilitator, court, programme)
    unassessed.suitability = ""
    unassessed.save(update_fields=["suitability"])
    devices = {
        user.username: TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        for user in (officer, facilitator)
    }
    return {"url": live_server.url, "facilitator": facilitator, "devices": devices}


def test_create_a_group_allocate_and_take_a_register_that_counts_for_enforcement(
    page, journey, officer
):
    url, facilitator = journey["url"], journey["facilitator"]
    sign_in_with_code(
        page, url, facilitator.username, journey["devices"]["faye"], landing="/programmes/"
    )
    page.get_by_role("heading", name="Programmes", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Waitlist").click()
    page.get_by_role("heading", name="Programme waitlist").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Record suitability of Doubt, Dan").click()
    page.get_by_label("Not suitable").check()
    page.get_by_role("button", name="Save suitability").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)
    page.get_by_label("Reason").fill("Denies the offence: revisit after the PSR review")
    page.get_by_role("button", name="Save suitability").click()
    page.get_by_text("Doubt: not suitable").wait_for()
    page.get_by_role("link", name="Catalogue").click()
    page.get_by_role("heading", name="Programme catalogue").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="My groups this week").click()
    page.get_by_role("link", name="Create a group").click()
    page.get_by_role("button", name="Create the group").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    first = timezone.localdate() - timedelta(days=14)
    page.get_by_label("Programme").select_option(label="Building Choices")
    page.get_by_label("Cohort name").fill("Tyneside mornings")
    page.get_by_label("Location").select_option(label="Newcastle probation office")
    page.get_by_label(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[
            first.weekday()
        ]
    ).check()
    page.get_by_label("Start time").fill("09:30")
    page.get_by_label("Day", exact=True).fill(str(first.day))
    page.get_by_label("Month", exact=True).fill(str(first.month))
    page.get_by_label("Year", exact=True).fill(str(first.year))
    page.get_by_label("Capacity").fill("12")
    page.get_by_role("button", name="Create the group").click()
    page.get_by_role("heading", name="Tyneside mornings").wait_for()
    assert_accessible(page)

    for name in ("Absent, Alan", "Bright, Beth", "Constant, Cara"):
        page.get_by_label(name).check()
    page.get_by_role("button", name="Allocate to the group").click()
    page.get_by_text("3 allocated to the group").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(r"register for session 1$")).click()
    page.get_by_role("heading", name="Register: session 1").wait_for()
    assert_accessible(page)
    for name, outcome in (("Absent", "UAAB"), ("Bright", "ATTC"), ("Constant", "ATTC")):
        member = page.get_by_role("group", name=name)
        member.get_by_label("Attendance").select_option(outcome)
    page.get_by_label("Session notes").fill("Introductions and group agreement")
    page.get_by_role("button", name="Save the register").click()
    page.get_by_text("Register saved").wait_for()
    assert page.get_by_text("Unacceptable absence").count() == 1
    assert_accessible(page)
    page.get_by_role("link", name="Building Choices: Tyneside mornings").click()
    page.get_by_role("link", name="Arrange a catch-up for Absent, Alan").click()
    page.get_by_role("heading", name="Arrange a catch-up session").wait_for()
    assert_accessible(page)

    absent = next(
        r
        for r in facilitator.groups_led.get().members.select_related("case")
        if r.case.last_name == "Absent"
    )
    sign_in_with_code(page, url, officer.username, journey["devices"]["officer"])
    page.goto(f"{url}/cases/{absent.case.crn}/")
    page.get_by_text("issue a warning").wait_for()
    assert_accessible(page)
    page.goto(f"{url}/cases/{absent.case.crn}/programmes/refer/")
    page.get_by_role("heading", name="Refer to an accredited programme").wait_for()
    assert page.get_by_text("Building Choices: in Tyneside mornings").count() == 1
    assert_accessible(page)
