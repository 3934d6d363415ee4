"""Reads for pre-release work: who is due out, and what is still to do before they go.

Release dates are computed, never stored (desist.sentences.selectors.event_release_dates), so
the database narrows the events by dates it does hold and Python works out each release date;
everything an event needs comes in the same fixed number of queries, however many are listed.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from desist.access.selectors import visible_cases
from desist.people.constants import AddressStatus
from desist.people.models import Address
from desist.prerelease.models import ResettlementPlan
from desist.rules import pre_release
from desist.rules.release_dates import ReleaseDates
from desist.sentences.constants import SentenceType
from desist.sentences.models import Event
from desist.sentences.selectors import event_release_dates, main_offences
from desist.supervision.models import Appointment

DEFAULT_WEEKS = 12  # the resettlement plan opens 12 weeks before release (rules.md section 7)


@dataclass(frozen=True)
class Release:
    """One custodial event with its release date and the pre-release work on it."""

    event: Event
    dates: ReleaseDates
    plan: ResettlementPlan | None
    needs: dict  # pathway -> PathwayNeed
    summary: pre_release.NeedsSummary
    tasks: list[pre_release.TaskDue]

    @property
    def case(self):
        return self.event.case

    @property
    def release_date(self) -> date:
        return self.dates.release_date

    @property
    def next_task(self) -> pre_release.TaskDue | None:
        return next((t for t in self.tasks if not t.done), None)

    @property
    def main_address(self) -> Address | None:
        found = getattr(self.event.case, "main_address_list", None)
        return found[0] if found else None


def custodial_events(*, today: date) -> QuerySet[Event]:
    """Current custodial sentences whose licence (or supervision) has not ended, with what
    working out their release and progress needs: the case and its practitioner, the main
    offence, the plan and its needs, and the case's latest appointment not cancelled."""
    latest_appointment = (
        Appointment.objects.filter(case=OuterRef("case"), cancelled_at__isnull=True)
        .order_by("-starts_at")
        .values("starts_at")[:1]
    )
    return (
        Event.objects.filter(
            active=True,
            sentence_type__in=SentenceType.custodial(),
            sentence_date__isnull=False,
            length__isnull=False,
        )
        .filter(Q(expected_end__gte=today) | Q(expected_end__isnull=True))
        .select_related("case__practitioner", "resettlement_plan__prison")
        .prefetch_related(main_offences(), "resettlement_plan__needs")
        .annotate(latest_appointment=Subquery(latest_appointment))
    )


def _release(event: Event, today: date) -> Release | None:
    if not event.main_offence_list:
        return None  # no offence recorded yet: nothing to work a release date out from
    dates = event_release_dates(event, date_of_birth=event.case.date_of_birth, as_at=today)
    if dates is None:
        return None
    plan = getattr(event, "resettlement_plan", None)
    needs = {n.pathway: n for n in plan.needs.all()} if plan else {}
    summary = pre_release.needs_summary({p: n.status for p, n in needs.items()})
    latest = event.latest_appointment
    progress = pre_release.Progress(
        needs_assessed=summary.complete,
        licence_proposed=bool(plan and plan.licence_proposed_on),
        address_confirmed=bool(plan and plan.address_ready),
        first_appointment_booked=bool(latest and timezone.localdate(latest) >= dates.release_date),
    )
    tasks = pre_release.tasks(
        sentence_date=event.sentence_date, release_date=dates.release_date, progress=progress
    )
    return Release(event, dates, plan, needs, summary, tasks)


def releases(events: QuerySet[Event], today: date, *, until: date | None = None) -> list[Release]:
    """The events whose release is today or later (up to ``until``), soonest first."""
    found = (_release(event, today) for event in events)
    return sorted(
        (
            r
            for r in found
            if r is not None
            and r.release_date >= today
            and (until is None or r.release_date <= until)
        ),
        key=lambda r: (r.release_date, r.case.last_name, r.case.crn),
    )


def worklist(user, today: date, *, weeks: int = DEFAULT_WEEKS) -> list[Release]:
    """People in custody in the user's region due out within ``weeks``: the prisons a
    pre-release team works in hold people from across the region. A release is never before
    the sentence date, so later sentences are left in the database."""
    if user.team_id is None:
        return []
    until = today + timedelta(weeks=weeks)
    cases = visible_cases(user).filter(team__pdu__region_id=user.team.pdu.region_id)
    events = (
        custodial_events(today=today)
        .filter(case__in=cases, sentence_date__lte=until)
        .prefetch_related(
            Prefetch(
                "case__addresses",
                queryset=Address.objects.filter(status=AddressStatus.MAIN),
                to_attr="main_address_list",
            )
        )
    )
    return releases(events, today, until=until)


def event_release(event: Event, today: date) -> Release | None:
    """One event's release and pre-release work, for its page (None: not custodial)."""
    found = custodial_events(today=today).filter(pk=event.pk).first()
    if found is None:
        return None
    found.case = event.case  # already opened, with its access checked
    return _release(found, today)
