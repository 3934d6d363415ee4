"""Community payback for the generated service: projects in every probation delivery unit,
supervised by its probation services officers, with weekend work sessions and a place each
week for most people with unpaid work to do.

Each person placed keeps a weekly place (Saturday or Sunday) on one project from the week
their order starts until their hours are done, and four weeks ahead. Outcomes in realistic
proportions: most attend and complete the day, a few are sent home (hours credited up to
then, by desist.rules.unpaid_work), some are absent. A full session skips that week, as a
waiting list would. Sessions are at weekends, when the generated supervision diaries are
empty, so no one is booked twice; each supervisor runs one project. Loaded with explicit ids
through bulk_load, like desist.seed.supervision.
"""

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from tqdm import tqdm

from desist.accounts.models import Staff
from desist.accounts.roles import Role
from desist.organisation.models import Office
from desist.rules.unpaid_work import credited_minutes
from desist.seed.bulk import bulk_load, next_id, reset_sequences
from desist.seed.supervision import APPOINTMENT_COLUMNS, CONTACT_COLUMNS
from desist.sentences.models import Requirement
from desist.supervision.constants import (
    ACCEPTABLE_ABSENCES,
    UPW_CATEGORY,
    AppointmentType,
    ContactType,
    Outcome,
)
from desist.unpaid_work.constants import ProjectType
from desist.unpaid_work.models import Project

TABLES = (
    "unpaid_work_project",
    "unpaid_work_worksession",
    "unpaid_work_placement",
    "supervision_appointment",
    "supervision_contact",
)
PROJECT_COLUMNS = (
    "id",
    "name",
    "type",
    "description",
    "supervisor_id",
    "address",
    "pdu_id",
    "capacity",
    "active",
    "version",
    "created_at",
)
SESSION_COLUMNS = (
    "id",
    "project_id",
    "date",
    "start_time",
    "end_time",
    "capacity",
    "created_at",
    "created_by_id",
)
PLACEMENT_COLUMNS = ("id", "session_id", "appointment_id")
PROJECTS = [
    (ProjectType.GROUP, "Canal towpath clearance", "Clearing litter and brambles"),
    (ProjectType.GROUP, "Park footpath repairs", "Resurfacing and edging footpaths"),
    (ProjectType.GROUP, "Community centre decorating", "Painting and small repairs"),
    (ProjectType.GROUP, "Allotment restoration", "Clearing and digging neglected plots"),
    (ProjectType.GROUP, "Graffiti removal", "Cleaning walls and underpasses"),
    (ProjectType.INDIVIDUAL, "Charity shop", "Sorting stock and serving customers"),
    (ProjectType.INDIVIDUAL, "Food bank", "Packing and delivering food parcels"),
]
PLACES = {ProjectType.GROUP: 8, ProjectType.INDIVIDUAL: 2}
START, END = time(9), time(16)
CLOCK = (START.isoformat(), END.isoformat())  # as text: SQLite's driver binds no times
SESSION_MINUTES = 7 * 60
# Out of 100 past sessions.
OUTCOMES = (
    [Outcome.ATTENDED_COMPLIED] * 80
    + [Outcome.SENT_HOME_BEHAVIOUR] * 3
    + [Outcome.SENT_HOME_SERVICE] * 2
    + [Outcome.ATTENDED_FAILED_TO_COMPLY] * 2
    + [Outcome.UNACCEPTABLE_ABSENCE] * 7
    + ["ACCEPTABLE"] * 6
)
NOTES = {
    Outcome.ATTENDED_COMPLIED: "Worked well all day",
    Outcome.SENT_HOME_BEHAVIOUR: "Sent home for refusing to follow instructions",
    Outcome.SENT_HOME_SERVICE: "Sent home: work stopped for bad weather",
    Outcome.ATTENDED_FAILED_TO_COMPLY: "Arrived but refused to work",
    Outcome.UNACCEPTABLE_ABSENCE: "Did not attend; no contact",
}
EVIDENCE = ["Fit note seen", "Letter from employer confirming the shift", "Court listing checked"]
LABELS = dict(Outcome.choices)
WEEKS_AHEAD = 4
FLUSH_EVERY = 50_000


def _projects(rng: random.Random, now: datetime) -> list[tuple]:
    """One project for each probation services officer, in their PDU, up to seven a PDU."""
    officers = defaultdict(list)
    for pk, roles, pdu_id in (
        Staff.objects.filter(is_active=True, team__isnull=False)
        .order_by("pk")
        .values_list("pk", "roles", "team__pdu_id")
    ):
        if Role.PROBATION_SERVICES_OFFICER in roles and len(officers[pdu_id]) < len(PROJECTS):
            officers[pdu_id].append(pk)
    address_of_pdu = dict(Office.objects.values_list("pdu_id", "address"))
    project_id = next_id("unpaid_work_project")
    rows = []
    for pdu_id, supervisors in sorted(officers.items()):
        for (kind, name, work), supervisor_id in zip(PROJECTS, supervisors, strict=False):
            street = address_of_pdu.get(pdu_id) or "Town centre"
            rows.append(
                (
                    project_id,
                    name,
                    kind,
                    work,
                    supervisor_id,
                    f"Near {street}",
                    pdu_id,
                    PLACES[kind],
                    True,
                    1,
                    now - timedelta(days=rng.randrange(400, 900)),
                )
            )
            project_id += 1
    return rows


