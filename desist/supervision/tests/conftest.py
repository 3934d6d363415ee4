"""Fixtures for supervision: an office, a RAR requirement, and a helper that arranges an
appointment through the service with sensible defaults."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from desist.organisation.models import Office
from desist.sentences.models import Event, Requirement
from desist.supervision import services
from desist.supervision.constants import RAR_CATEGORY, AppointmentType
from desist.supervision.notify import fake_client


@pytest.fixture(autouse=True)
def _no_messages_between_tests():
    fake_client.sent.clear()
    yield
    fake_client.sent.clear()


@pytest.fixture
def office(team):
    return Office.objects.create(code="O1", name="Newcastle probation office", pdu=team.pdu)


@pytest.fixture
def rar(case):
    event = Event.objects.create(case=case, number=1)
    return Requirement.objects.create(event=event, category=RAR_CATEGORY, length=20)


def tomorrow_at(hour: int, minute: int = 0) -> datetime:
    day = timezone.localdate() + timedelta(days=1)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


@pytest.fixture
def arrange(case, officer, office):
    def do(starts_at=None, *, for_case=None, by=None, **details):
        details.setdefault("type", AppointmentType.OFFICE_VISIT)
        details.setdefault("duration_minutes", 30)
        details.setdefault("practitioner", officer)
        if details["type"] == AppointmentType.OFFICE_VISIT:
            details.setdefault("office", office)
        return services.appointment_arrange(
            case=for_case or case,
            by=by or officer,
            starts_at=starts_at or tomorrow_at(10),
            **details,
        )

    return do


@pytest.fixture
def past_appointment(arrange):
    """An appointment that has happened: arranged, then moved into the past (arranging one
    in the past is refused by the form, not the service)."""
    appointment = arrange()
    appointment.starts_at = timezone.now() - timedelta(hours=2)
    appointment.save(update_fields=["starts_at"])
    return appointment
