import datetime
from datetime import timedelta

import pytest
from django.utils import timezone

from desist.organisation.models import Court
from desist.sentences import services as sentence_services
from desist.supervision.models import Appointment


@pytest.fixture
def court(region):
    return Court.objects.create(code="C1", name="Newcastle Magistrates' Court", region=region)


@pytest.fixture
def make_event(court, officer):
    """An event sentenced 90 days ago: a 12-month community order unless told otherwise."""

    def make(case, *, offence=None, **sentence):
        sentenced = timezone.localdate() - timedelta(days=90)
        sentence = {
            "conviction_date": sentenced - timedelta(days=20),
            "sentence_type": "CO",
            "sentence_date": sentenced,
            "length": 12,
            "length_unit": "M",
            **sentence,
        }
        offence = {
            "code": "10501",
            "description": "Common assault",
            "category": "VIOLENCE",
            "offence_date": sentenced - timedelta(days=60),
            **(offence or {}),
        }
        return sentence_services.event_create(
            case=case, by=officer, court=court, offence=offence, **sentence
        )

    return make


@pytest.fixture
def co_event(case, make_event):
    return make_event(case)


@pytest.fixture
def licence_event(make_case, make_event):
    """A 2-year custodial sentence passed 400 days ago: now on licence."""
    person = make_case("Lee", "Licence")
    return make_event(
        person,
        sentence_type="SDS",
        sentence_date=timezone.localdate() - timedelta(days=400),
        conviction_date=timezone.localdate() - timedelta(days=420),
        length=2,
        length_unit="Y",
    )


@pytest.fixture
def fail(officer):
    """An appointment some days ago with an outcome (an unacceptable absence by default)."""

    def make(case, days_ago: int, outcome: str = "UAAB", event=None):
        starts_at = timezone.make_aware(
            datetime.datetime.combine(
                timezone.localdate() - timedelta(days=days_ago), datetime.time(10, 0)
            )
        )
        return Appointment.objects.create(
            case=case,
            event=event,
            practitioner=officer,
            type="OFFICE",
            starts_at=starts_at,
            outcome=outcome,
            outcome_recorded_at=starts_at,
        )

    return make
