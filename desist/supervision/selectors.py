"""Reads for appointments and case notes. Lists across cases start from visible_cases(user)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS, WEEKDAYS_ABBR

from desist.access.selectors import cases_visible_to, visible_cases
from desist.accounts.roles import Permission
from desist.core.compiled import compiled_once
from desist.people.models import Case
from desist.sentences.models import Requirement
from desist.supervision.constants import (
    COMPLIANCE_OF_OUTCOME,
    RAR_CATEGORY,
    RESCHEDULED,
    Compliance,
    ContactType,
    compliance_lookup,
)
from desist.supervision.models import Appointment, CalendarFeed, Contact

# Appointments still going ahead: neither cancelled nor moved to another time (mirrors the
# model's is_active).
GOING_AHEAD = Q(cancelled_at__isnull=True) & ~Q(outcome__in=RESCHEDULED)


UPCOMING = 3  # appointments the case overview lists


def case_appointment_summary(case: Case) -> dict:
    """The next few appointments and the last outcome, for the case overview, in one query:
    the last appointment with an outcome sorts first, then those to come."""
    now = timezone.now()
    rows = _last_and_next(case_id=case.pk, now=now)
    return {
        "upcoming": [a for a in rows if a.starts_at >= now][:UPCOMING],
        "last_outcome": rows[0] if rows and rows[0].is_last else None,
    }


@compiled_once
def _last_and_next(*, case_id: int, now: datetime) -> QuerySet[Appointment]:
    appointments = Appointment.objects.filter(GOING_AHEAD, case_id=case_id)
    last = Subquery(appointments.exclude(outcome="").order_by("-starts_at").values("pk")[:1])
    return (
        appointments.filter(Q(starts_at__gte=now) | Q(pk=last))
        .annotate(is_last=ExpressionWrapper(Q(pk=last), output_field=BooleanField()))
        .select_related("practitioner", "office")
        .only(
            "type",
            "starts_at",
            "sensitive",
            "address",
            "outcome",
            "cancelled_at",
            "office__name",
            "practitioner__first_name",
            "practitioner__last_name",
        )
        .order_by("-is_last", "starts_at")[: UPCOMING + 1]
    )


def case_appointments(case: Case) -> QuerySet[Appointment]:
    return (
        Appointment.objects.filter(case=case)
        .select_related("practitioner", "office", "rescheduled_to")
        .order_by("-starts_at")
    )


def case_appointment(case: Case, pk: int) -> Appointment | None:
    """One of the case's appointments, as the pages that change it show it: with whom, and
    with the case the services audit it against (no query of its own)."""
    found = _case_appointment(case_id=case.pk, pk=pk)
    if not found:
        return None
    found[0].case = case
    return found[0]


@compiled_once
def _case_appointment(*, case_id: int, pk: int) -> QuerySet[Appointment]:
    return Appointment.objects.filter(case_id=case_id, pk=pk).select_related("practitioner")


def case_requirements(case: Case) -> QuerySet[Requirement]:
    return Requirement.objects.filter(event__case=case).select_related("event")


def rar_requirements(case: Case) -> QuerySet[Requirement]:
    """The rehabilitation activity requirements an appointment of this case may count towards."""
    return case_requirements(case).filter(category=RAR_CATEGORY)


@dataclass(frozen=True)
class TimelineFilters:
    type: str = ""
    date_from: date | None = None
    date_to: date | None = None
    compliance: str = ""
    hide_system: bool = False
    search: str = ""


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def note_search(contacts: QuerySet[Contact], text: str) -> QuerySet[Contact]:
    """Full-text search of the notes: PostgreSQL's English text search (so "visited" finds
    "visit"); elsewhere, every word must appear somewhere in the note."""
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config="english", search_type="websearch")
        return contacts.annotate(document=SearchVector("notes", config="english")).filter(
            document=query
        )
    for word in text.split():
        contacts = contacts.filter(notes__icontains=word)
    return contacts


# What the timeline shows of each contact: read as plain rows, for a history can run to
# hundreds of contacts and a row costs far less than the four objects it would otherwise be.
TIMELINE_COLUMNS = (
    "type",
    "at",
    "notes",
    "sensitive",
    "system_generated",
    "created_by_id",
    "created_by__first_name",
    "created_by__last_name",
    "appointment_id",
    "appointment__outcome",
    "appointment__cancelled_at",
    "appointment__sensitive",
    "requirement__category",
)


def case_timeline(case: Case, filters: TimelineFilters) -> QuerySet:
    """The case's contacts, newest first, narrowed by the timeline's filters, as rows of
    TIMELINE_COLUMNS."""
    contacts = Contact.objects.filter(case=case)
    if filters.type:
        contacts = contacts.filter(type=filters.type)
    if filters.date_from:
        contacts = contacts.filter(at__gte=_day_start(filters.date_from))
    if filters.date_to:
        contacts = contacts.filter(at__lt=_day_start(filters.date_to + timedelta(days=1)))
    if filters.compliance:
        contacts = contacts.filter(
            compliance_lookup(Compliance(filters.compliance), prefix="appointment__")
        )
    if filters.hide_system:
        contacts = contacts.filter(system_generated=False)
    if filters.search:
        contacts = note_search(contacts, filters.search)
    return contacts.values(*TIMELINE_COLUMNS).order_by("-at", "-id")


CONTACT_TYPE_LABELS = dict(ContactType.choices)


@dataclass(frozen=True)
class OutcomeShown:
    """What a timeline entry shows of its appointment: enough for its outcome tag."""

    outcome: str
    cancelled_at: datetime | None
    sensitive: bool

    @property
    def compliance(self) -> Compliance | None:
        return COMPLIANCE_OF_OUTCOME.get(self.outcome)


@dataclass(frozen=True)
class TimelineEntry:
    """A contact as the timeline shows it, its words worked out once here rather than field by
    field in the template."""

    type: str
    sensitive: bool
    appointment: OutcomeShown | None  # whose outcome the entry shows
    when: str
    by: str
    requirement: str
    notes: str


def _recorded_by(row: dict) -> str:
    by = row["created_by_id"] is not None
    name = f"{row['created_by__first_name']} {row['created_by__last_name']}".strip() if by else ""
    if row["system_generated"]:
        return "Recorded by Desist" + (f" for {name}" if by else "")
    return name or "Unknown"


def _timeline_when(at: datetime) -> str:
    """As the date filter writes "l j F Y, H:i" (Monday 2 March 2026, 14:05), without parsing
    the format on every row."""
    local = timezone.localtime(at)
    return f"{WEEKDAYS[local.weekday()]} {local.day} {MONTHS[local.month]} {local:%Y, %H:%M}"


def timeline_entries(rows: Iterable[dict]) -> list[TimelineEntry]:
    """Entries from case_timeline's rows."""
    return [
        TimelineEntry(
            type=CONTACT_TYPE_LABELS.get(row["type"], row["type"]),
            sensitive=row["sensitive"],
            appointment=OutcomeShown(
                row["appointment__outcome"],
                row["appointment__cancelled_at"],
                row["appointment__sensitive"],
            )
            if row["appointment_id"]
            else None,
            when=_timeline_when(row["at"]),
            by=_recorded_by(row),
            requirement=row["requirement__category"] or "",
            notes=row["notes"],
        )
        for row in rows
    ]


