"""Accredited programmes for the generated service: most people with a programme requirement
are in a Building Choices group run by their region's facilitator, the rest on the waitlist.

Groups of up to 12 meet weekly from a date in the last ten months (or the next month), with
the schedule the service makes (desist.rules.programmes: bank holidays skipped). Each member's
place at each session is a GROUP appointment on their case linked to the requirement, as the
service makes it, with outcomes for sessions already held in realistic proportions and the
timeline contact for each. Loaded with explicit ids through bulk_load; not wired into the
generator here (the lead does that, after the sentences and supervision stages).
"""

import random
from collections import defaultdict
from datetime import datetime, time, timedelta

from django.utils import timezone
from tqdm import tqdm

from desist.accounts.models import Staff
from desist.accounts.roles import Role
from desist.organisation.models import Office
from desist.programmes.constants import PROGRAMME_CATEGORY, Suitability
from desist.programmes.models import Programme, Referral
from desist.rules.programmes import session_dates
from desist.seed.bulk import bulk_load, next_id, reset_sequences
from desist.seed.supervision import APPOINTMENT_COLUMNS, CONTACT_COLUMNS, EVIDENCE, LABELS
from desist.sentences.models import Requirement
from desist.supervision.constants import ACCEPTABLE_ABSENCES, AppointmentType, ContactType, Outcome

REFERRAL_COLUMNS = (
    "id",
    "case_id",
    "programme_id",
    "event_id",
    "requirement_id",
    "licence_condition_id",
    "notes",
    "referred_by_id",
    "referred_at",
    "suitability",
    "suitability_reason",
    "assessed_by_id",
    "assessed_at",
    "group_id",
    "allocated_at",
    "version",
)
GROUP_COLUMNS = (
    "id",
    "programme_id",
    "name",
    "office_id",
    "weekdays",
    "start_time",
    "first_date",
    "evenings_allowed",
    "lead_facilitator_id",
    "cover_facilitator_id",
    "capacity",
    "created_by_id",
    "created_at",
    "version",
)
SESSION_COLUMNS = (
    "id",
    "group_id",
    "template_id",
    "starts_at",
    "duration_minutes",
    "notes",
    "register_taken_at",
    "register_taken_by_id",
    "version",
)
ATTENDANCE_COLUMNS = (
    "id",
    "session_id",
    "referral_id",
    "appointment_id",
    "concern",
    "concern_notes",
    "concern_raised_at",
)
TABLES = (
    "programmes_group",
    "programmes_referral",
    "programmes_groupsession",
    "supervision_appointment",
    "supervision_contact",
    "programmes_attendance",
)
GROUP_SIZE = 12
IN_A_GROUP = 0.8  # of people with a programme requirement; the rest wait
# Out of 100 sessions held.
OUTCOMES = (
    [Outcome.ATTENDED_COMPLIED] * 86
    + [Outcome.UNACCEPTABLE_ABSENCE] * 6
    + ["ACCEPTABLE"] * 6
    + [Outcome.ATTENDED_FAILED_TO_COMPLY] * 2
)
STARTS = [time(9, 30), time(9, 30), time(13, 30), time(18, 0)]
NOT_SUITABLE = ["Denies the offence", "Literacy needs: New Me Strengths instead", "Works shifts"]


class _Ids:
    """The next explicit id of each table, and the rows waiting to be loaded."""

    def __init__(self) -> None:
        self.next = {table: next_id(table) for table in TABLES}
        self.rows: dict[str, list[tuple]] = {table: [] for table in TABLES}

    def add(self, table: str, row_after_id: tuple) -> int:
        pk = self.next[table]
        self.next[table] += 1
        self.rows[table].append((pk, *row_after_id))
        return pk


def _facilitators_by_region() -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for pk, roles, region_id in Staff.objects.filter(is_active=True).values_list(
        "pk", "roles", "team__pdu__region_id"
    ):
        if Role.PROGRAMME_FACILITATOR in roles:
            found[region_id].append(pk)
    return found


def seed_programmes(*, rng: random.Random, now: datetime, progress: bool = True) -> dict[str, int]:
    """Referrals, groups, sessions and attendance for every programme requirement on an active
    event not yet referred. Returns the number of rows made per table."""
    programme = Programme.objects.filter(code="BC").first()
    if programme is None:  # the catalogue is a data migration, gone where a test flushed it
        return {}
    templates = list(programme.templates.order_by("number").values_list("pk", flat=True))
    offices = dict(Office.objects.values_list("pdu_id", "pk"))
    facilitators = _facilitators_by_region()
    waiting: dict[int, list[tuple]] = defaultdict(list)
    for row in (
        Requirement.objects.filter(category=PROGRAMME_CATEGORY, event__active=True)
        .exclude(event__case__in=Referral.objects.values("case_id"))
        .order_by("pk")
        .values_list(
            "pk",
            "event_id",
            "event__case_id",
            "event__case__practitioner_id",
            "event__case__team__pdu_id",
            "event__case__team__pdu__region_id",
            "start_date",
        )
    ):
        waiting[row[5]].append(row)
    ids = _Ids()
    today = timezone.localdate(now)
    for region_id, people in tqdm(waiting.items(), desc="Programmes", disable=not progress):
        rng.shuffle(people)
        staff = facilitators.get(region_id, [])
        placed = round(len(people) * IN_A_GROUP) if staff else 0
        for start in range(0, placed, GROUP_SIZE):
            members = people[start : min(start + GROUP_SIZE, placed)]
            office = offices.get(members[0][4])
            if office is None:
                continue
            _group(rng, ids, members, staff, office, programme, templates, now, today)
        for row in people[placed:]:
            _waiting(rng, ids, row, programme, staff, now)
    made = {}
    for table, columns in (
        ("programmes_group", GROUP_COLUMNS),
        ("programmes_referral", REFERRAL_COLUMNS),
        ("programmes_groupsession", SESSION_COLUMNS),
        ("supervision_appointment", APPOINTMENT_COLUMNS),
        ("supervision_contact", CONTACT_COLUMNS),
        ("programmes_attendance", ATTENDANCE_COLUMNS),
    ):
        made[table] = bulk_load(table, columns, ids.rows[table])
    reset_sequences(TABLES)
    return made


