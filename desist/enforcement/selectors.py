"""Reads for compliance and enforcement: what each event's failures and recorded actions make
due, worked out by desist.rules.enforcement in Python from one query for the failures and one
for the actions, whether for one event or for a whole caseload."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncDate

from desist.core.compiled import compiled_once
from desist.enforcement.constants import FAILED, ORDER_TYPE_OF_SENTENCE, RecallStatus
from desist.enforcement.models import EnforcementAction, Recall
from desist.people.models import Case
from desist.risk.constants import MappaCategory, RegistrationType
from desist.risk.models import ACTIVE, Registration
from desist.rules.enforcement import (
    ActionKind,
    DueAction,
    DueKind,
    EnforcementAssessment,
    EnforcementHistory,
    Failure,
    FinalThird,
    OrderType,
    RecallCase,
    RecallSuggestion,
    Rosh,
    SupervisionPeriod,
    enforcement_due,
    failure_from_outcome,
    final_third,
    recall_type_suggested,
)
from desist.rules.enforcement import EnforcementAction as RecordedAction
from desist.sentences.constants import OffenceCategory, SentenceType
from desist.sentences.models import Event
from desist.sentences.selectors import main_offence
from desist.sentences.services import order_period
from desist.supervision.models import Appointment

# What a due action asks the practitioner to do, in their words (the deadline's kind).
TO_DO = {
    DueKind.WARNING: "Issue a warning",
    DueKind.BREACH: "Start breach action",
    DueKind.RECALL_CONSIDERATION: "Consider recall",
}


def order_type(event: Event) -> OrderType | None:
    return ORDER_TYPE_OF_SENTENCE.get(event.sentence_type)


def _failed_appointments(appointments: QuerySet[Appointment]) -> QuerySet:
    """Failed appointments with the event each counts for: its own, or else the newest active
    event of the case sentenced by that day (most appointments name no event)."""
    newest = (
        Event.objects.filter(case=OuterRef("case"), active=True, sentence_date__lte=OuterRef("day"))
        .order_by("-sentence_date", "-number")
        .values("pk")[:1]
    )
    return (
        appointments.filter(FAILED, cancelled_at__isnull=True)
        .annotate(day=TruncDate("starts_at"))
        .annotate(counts_for=Coalesce("event", Subquery(newest)))
    )


def _failure(pk: int, outcome: str, day: date) -> Failure:
    return failure_from_outcome(outcome, day, ref=str(pk))


def _recorded(action: EnforcementAction) -> RecordedAction:
    return RecordedAction(action.on, ActionKind(action.kind), action.code, action.withdraws)


@dataclass(frozen=True)
class EventEnforcement:
    """An event's compliance and enforcement as its page shows them."""

    order_type: OrderType
    assessment: EnforcementAssessment
    failures: list[tuple[Failure, str]]  # each failure with the outcome's label
    actions: list[EnforcementAction]

    @property
    def warning_due(self) -> DueAction | None:
        return next((d for d in self.assessment.due if d.kind is DueKind.WARNING), None)

    @property
    def breach_due(self) -> DueAction | None:
        return next((d for d in self.assessment.due if d.kind is DueKind.BREACH), None)


def event_enforcement(event: Event, today: date) -> EventEnforcement | None:
    """Two queries: the event's failed appointments, and its recorded actions. None for an
    event with nothing to enforce (not yet sentenced)."""
    kind = order_type(event)
    if kind is None:
        return None
    failed = (
        _failed_appointments(Appointment.objects.filter(case_id=event.case_id))
        .filter(counts_for=event.pk)
        .order_by("starts_at")
    )
    failures = [(_failure(a.pk, a.outcome, a.day), a) for a in failed]
    actions = list(event.enforcement_actions.select_related("recorded_by", "document"))
    history = EnforcementHistory(
        kind, tuple(f for f, _ in failures), tuple(_recorded(a) for a in actions)
    )
    return EventEnforcement(
        kind,
        enforcement_due(history, today),
        [(f, a.get_outcome_display()) for f, a in failures],
        actions,
    )


@dataclass(frozen=True)
class DueOnEvent:
    """One action due on one event, for a worklist or the deadline engine."""

    event: Event
    due: DueAction

    @property
    def to_do(self) -> str:
        return TO_DO[self.due.kind]


def failures_by_event(appointments: QuerySet[Appointment]) -> dict[int, list[Failure]]:
    """The failures among these appointments, by the event each counts for: one query."""
    return _by_event(_failures(appointments))


def case_failures_by_event(case: Case) -> dict[int, list[Failure]]:
    """failures_by_event for one case's appointments, by a query compiled once."""
    return _by_event(_case_failures(case_id=case.pk))


def _failures(appointments: QuerySet[Appointment]) -> QuerySet:
    return _failed_appointments(appointments).values_list("counts_for", "pk", "outcome", "day")


@compiled_once
def _case_failures(*, case_id: int) -> QuerySet:
    return _failures(Appointment.objects.filter(case_id=case_id))


def _by_event(failed: Iterable) -> dict[int, list[Failure]]:
    failures: dict[int, list[Failure]] = defaultdict(list)
    for event_id, pk, outcome, day in failed:
        if event_id is not None:
            failures[event_id].append(_failure(pk, outcome, day))
    return failures