def practitioner_appointments(user) -> QuerySet[Appointment]:
    """The practitioner's appointments with people whose cases they may see, with only what
    the diary, the worklist and the calendar feed show of each."""
    return _appointments_shown(user.pk, visible_cases(user))


@compiled_once
def _going_ahead(*, staff_id: int, start: datetime, end: datetime) -> QuerySet[Appointment]:
    """The diary's query (and the home page's), compiled once: the practitioner may see cases."""
    return (
        _appointments_shown(staff_id, cases_visible_to(staff_id))
        .filter(GOING_AHEAD, starts_at__gte=start, starts_at__lt=end)
        .order_by("starts_at")
    )


def _appointments_shown(staff_id: int, cases: QuerySet[Case]) -> QuerySet[Appointment]:
    return (
        Appointment.objects.filter(practitioner_id=staff_id, case__in=cases)
        .select_related("case", "office")
        .only(
            "type",
            "starts_at",
            "duration_minutes",
            "address",
            "sensitive",
            "outcome",
            "cancelled_at",
            "office__name",
            "case__crn",
            "case__first_name",
            "case__last_name",
        )
    )


@dataclass(frozen=True)
class MissingOutcome:
    """A past appointment waiting for its outcome, as the worklist lists it."""

    pk: int
    when: str  # Mon 2 Mar 2026, 14:05
    day_and_time: str  # 2 Mar 2026, 14:05
    person: str
    crn: str
    type: str
    sensitive: bool