def _first_weekend_day(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def generate_unpaid_work(
    *, rng: random.Random, now: datetime, share: float = 0.8, progress: bool = True
) -> tuple[int, int, int]:
    """Projects, work sessions and places for a share of the unpaid work requirements on active
    orders. Returns the numbers of projects, sessions and places made: none where community
    payback has been seeded already."""
    if Project.objects.exists():
        return 0, 0, 0
    today = timezone.localdate(now)
    projects = _projects(rng, now)
    bulk_load("unpaid_work_project", PROJECT_COLUMNS, projects)
    # Every (project, weekend day) is a weekly slot; a PDU's people share its slots in turn.
    slots = defaultdict(list)
    for pk, _, _, _, supervisor_id, address, pdu_id, places, *_ in projects:
        for weekday in (5, 6):
            slots[pdu_id].append((pk, weekday, supervisor_id, address, places))
    turn: dict[int, int] = defaultdict(int)
    requirements = (
        Requirement.objects.filter(
            category=UPW_CATEGORY,
            event__active=True,
            start_date__lte=today,
            event__case__team__isnull=False,
        )
        .order_by("pk")
        .values_list(
            "pk", "event_id", "event__case_id", "event__case__team__pdu_id", "length", "start_date"
        )
    )
    sessions: dict[tuple[int, date], list] = {}  # (project, day) -> [id, places taken]
    session_rows, placements, appointments, contacts = [], [], [], []
    session_id = next_id("unpaid_work_worksession")
    placement_id = next_id("unpaid_work_placement")
    appointment_id = next_id("supervision_appointment")
    contact_id = next_id("supervision_contact")
    starts_at: dict[date, datetime] = {}
    made = [len(projects), 0, 0]

    def flush() -> None:
        made[1] += bulk_load("unpaid_work_worksession", SESSION_COLUMNS, session_rows)
        bulk_load(
            "supervision_appointment", (*APPOINTMENT_COLUMNS, "credited_minutes"), appointments
        )
        bulk_load("supervision_contact", CONTACT_COLUMNS, contacts)
        made[2] += bulk_load("unpaid_work_placement", PLACEMENT_COLUMNS, placements)
        for rows in (session_rows, appointments, contacts, placements):
            rows.clear()

    for requirement_id, event_id, case_id, pdu_id, hours, start in tqdm(
        requirements.iterator(chunk_size=5000), desc="Unpaid work", disable=not progress
    ):
        if not slots[pdu_id] or rng.random() >= share:
            continue
        project_id, weekday, supervisor_id, address, places = slots[pdu_id][
            turn[pdu_id] % len(slots[pdu_id])
        ]
        turn[pdu_id] += 1
        day = _first_weekend_day(start + timedelta(days=rng.randrange(7, 21)), weekday)
        worked = 0
        while worked < hours * 60 and day <= today + timedelta(weeks=WEEKS_AHEAD):
            session = sessions.get((project_id, day))
            if session is None:
                session = sessions[(project_id, day)] = [session_id, 0]
                session_rows.append(
                    (session_id, project_id, day, *CLOCK, places, now, supervisor_id)
                )
                session_id += 1
            if session[1] >= places:  # full: wait for next week
                day += timedelta(weeks=1)
                continue
            session[1] += 1
            if day not in starts_at:
                starts_at[day] = timezone.make_aware(datetime.combine(day, START))
            at = starts_at[day]
            outcome, notes, credit, recorded_at = "", "", None, None
            if day < today:
                outcome = rng.choice(OUTCOMES)
                sent_home_at = time(rng.randrange(10, 15), rng.choice([0, 15, 30, 45]))
                if outcome == "ACCEPTABLE":
                    outcome, notes = rng.choice(ACCEPTABLE_ABSENCES), rng.choice(EVIDENCE)
                else:
                    notes = NOTES[outcome]
                if outcome in (Outcome.SENT_HOME_BEHAVIOUR, Outcome.SENT_HOME_SERVICE):
                    notes = f"Sent home at {sent_home_at:%H:%M}. {notes}"
                credit = credited_minutes(
                    outcome=outcome, starts=START, ends=END, sent_home_at=sent_home_at
                )
                worked += credit
                recorded_at = at + timedelta(hours=8)
            appointments.append(
                (
                    appointment_id,
                    case_id,
                    event_id,
                    requirement_id,
                    supervisor_id,
                    AppointmentType.UNPAID_WORK,
                    at,
                    SESSION_MINUTES,
                    None,
                    address,
                    "",
                    "",
                    "",
                    False,
                    False,
                    outcome,
                    notes,
                    recorded_at,
                    supervisor_id if outcome else None,
                    None,
                    None,
                    "",
                    2 if outcome else 1,
                    at - timedelta(days=rng.randrange(3, 14)),
                    supervisor_id,
                    credit,
                )
            )
            placements.append((placement_id, sessions[(project_id, day)][0], appointment_id))
            if outcome:
                contacts.append(
                    (
                        contact_id,
                        case_id,
                        ContactType.UNPAID_WORK,
                        at,
                        f"{LABELS[outcome]}. {notes}",
                        False,
                        True,
                        appointment_id,
                        requirement_id,
                        supervisor_id,
                        recorded_at,
                    )
                )
                contact_id += 1
            appointment_id += 1
            placement_id += 1
            day += timedelta(weeks=1)
        if len(appointments) >= FLUSH_EVERY:
            flush()
    flush()
    reset_sequences(TABLES)
    return made[0], made[1], made[2]
