"""The write path for events and sentences. The law's limits come from desist.rules; a change
that breaks one is refused with RuleBroken, whose problems a form can show. Every write is
audited in the same transaction."""

from datetime import date

from django.db import transaction
from django.db.models import F, Max

from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.people.models import Case
from desist.people.services import StaleEdit
from desist.risk.changes import significant_change_record
from desist.risk.tiers import case_risk_refresh
from desist.rules import licence_conditions, requirements
from desist.rules.release_dates import Term, term_end
from desist.sentences.constants import AppearanceOutcome, SentenceType
from desist.sentences.models import (
    CourtAppearance,
    Event,
    LicenceCondition,
    Offence,
    Requirement,
    term_of,
)
from desist.sentences.selectors import age_on, event_release_dates, main_offence

EVENT_FIELDS = (
    "number",
    "conviction_date",
    "sentence_type",
    "sentence_date",
    "length",
    "length_unit",
    "operational_months",
    "supervision_months",
    "remand_days",
    "tagged_bail_days",
    "expected_end",
)
OFFENCE_FIELDS = ("code", "description", "category", "offence_date")


class RuleBroken(Exception):
    """The change breaks a limit set by law: ``problems`` say which, field by field."""

    def __init__(self, problems: list[requirements.Problem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def event_next_number(case: Case) -> int:
    """Events are numbered 1, 2, 3… within a case, as the national case system numbers them."""
    return (case.events.aggregate(last=Max("number"))["last"] or 0) + 1


def expected_end(event: Event, date_of_birth: date) -> date | None:
    """When the sentence is due to end: the order's last day, the SSO's operational period, or
    for custody the licence or post-sentence supervision end under today's law."""
    if not event.sentence_date or event.term is None:
        return None
    if event.sentence_type == SentenceType.COMMUNITY_ORDER:
        return term_end(event.sentence_date, event.term)
    if event.sentence_type == SentenceType.SUSPENDED:
        return term_end(event.sentence_date, Term(months=event.operational_months))
    dates = event_release_dates(event, date_of_birth=date_of_birth)
    return dates.tused or dates.led or dates.sed


def _audit_create(*, by, case, record, fields, request) -> None:
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject=record._meta.model_name,
        subject_id=record.pk,
        changes=field_changes({}, snapshot(record, fields)),
        request=request,
    )


@transaction.atomic
def event_create(*, case: Case, by, court, offence: dict, request=None, **sentence) -> Event:
    """Record a conviction with its main offence, the sentencing appearance and the sentence.
    Licence events get the standard licence conditions."""
    kind = sentence.get("sentence_type")
    if kind in SentenceType.orders():
        problems = requirements.order_problems(
            kind=kind,
            conviction_date=sentence["conviction_date"],
            sentence_date=sentence["sentence_date"],
            length=term_of(sentence["length"], sentence["length_unit"]),
            operational_months=sentence.get("operational_months"),
            supervision_months=sentence.get("supervision_months"),
        )
        if problems:
            raise RuleBroken(problems)
    # Lock the case so two people adding events at once cannot take the same number.
    Case.objects.select_for_update().filter(pk=case.pk).first()
    event = Event(case=case, number=event_next_number(case), **sentence)
    event.save()
    main = Offence.objects.create(event=event, main=True, **offence)
    event.main_offence_list = [main]
    event.expected_end = expected_end(event, case.date_of_birth)
    event.save(update_fields=["expected_end"])
    appearance = CourtAppearance.objects.create(
        event=event, court=court, date=event.sentence_date, outcome=AppearanceOutcome.SENTENCED
    )
    for record, fields in (
        (event, EVENT_FIELDS),
        (main, OFFENCE_FIELDS),
        (appearance, ("court", "date", "outcome")),
    ):
        _audit_create(by=by, case=case, record=record, fields=fields, request=request)
    if event.is_custodial:
        standard_conditions_add(event=event, by=by, request=request)
    case_risk_refresh(case=case, trigger="event")  # a current sentence is a tier input
    significant_change_record(  # a new charge: risk makes a RoSH review due
        case=case,
        kind="NEW_CHARGE",
        happened_on=event.conviction_date or event.sentence_date or date.today(),
        detail=f"Event {event.number}: {main.description}",
        by=by,
        request=request,
    )
    return event


def standard_conditions_add(*, event: Event, by, request=None) -> None:
    """Every licence carries the standard conditions (v4 policy: nine)."""
    LicenceCondition.objects.bulk_create(
        LicenceCondition(event=event, standard=True, code=code, text=text)
        for code, text in licence_conditions.STANDARD_CONDITIONS
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=event.case,
        subject="licencecondition",
        subject_id=event.pk,
        changes={"standard": [None, [c for c, _ in licence_conditions.STANDARD_CONDITIONS]]},
        detail={"event": event.number},
        request=request,
    )


REQUIREMENT_FIELDS = (
    "category",
    "length",
    "start_date",
    "end_date",
    "hours_per_day",
    "days_per_week",
    "on_breach",
    "details",
)


def order_period(event: Event) -> tuple[date, date]:
    """The period requirements must fit in: the order, or an SSO's supervision period."""
    if event.sentence_type == SentenceType.SUSPENDED:
        return event.sentence_date, term_end(
            event.sentence_date, Term(months=event.supervision_months or 0)
        )
    return event.sentence_date, term_end(event.sentence_date, event.term)


def requirement_problems_on(
    event: Event, proposed: requirements.ProposedRequirement, *, offence_date: date
) -> list[requirements.Problem]:
    """What the law says against this requirement on this order. The event need not be saved:
    a pre-sentence report's proposal is checked as the order the court would pass."""
    return requirements.requirement_problems(
        proposed,
        order=requirements.Order(
            *order_period(event),
            conviction_date=event.conviction_date,
            offence_date=offence_date,
            age_at_conviction=age_on(event.case.date_of_birth, event.conviction_date),
        ),
    )


@transaction.atomic
def requirement_add(
    *,
    event: Event,
    by,
    category: str,
    length: int,
    start_date: date | None = None,
    hours_per_day: int | None = None,
    days_per_week: int | None = None,
    on_breach: bool = False,
    details: str = "",
    request=None,
) -> Requirement:
    """Add a requirement to a community or suspended sentence order, within the law's limits."""
    if not event.is_order:
        raise ValueError("Only community and suspended sentence orders have requirements")
    problems = requirement_problems_on(
        event,
        requirements.ProposedRequirement(category, length, hours_per_day, days_per_week, on_breach),
        offence_date=main_offence(event).offence_date,
    )
    if problems:
        raise RuleBroken(problems)
    start = start_date or event.sentence_date
    unit = requirements.CATEGORIES[category].unit
    requirement = Requirement.objects.create(
        event=event,
        category=category,
        length=length,
        start_date=start,
        end_date=term_end(start, Term(months=length)) if unit == "months" else None,
        hours_per_day=hours_per_day,
        days_per_week=days_per_week,
        on_breach=on_breach,
        details=details,
    )
    _audit_create(
        by=by, case=event.case, record=requirement, fields=REQUIREMENT_FIELDS, request=request
    )
    case_risk_refresh(case=event.case, trigger="requirement")
    return requirement


CONDITION_FIELDS = (
    "code",
    "text",
    "address",
    "times",
    "named_person",
    "exclusion_zone",
    "victim_related",
)
# On a victim-related condition these are the victim's details: the audit trail, which SPOs and
# administrators read in the access log, notes that they were given, not what they were.
VICTIM_FACTS = ("address", "named_person", "exclusion_zone")


@transaction.atomic
def licence_condition_add(
    *,
    event: Event,
    by,
    category: str,
    text: str = "",
    victim_related: bool = False,
    request=None,
    **inputs: str,
) -> LicenceCondition:
    """Add an additional licence condition with the facts it needs. Conditions that protect a
    victim are always flagged victim-related, whatever the form said."""
    if not event.is_custodial:
        raise ValueError("Only licence events have licence conditions")
    offences = list(event.offences.all())
    problems = licence_conditions.condition_problems(
        category,
        inputs=inputs,
        facts=licence_conditions.ConditionFacts(
            age_at_sentence=age_on(event.case.date_of_birth, event.sentence_date),
            term_days=(term_end(event.sentence_date, event.term) - event.sentence_date).days + 1,
            offence_categories=frozenset(o.category for o in offences),
        ),
    )
    if problems:
        raise RuleBroken(problems)
    kind = licence_conditions.ADDITIONAL_CATEGORIES[category]
    condition = LicenceCondition.objects.create(
        event=event,
        code=category,
        text=text or kind.name,
        victim_related=victim_related or kind.victim_related,
        **inputs,
    )
    fields = CONDITION_FIELDS
    if condition.victim_related:
        fields = tuple(f for f in CONDITION_FIELDS if f not in VICTIM_FACTS)
    _audit_create(by=by, case=event.case, record=condition, fields=fields, request=request)
    return condition


@transaction.atomic
def event_terminate(
    *, event: Event, version: int, termination_date: date, termination_reason: str, by, request=None
) -> Event:
    """End an event, refusing the save if someone changed it since `version`."""
    current = Event.objects.select_for_update().get(pk=event.pk)
    if current.version != version:
        raise StaleEdit()
    if current.sentence_date and termination_date < current.sentence_date:
        raise RuleBroken(
            [
                requirements.Problem(
                    "termination_date", "The termination date must be on or after the sentence date"
                )
            ]
        )
    fields = ("active", "termination_date", "termination_reason")
    before = snapshot(current, fields)
    current.active, current.termination_date = False, termination_date
    current.termination_reason = termination_reason
    changes = field_changes(before, snapshot(current, fields))
    current.version = F("version") + 1
    current.save(update_fields=[*fields, "version"])
    current.refresh_from_db(fields=["version"])
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=event.case,
        subject="event",
        subject_id=current.pk,
        changes=changes,
        request=request,
    )
    case_risk_refresh(case=event.case, trigger="termination")
    return current