def missing_outcome_entries(appointments: Iterable[Appointment]) -> list[MissingOutcome]:
    entries = []
    for appointment in appointments:
        local = timezone.localtime(appointment.starts_at)
        day_and_time = f"{local.day} {MONTHS_3[local.month].title()} {local:%Y, %H:%M}"
        entries.append(
            MissingOutcome(
                pk=appointment.pk,
                when=f"{WEEKDAYS_ABBR[local.weekday()]} {day_and_time}",
                day_and_time=day_and_time,
                person=appointment.case.listed_name,
                crn=appointment.case.crn,
                type=appointment.get_type_display(),
                sensitive=appointment.sensitive,
            )
        )
    return entries


def missing_outcomes(user) -> QuerySet[Appointment]:
    """The practitioner's past appointments still waiting for an outcome, oldest first."""
    return (
        practitioner_appointments(user)
        .filter(outcome="", cancelled_at__isnull=True, starts_at__lt=timezone.now())
        .order_by("starts_at")
    )


@dataclass(frozen=True)
class DiaryEntry:
    """An appointment as the diary lists it, its words worked out once here rather than field
    by field in the template."""

    appointment: Appointment  # whose outcome the entry shows
    times: str
    person: str
    crn: str
    type: str
    place: str


def _diary_entry(appointment: Appointment) -> DiaryEntry:
    start, end = timezone.localtime(appointment.starts_at), timezone.localtime(appointment.ends_at)
    return DiaryEntry(
        appointment=appointment,
        times=f"{start:%H:%M} to {end:%H:%M}",
        person=appointment.case.listed_name,
        crn=appointment.case.crn,
        type=appointment.get_type_display(),
        place=appointment.location,
    )


def diary(user, first_day: date, days: int) -> dict[date, list[Appointment]]:
    """The practitioner's appointments going ahead, day by day, in one query."""
    by_day: dict[date, list[Appointment]] = {first_day + timedelta(days=n): [] for n in range(days)}
    if not user.may(Permission.VIEW_CASE):
        return by_day
    appointments = _going_ahead(
        staff_id=user.pk,
        start=_day_start(first_day),
        end=_day_start(first_day + timedelta(days=days)),
    )
    for appointment in appointments:
        by_day[timezone.localdate(appointment.starts_at)].append(appointment)
    return by_day


def diary_entries(user, first_day: date, days: int) -> dict[date, list[DiaryEntry]]:
    """The diary page's days, each appointment as the page lists it."""
    return {
        day: [_diary_entry(appointment) for appointment in appointments]
        for day, appointments in diary(user, first_day, days).items()
    }


def calendar_feed_staff(token_hash: str):
    """The member of staff a feed secret belongs to, while they may still hold a caseload."""
    feed = (
        CalendarFeed.objects.filter(token_hash=token_hash, staff__is_active=True)
        .select_related("staff")
        .first()
    )
    if feed is None or not feed.staff.may(Permission.HOLD_CASELOAD):
        return None
    return feed.staff


def calendar_feed_appointments(staff, *, now: datetime) -> QuerySet[Appointment]:
    """What a calendar feed shows: a month back and three months ahead."""
    return (
        practitioner_appointments(staff)
        .filter(
            GOING_AHEAD,
            starts_at__gte=now - timedelta(days=31),
            starts_at__lt=now + timedelta(days=92),
        )
        .order_by("starts_at")
    )
