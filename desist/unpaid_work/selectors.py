"""Reads for community payback, each in a fixed number of queries however many people are
placed. The hours worked come from desist.sentences.selectors.requirement_ledgers."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from desist.access.models import CaseAccess
from desist.access.selectors import access_denial
from desist.people.models import Case
from desist.sentences.models import Requirement
from desist.sentences.selectors import Ledger, requirement_ledgers
from desist.supervision.constants import RESCHEDULED, UPW_CATEGORY
from desist.unpaid_work.models import Placement, Project, WorkSession

# A place still going ahead: its appointment neither cancelled nor moved (as GOING_AHEAD).
PLACE_TAKEN = Q(placements__appointment__cancelled_at__isnull=True) & ~Q(
    placements__appointment__outcome__in=RESCHEDULED
)


def projects(*, pdu_id: int | None = None) -> QuerySet[Project]:
    found = Project.objects.select_related("supervisor", "pdu").order_by("-active", "name")
    return found.filter(pdu_id=pdu_id) if pdu_id else found


def with_places_taken(sessions: QuerySet[WorkSession]) -> QuerySet[WorkSession]:
    return sessions.annotate(taken=Count("placements", filter=PLACE_TAKEN))


def project_sessions(project: Project, *, today: date) -> dict:
    """The project's sessions to come, soonest first, and the latest twenty that have been."""
    sessions = with_places_taken(project.sessions.all())
    return {
        "upcoming": list(sessions.filter(date__gte=today).order_by("date", "start_time")),
        "past": list(sessions.filter(date__lt=today).order_by("-date", "-start_time")[:20]),
    }


def upw_requirements(case: Case) -> QuerySet[Requirement]:
    return Requirement.objects.filter(event__case=case, category=UPW_CATEGORY).select_related(
        "event"
    )


def requirement_to_work(case: Case, *, on: date) -> Requirement | None:
    """The unpaid work requirement a session on this day counts towards: the oldest still in
    force with hours left to work (hours are worked order by order)."""
    live = list(
        upw_requirements(case)
        .filter(event__active=True)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .order_by("start_date", "pk")
    )
    ledgers = requirement_ledgers(live) if live else {}
    return next((r for r in live if ledgers[r.pk].remaining), None)


@dataclass(frozen=True)
class Place:
    """A line of the session page: the placement, and whether this user may see the person."""

    placement: Placement
    denied: str | None
    ledger: Ledger | None


def session_for_page(pk: int, user) -> tuple[WorkSession, list[Place]]:
    """A session with everyone placed on it (going ahead or not), each with their requirement's
    hours ledger and this user's access to their case: three queries for any number."""
    session = get_object_or_404(
        WorkSession.objects.select_related("project__supervisor", "project__pdu"), pk=pk
    )
    access = CaseAccess.objects.filter(case=OuterRef("appointment__case"), staff_id=user.pk)
    placements = list(
        session.placements.select_related("appointment__case", "appointment__requirement__event")
        .annotate(access_kind=Subquery(access.values("kind")[:1]))
        .order_by("appointment__case__last_name", "appointment__case__first_name")
    )
    requirements = [p.appointment.requirement for p in placements if p.appointment.requirement]
    ledgers = requirement_ledgers(requirements) if requirements else {}
    places = []
    for placement in placements:
        case = placement.appointment.case
        case.access_kind = placement.access_kind
        places.append(
            Place(
                placement,
                access_denial(user, case),
                ledgers.get(placement.appointment.requirement_id),
            )
        )
    return session, places


def case_unpaid_work(case: Case) -> dict:
    """A person's unpaid work requirements with their ledgers, and their work sessions."""
    requirements = list(upw_requirements(case).order_by("start_date", "pk"))
    ledgers = requirement_ledgers(requirements) if requirements else {}
    placements = (
        Placement.objects.filter(appointment__case=case)
        .select_related("session__project", "appointment__requirement__event")
        .order_by("-session__date", "-session__start_time")
    )
    return {
        "requirements": [(r, ledgers.get(r.pk)) for r in requirements],
        "placements": list(placements),
    }
