"""Community payback in the demo: two projects run by the demo probation services officer,
with a session last Saturday whose register is taken (one person completed the day, one sent
home at 11:30, one absent), a session today to take the register of, and one next Saturday
with places left. The people are the demo probation officer's cases with unpaid work to do."""

from datetime import time, timedelta

from django.utils import timezone

from desist.access.selectors import access_denial
from desist.people.models import Case
from desist.supervision.services import AppointmentError
from desist.unpaid_work import selectors, services
from desist.unpaid_work.constants import ProjectType
from desist.unpaid_work.services import Attendance, UnpaidWorkError


def _people(po, pso, on) -> list[Case]:
    """The demo officer's cases the supervisor may open that have unpaid work hours to do."""
    cases = Case.objects.filter(practitioner=po).order_by("pk")
    return [
        c
        for c in cases
        if not access_denial(pso, c) and selectors.requirement_to_work(c, on=on) is not None
    ]


def _place(session, people, pso, count):
    placed = []
    for case in people:
        if len(placed) == count:
            break
        try:
            placed.append(services.placement_allocate(session=session, case=case, by=pso))
        except (AppointmentError, UnpaidWorkError):
            continue  # booked elsewhere then: the next person
    return placed


def seed_unpaid_work_demo(*, pso, po) -> None:
    pdu = pso.team.pdu
    canal = services.project_create(
        by=pso,
        name="Canal towpath clearance",
        type=ProjectType.GROUP,
        description="Clearing litter and brambles along the towpath",
        supervisor=pso,
        address="Lock 4, Canal Road",
        pdu=pdu,
        capacity=6,
        active=True,
    )
    services.project_create(
        by=pso,
        name="Food bank",
        type=ProjectType.INDIVIDUAL,
        description="Packing and delivering food parcels",
        supervisor=pso,
        address="St Mark's Hall, High Street",
        pdu=pdu,
        capacity=2,
        active=True,
    )
    today = timezone.localdate()
    saturday = today - timedelta(days=(today.weekday() - 5) % 7 or 7)
    people = _people(po, pso, today)

    def session(day, start=time(9), end=time(16)):
        return services.session_create(
            project=canal, by=pso, date=day, start_time=start, end_time=end, capacity=6
        )

    last = session(saturday)
    placed = _place(last, people, pso, 3)
    outcomes = [
        {"outcome": "ATTC"},
        {"outcome": "ATSH", "sent_home_at": time(11, 30), "notes": "Refused to wear gloves"},
        {"outcome": "UAAB", "notes": "Did not attend; no contact"},
    ]
    services.register_record(
        session=last,
        lines=[
            Attendance(placement=p, version=p.appointment.version, **o)
            for p, o in zip(placed, outcomes, strict=False)
        ],
        by=pso,
    )
    _place(session(today, time(8), time(15)), people[3:], pso, 2)
    _place(session(saturday + timedelta(days=7)), people, pso, 2)