def due_on_cases(cases: QuerySet[Case], today: date) -> list[DueOnEvent]:
    """Every enforcement action due on these cases' active events, soonest first, in three
    queries however many cases: failed appointments, their events, and the events' actions."""
    failures = failures_by_event(Appointment.objects.filter(case__in=cases))
    if not failures:
        return []
    # Only what lists and the rules read: a team's events would otherwise build every column.
    events = (
        Event.objects.filter(pk__in=failures, active=True)
        .select_related("case")
        .only(
            "case_id",
            "number",
            "sentence_type",
            "active",
            "case__crn",
            "case__first_name",
            "case__last_name",
            "case__practitioner_id",
        )
    )
    return due_on_events(list(events), failures, today)


def due_on_events(
    events: list[Event], failures: dict[int, list[Failure]], today: date
) -> list[DueOnEvent]:
    """What these active events' failures (failures_by_event) make due, soonest first: one
    query, for the events' recorded actions. For a caller that has the events already."""
    events = [event for event in events if event.pk in failures]
    if not events:
        return []
    actions: dict[int, list[RecordedAction]] = defaultdict(list)
    for action in EnforcementAction.objects.filter(event_id__in=[e.pk for e in events]):
        actions[action.event_id].append(_recorded(action))
    found = []
    for event in events:
        kind = order_type(event)
        if kind is None:
            continue
        history = EnforcementHistory(kind, tuple(failures[event.pk]), tuple(actions[event.pk]))
        found += [DueOnEvent(event, d) for d in enforcement_due(history, today).due]
    return sorted(found, key=lambda d: (d.due.due, d.event.case.crn, d.event.number))


# --- Exemptions and recall facts from the risk registrations ------------------------------------

_ROSH_OF_REGISTRATION = {
    RegistrationType.ROSH_VERY_HIGH: Rosh.VERY_HIGH,
    RegistrationType.ROSH_HIGH: Rosh.HIGH,
    RegistrationType.ROSH_MEDIUM: Rosh.MEDIUM,
    RegistrationType.ROSH_LOW: Rosh.LOW,
}


@dataclass(frozen=True)
class RiskFacts:
    """What the reset exemptions and the recall type turn on, from active registrations."""

    mappa_level: int | None = None
    mappa_category: int | None = None
    rosh: Rosh = Rosh.LOW
    # VERIFY: a terrorism registration or MAPPA category 4 read as a National Security
    # Division case; Desist records no NSD flag of its own.
    national_security: bool = False
    active_child_protection: bool = False


def risk_facts(case: Case) -> RiskFacts:
    """One query over the case's active registrations."""
    facts: dict = {}
    for kind, level, category in _active_registrations(case_id=case.pk):
        if kind == RegistrationType.MAPPA:
            # A MAPPA registration without its level is managed at level 1 until set.
            facts["mappa_level"] = int(level[1]) if level else 1
            facts["mappa_category"] = int(category[1]) if category else None
            if category == MappaCategory.M4:
                facts["national_security"] = True
        elif kind in _ROSH_OF_REGISTRATION:
            facts["rosh"] = _ROSH_OF_REGISTRATION[kind]
        elif kind == RegistrationType.TERRORISM:
            facts["national_security"] = True
        elif kind == RegistrationType.CHILD_PROTECTION:
            facts["active_child_protection"] = True
    return RiskFacts(**facts)


@compiled_once
def _active_registrations(*, case_id: int) -> QuerySet:
    """Every case page's enforcement section reads these: compiled once."""
    return Registration.objects.filter(ACTIVE, case_id=case_id).values_list(
        "type", "mappa_level", "mappa_category"
    )


def supervision_period(event: Event, *, release_dates, has_rar: bool, facts: RiskFacts):
    """The licence or order the Probation Reset counts over, or None if its dates are not
    known yet. A licence runs from the release date to licence expiry."""
    kind = order_type(event)
    if kind is None or not event.sentence_date:
        return None
    if kind is OrderType.LICENCE:
        if release_dates is None or (release_dates.sled or release_dates.led) is None:
            return None
        start, end = release_dates.release_date, release_dates.sled or release_dates.led
    elif event.sentence_type == SentenceType.SUSPENDED:
        start, end = order_period(event)
    else:
        if not event.expected_end:
            return None
        start, end = event.sentence_date, event.expected_end
    return SupervisionPeriod(
        kind,
        start,
        end,
        has_rar=has_rar,
        mappa_level=facts.mappa_level,
        mappa_category=facts.mappa_category,
        rosh=facts.rosh,
        national_security=facts.national_security,
        active_child_protection=facts.active_child_protection,
    )


def event_final_third(
    event: Event, *, release_dates, has_rar: bool, facts: RiskFacts
) -> FinalThird | None:
    period = supervision_period(event, release_dates=release_dates, has_rar=has_rar, facts=facts)
    return final_third(period) if period else None


def recall_suggestion(
    event: Event, *, facts: RiskFacts, charged_with_new_offence: bool, on: date
) -> RecallSuggestion:
    """The recall type the law points to for this licence, from the sentence and registrations
    (the SPO and PPCS decide)."""
    return recall_type_suggested(
        RecallCase(
            recall_date=on,
            sentence_length=event.term,
            sentence_date=event.sentence_date,
            mappa_level=facts.mappa_level,
            mappa_category=facts.mappa_category,
            charged_with_new_offence=charged_with_new_offence,
            terrorist_or_state_threat_offence=(
                main_offence(event).category == OffenceCategory.TERRORISM
            ),
        )
    )


def recalls_awaiting(team_ids: Iterable[int]) -> QuerySet[Recall]:
    """Recall recommendations waiting for an SPO of these teams, oldest first."""
    return (
        Recall.objects.filter(status=RecallStatus.AWAITING, case__team_id__in=list(team_ids))
        .select_related("case", "event", "requested_by")
        .order_by("requested_at")
    )
