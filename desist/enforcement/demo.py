"""Enforcement in the demo: the seeded year of appointments has its failures answered as a
careful practitioner would have (so only recent ones are due), then the demo probation
officer gets a warning due, a breach due and a licence recall awaiting the demo SPO."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from desist.enforcement import selectors, services
from desist.enforcement.constants import EnforcementCode
from desist.enforcement.models import EnforcementAction
from desist.people.models import Case
from desist.rules.enforcement import (
    DueKind,
    EnforcementHistory,
    OrderType,
    enforcement_due,
)
from desist.rules.enforcement import EnforcementAction as RecordedAction
from desist.rules.working_days import add_working_days
from desist.sentences.models import Event
from desist.supervision.constants import Outcome
from desist.supervision.models import Appointment

ANSWERED_AFTER_DAYS = 21  # failures older than this were dealt with at the time


def _answer(kind: DueKind, order: OrderType) -> str:
    if kind is DueKind.WARNING:
        if order is OrderType.LICENCE:
            return EnforcementCode.LICENCE_COMPLIANCE_LETTER
        return EnforcementCode.FIRST_WARNING
    if kind is DueKind.BREACH:
        return EnforcementCode.BREACH_OR_RECALL_INITIATED
    return EnforcementCode.DECISION_NOT_TO_RECALL


def answer_history(today) -> int:
    """Record, three working days after each, the action the rules asked for on every failure
    older than three weeks. Returns the number of actions recorded."""
    cutoff = today - timedelta(days=ANSWERED_AFTER_DAYS)
    failures = selectors.failures_by_event(Appointment.objects.all())
    made = []
    for event in Event.objects.filter(pk__in=failures).select_related("case"):
        order = selectors.order_type(event)
        if order is None:
            continue
        actions: list[RecordedAction] = []
        while True:
            history = EnforcementHistory(order, tuple(failures[event.pk]), tuple(actions))
            old = [d for d in enforcement_due(history, today).due if d.failure.on <= cutoff]
            if not old:
                break
            code = _answer(old[0].kind, order)
            on = add_working_days(old[0].failure.on, 3)
            actions.append(RecordedAction(on, services.action_kind(code, on, order), code))
        made += [
            EnforcementAction(
                case=event.case,
                event=event,
                code=a.code,
                kind=a.kind.value,
                on=a.on,
                notes="Recorded at the time.",
            )
            for a in actions
        ]
    EnforcementAction.objects.bulk_create(made)
    return len(made)


def _absence(case, practitioner, day) -> None:
    starts_at = timezone.make_aware(datetime.combine(day, time(8, 30)))
    Appointment.objects.create(
        case=case,
        practitioner=practitioner,
        type="OFFICE",
        starts_at=starts_at,
        outcome=Outcome.UNACCEPTABLE_ABSENCE,
        outcome_notes="Did not attend; no contact since",
        outcome_recorded_at=starts_at + timedelta(hours=2),
        outcome_recorded_by=practitioner,
    )


def seed_enforcement_demo(*, po) -> None:
    today = timezone.localdate()
    answer_history(today)
    orders = list(
        Event.objects.filter(case__practitioner=po, active=True, sentence_type="CO")
        .select_related("case")
        .order_by("case_id")
    )
    due = {d.event.pk for d in selectors.due_on_cases(Case.objects.filter(practitioner=po), today)}
    warned = set(
        EnforcementAction.objects.filter(
            event__in=orders, on__gte=today - timedelta(days=366)
        ).values_list("event_id", flat=True)
    )
    # One order with no warning this year gets an absence (a warning falls due); another
    # gets a warning a month ago and an absence since (breach falls due).
    clean = [e for e in orders if e.pk not in due and e.pk not in warned]
    if len(clean) >= 2:
        first, second = clean[:2]
        _absence(first.case, po, add_working_days(today, -4))
        _absence(second.case, po, today - timedelta(days=33))
        services.enforcement_action_record(
            event=second,
            code="EA02",
            on=today - timedelta(days=30),
            by=po,
            notes="First warning letter given in person.",
        )
        _absence(second.case, po, add_working_days(today, -2))
    licence = (
        Event.objects.filter(case__practitioner=po, active=True, sentence_type="SDS")
        .exclude(licence_conditions=None)
        .select_related("case")
        .first()
    )
    if licence is not None:
        suggestion = selectors.recall_suggestion(
            licence,
            facts=selectors.risk_facts(licence.case),
            charged_with_new_offence=False,
            on=today,
        )
        services.recall_recommend(
            event=licence,
            reasons="Has not reported for two weeks and left the approved address; "
            "whereabouts unknown.",
            alternatives="Licence compliance letter given; reporting increased to twice weekly; "
            "police asked to check the address.",
            conditions=list(licence.licence_conditions.all()[:2]),
            charged_with_new_offence=False,
            recall_type=suggestion.recall_type.value,
            by=po,
        )
