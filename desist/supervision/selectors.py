"""Reads for appointments and case notes. Lists across cases start from visible_cases(user)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from desist.access.selectors import visible_cases
from desist.accounts.roles import Permission
from desist.people.models import Case
from desist.sentences.models import Requirement
from desist.supervision.constants import RAR_CATEGORY, RESCHEDULED, Compliance, compliance_lookup
from desist.supervision.models import Appointment, CalendarFeed, Contact

# Appointments still going ahead: neither cancelled nor moved to another time (mirrors the
# model's is_active).
GOING_AHEAD = Q(cancelled_at__isnull=True) & ~Q(outcome__in=RESCHEDULED)


def case_appointment_summary(case: Case, *, upcoming: int = 3) -> dict:
    """The next few appointments and the last outcome, for the case overview: two queries."""
    appointments = Appointment.objects.filter(GOING_AHEAD, case=case)
    return {
        "upcoming": list(
            appointments.filter(starts_at__gte=timezone.now())
            .select_related("practitioner", "office")
            .order_by("starts_at")[:upcoming]
        ),
        "last_outcome": appointments.exclude(outcome="").order_by("-starts_at").first(),
    }


def case_appointments(case: Case) -> QuerySet[Appointment]:
    return (
        Appointment.objects.filter(case=case)
        .select_related("practitioner", "office", "rescheduled_to")
        .order_by("-starts_at")
    )


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


def case_timeline(case: Case, filters: TimelineFilters) -> QuerySet[Contact]:
    """The case's contacts, newest first, narrowed by the timeline's filters."""
    contacts = Contact.objects.filter(case=case).select_related(
        "created_by", "appointment", "requirement"
    )
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
    return contacts.order_by("-at", "-id")


def practitioner_appointments(user) -> QuerySet[Appointment]:
    """The practitioner's appointments with people whose cases they may see."""
    return Appointment.objects.filter(
        practitioner=user, case__in=visible_cases(user)
    ).select_related("case", "office")


def missing_outcomes(user) -> QuerySet[Appointment]:
    """The practitioner's past appointments still waiting for an outcome, oldest first."""
    return (
        practitioner_appointments(user)
        .filter(outcome="", cancelled_at__isnull=True, starts_at__lt=timezone.now())
        .order_by("starts_at")
    )


def diary(user, first_day: date, days: int) -> dict[date, list[Appointment]]:
    """The practitioner's appointments going ahead, day by day, in one query."""
    by_day: dict[date, list[Appointment]] = {first_day + timedelta(days=n): [] for n in range(days)}
    appointments = (
        practitioner_appointments(user)
        .filter(
            GOING_AHEAD,
            starts_at__gte=_day_start(first_day),
            starts_at__lt=_day_start(first_day + timedelta(days=days)),
        )
        .order_by("starts_at")
    )
    for appointment in appointments:
        by_day[timezone.localdate(appointment.starts_at)].append(appointment)
    return by_day


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
