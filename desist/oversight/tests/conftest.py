from datetime import timedelta

import pytest
from django.utils import timezone

from desist.access.models import AccessKind, CaseAccess
from desist.accounts.roles import Role
from desist.organisation.models import Team
from desist.supervision.models import Appointment


@pytest.fixture
def missed(officer):
    """An appointment a few days ago with no outcome: an overdue action for the practitioner."""

    def make(case, *, days_ago=3):
        return Appointment.objects.create(
            case=case,
            practitioner=case.practitioner or officer,
            type="OFFICE",
            starts_at=timezone.now() - timedelta(days=days_ago),
        )

    return make


@pytest.fixture
def restricted(make_case):
    """A case on the officer's caseload that only the colleague may open (an odd but possible
    state: the list must still keep it from everyone else)."""

    def make(*, allowed=()):
        case = make_case("Rita", "Restricted")
        case.restricted = True
        case.save(update_fields=["restricted"])
        for staff in allowed:
            CaseAccess.objects.create(case=case, staff=staff, kind=AccessKind.ALLOWED)
        return case

    return make


@pytest.fixture
def other_spo(make_staff, team):
    other = Team.objects.create(code="T2", name="Tyneside Team 2", pdu=team.pdu)
    return make_staff("otherspo", Role.SENIOR_PROBATION_OFFICER, grade="SPO", team=other)
