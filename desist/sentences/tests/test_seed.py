from collections import Counter

from desist.people.models import Case
from desist.rules.requirements import Order, ProposedRequirement, requirement_problems
from desist.seed.generator import seed
from desist.sentences.models import Event, LicenceCondition, Requirement
from desist.sentences.selectors import age_on, main_offence
from desist.sentences.services import order_period


def test_seeded_sentences_are_plausible_and_lawful(db):
    seed(people=400, seed=5, regions=2, progress=False)
    events = list(Event.objects.select_related("case").prefetch_related("offences"))
    with_events = {e.case_id for e in events}
    assert 0.8 < len(with_events) / Case.objects.count() < 0.97
    kinds = Counter("SDS" if e.is_custodial else e.sentence_type for e in events)
    assert 0.45 < kinds["CO"] / len(events) < 0.65
    assert 0.12 < kinds["SSO"] / len(events) < 0.28
    assert 0.17 < kinds["SDS"] / len(events) < 0.33
    assert all(e.expected_end and main_offence(e) for e in events)
    for case_id in with_events:
        numbers = sorted(e.number for e in events if e.case_id == case_id)
        assert numbers == list(range(1, len(numbers) + 1))
    orders = [e for e in events if e.is_order]
    assert Requirement.objects.filter(event__in=orders).values("event").distinct().count() == len(
        orders
    )
    for requirement in Requirement.objects.select_related("event__case")[:300]:
        event = requirement.event
        order = Order(
            *order_period(event),
            conviction_date=event.conviction_date,
            offence_date=event.offences.get(main=True).offence_date,
            age_at_conviction=age_on(event.case.date_of_birth, event.conviction_date),
        )
        proposed = ProposedRequirement(
            requirement.category,
            requirement.length,
            requirement.hours_per_day,
            requirement.days_per_week,
        )
        assert requirement_problems(proposed, order=order) == [], requirement.category
    custodial = [e for e in events if e.is_custodial]
    standard = LicenceCondition.objects.filter(standard=True).count()
    assert standard == 9 * len(custodial)
