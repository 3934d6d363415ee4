import datetime
from datetime import time, timedelta

import pytest
from django.utils import timezone

from desist.accounts.roles import Role
from desist.organisation.models import Court, Office
from desist.programmes import services
from desist.programmes.models import Programme
from desist.sentences import services as sentence_services


@pytest.fixture
def facilitator(make_staff):
    return make_staff("facilitator", Role.PROGRAMME_FACILITATOR)


@pytest.fixture
def office(team):
    return Office.objects.create(code="O1", name="Newcastle probation office", pdu=team.pdu)


@pytest.fixture
def building_choices(db):
    return Programme.objects.get(code="BC")


@pytest.fixture
def court(region):
    return Court.objects.create(code="C1", name="Newcastle Magistrates' Court", region=region)


@pytest.fixture
def make_prog(make_case, court, officer):
    """A person on a 12-month community order with an accredited programme requirement."""

    def make(first="John", last="Smith", **case_details):
        case = make_case(first, last, **case_details)
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
        return sentence_services.requirement_add(
            event=event, by=officer, category="PROG", length=21
        )

    return make


@pytest.fixture
def make_suitable(make_prog, officer, facilitator, building_choices):
    """Someone referred for Building Choices and found suitable: waiting for a group."""

    def make(first="John", last="Smith", **case_details):
        requirement = make_prog(first, last, **case_details)
        referral = services.referral_create(
            case=requirement.event.case,
            by=officer,
            programme=building_choices,
            requirement=requirement,
        )
        return services.suitability_record(
            referral=referral, version=referral.version, by=facilitator, suitable=True
        )

    return make


@pytest.fixture
def make_group(facilitator, office, building_choices):
    """A Tuesday morning Building Choices group whose first session was last week (so its
    registers can be taken), unless told otherwise."""

    def make(**details):
        today = timezone.localdate()
        details = {
            "programme": building_choices,
            "name": "Tyneside Tuesdays",
            "office": office,
            "weekdays": [1],
            "start_time": time(9, 30),
            "first_date": today - timedelta(days=7 + today.weekday()),
            "evenings_allowed": False,
            "lead_facilitator": facilitator,
            "cover_facilitator": None,
            "capacity": 12,
            **details,
        }
        return services.group_create(by=facilitator, **details)

    return make


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time(hour)))
