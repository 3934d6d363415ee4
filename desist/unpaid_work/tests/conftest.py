"""Fixtures for community payback: a supervisor (a PSO), a group project, a session tomorrow,
a person with 100 hours of unpaid work, and helpers to place people and let a session pass."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from desist.accounts.roles import Role
from desist.sentences.models import Event, Requirement
from desist.supervision.models import Appointment
from desist.unpaid_work import services
from desist.unpaid_work.constants import ProjectType


@pytest.fixture
def pso(make_staff):
    return make_staff("supervisor", Role.PROBATION_SERVICES_OFFICER, grade="PSO")


@pytest.fixture
def project(pso, team):
    return services.project_create(
        by=pso,
        name="Canal towpath clearance",
        type=ProjectType.GROUP,
        description="Clearing litter and brambles",
        supervisor=pso,
        address="Lock 4, Canal Road\nNewcastle NE1 1AA",
        pdu=team.pdu,
        capacity=6,
        active=True,
    )


@pytest.fixture
def make_session(project, pso):
    def make(day=None, *, capacity=6, start=time(9), end=time(16)):
        return services.session_create(
            project=project,
            by=pso,
            date=day or timezone.localdate() + timedelta(days=1),
            start_time=start,
            end_time=end,
            capacity=capacity,
        )

    return make


@pytest.fixture
def work_session(make_session):
    return make_session()


def upw_requirement(case, hours=100, *, number=1, start=date(2026, 6, 1), active=True):
    """A community order on the case with an unpaid work requirement of so many hours."""
    event = Event.objects.create(
        case=case, number=number, sentence_type="CO", sentence_date=start, active=active
    )
    return Requirement.objects.create(event=event, category="UPW", length=hours, start_date=start)


@pytest.fixture
def give_upw():
    return upw_requirement


@pytest.fixture
def upw(case, give_upw):
    return give_upw(case)


@pytest.fixture
def place(pso):
    def do(session, case, by=None):
        return services.placement_allocate(session=session, case=case, by=by or pso)

    return do


def let_pass(session, days: int = 2) -> None:
    """The session's day comes and goes: move it, and its appointments, into the past (a
    session cannot be planned in the past)."""
    session.date -= timedelta(days=days)
    session.save(update_fields=["date"])
    for appointment in Appointment.objects.filter(work_placement__session=session):
        appointment.starts_at -= timedelta(days=days)
        appointment.save(update_fields=["starts_at"])