def _waiting(rng, ids: _Ids, row: tuple, programme, staff: list[int], now) -> None:
    requirement_id, event_id, case_id, practitioner_id = row[:4]
    referred_at = now - timedelta(days=rng.randrange(1, 60))
    roll = rng.random()
    suitability = Suitability.NOT_ASSESSED
    if staff and roll < 0.6:
        suitability = Suitability.SUITABLE if roll < 0.5 else Suitability.NOT_SUITABLE
    assessed = suitability != Suitability.NOT_ASSESSED
    ids.add(
        "programmes_referral",
        (
            case_id,
            programme.pk,
            event_id,
            requirement_id,
            None,
            "",
            practitioner_id,
            referred_at,
            suitability,
            rng.choice(NOT_SUITABLE) if suitability == Suitability.NOT_SUITABLE else "",
            rng.choice(staff) if assessed else None,
            referred_at + timedelta(days=7) if assessed else None,
            None,
            None,
            2 if assessed else 1,
        ),
    )


def _group(rng, ids: _Ids, members, staff, office, programme, templates, now, today) -> None:
    lead = rng.choice(staff)
    cover = rng.choice([s for s in staff if s != lead] or [None])
    weekday = rng.randrange(5)
    starts = rng.choice(STARTS)
    first = today + timedelta(days=rng.randrange(-300, 30))
    created = now - timedelta(days=max(7, (today - first).days + 14))
    group_id = ids.add(
        "programmes_group",
        (
            programme.pk,
            f"{first:%B %Y} {('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday')[weekday]}s",
            office,
            [weekday],
            f"{starts:%H:%M:%S}",  # as text: SQLite's driver has no adapter for a time
            first,
            starts >= time(17, 0),
            lead,
            cover,
            GROUP_SIZE,
            lead,
            created,
            1,
        ),
    )
    sessions = []
    for template_id, day in zip(
        templates, session_dates(first, [weekday], len(templates)), strict=True
    ):
        at = timezone.make_aware(datetime.combine(day, starts))
        held = at < now - timedelta(hours=3)
        pk = ids.add(
            "programmes_groupsession",
            (
                group_id,
                template_id,
                at,
                programme.group_session_minutes,
                "Session delivered as planned" if held else "",
                at + timedelta(hours=3) if held else None,
                lead if held else None,
                2 if held else 1,
            ),
        )
        sessions.append((pk, at, held))
    for requirement_id, event_id, case_id, practitioner_id, *_ in members:
        referral_id = ids.add(
            "programmes_referral",
            (
                case_id,
                programme.pk,
                event_id,
                requirement_id,
                None,
                "",
                practitioner_id,
                created - timedelta(days=21),
                Suitability.SUITABLE,
                "",
                lead,
                created - timedelta(days=14),
                group_id,
                created,
                3,
            ),
        )
        for session_id, at, held in sessions:
            _place(
                rng,
                ids,
                session_id,
                referral_id,
                case_id,
                event_id,
                requirement_id,
                lead,
                office,
                at,
                held,
                programme.group_session_minutes,
                created,
            )


def _place(
    rng,
    ids,
    session_id,
    referral_id,
    case_id,
    event_id,
    requirement_id,
    lead,
    office,
    at,
    held,
    minutes,
    created,
) -> None:
    outcome, notes, recorded = "", "", None
    if held:
        outcome = rng.choice(OUTCOMES)
        if outcome == "ACCEPTABLE":
            outcome, notes = rng.choice(ACCEPTABLE_ABSENCES), rng.choice(EVIDENCE)
        recorded = at + timedelta(hours=3)
    appointment_id = ids.add(
        "supervision_appointment",
        (
            case_id,
            event_id,
            requirement_id,
            lead,
            AppointmentType.GROUP,
            at,
            minutes,
            office,
            "",
            "",
            "",
            "",
            False,
            False,
            outcome,
            notes,
            recorded,
            lead if outcome else None,
            None,
            None,
            "",
            2 if outcome else 1,
            created,
            lead,
        ),
    )
    if outcome:
        ids.add(
            "supervision_contact",
            (
                case_id,
                ContactType.GROUP_SESSION,
                at,
                f"{LABELS[outcome]}. {notes}".strip(),
                False,
                True,
                appointment_id,
                requirement_id,
                lead,
                recorded,
            ),
        )
    concern = held and rng.random() < 0.005
    ids.add(
        "programmes_attendance",
        (
            session_id,
            referral_id,
            appointment_id,
            concern,
            "Disclosed drinking again; practitioner to follow up" if concern else "",
            recorded if concern else None,
        ),
    )
