"""Licence conditions: the standard set, the facts additional conditions need, and the
polygraph rule (rules.md section 2)."""

import pytest

from desist.rules.licence_conditions import (
    ADDITIONAL_CATEGORIES,
    STANDARD_CONDITIONS,
    ConditionFacts,
    condition_problems,
)

ADULT_TWO_YEARS_SEXUAL = ConditionFacts(
    age_at_sentence=30, term_days=731, offence_categories=frozenset({"SEXUAL"})
)


def problems(code, facts=ADULT_TWO_YEARS_SEXUAL, **inputs):
    return [p.field for p in condition_problems(code, inputs=inputs, facts=facts)]


def test_the_v4_standard_set_has_nine_conditions():
    assert len(STANDARD_CONDITIONS) == 9
    assert STANDARD_CONDITIONS[-1][0] == "PASSPORT"


@pytest.mark.parametrize(
    ("facts", "allowed"),
    [
        (ADULT_TWO_YEARS_SEXUAL, True),
        (ConditionFacts(18, 365, frozenset({"TERRORISM"})), True),
        (ConditionFacts(18, 364, frozenset({"SEXUAL"})), False),  # TC: under 12 months
        (ConditionFacts(17, 731, frozenset({"SEXUAL"})), False),
        (ConditionFacts(30, 731, frozenset({"VIOLENCE"})), False),
    ],
)
def test_polygraph_only_for_adults_serving_twelve_months_for_sexual_or_terrorist_offences(
    facts, allowed
):
    assert (problems("POLYGRAPH", facts) == []) is allowed


def test_conditions_need_their_facts():
    assert problems("RESIDENCE") == ["address"]
    assert problems("RESIDENCE", address="1 High Street") == []
    assert problems("CURFEW", address="1 High Street") == ["times"]
    assert problems("EXCLUSION_ZONE", exclusion_zone="   ") == ["exclusion_zone"]
    assert problems("VICTIM_CONTACT", named_person="Jane Doe") == []
    assert problems("NOPE") == ["category"]


def test_tc_victim_conditions_are_flagged():
    assert ADDITIONAL_CATEGORIES["VICTIM_CONTACT"].victim_related
    assert ADDITIONAL_CATEGORIES["EXCLUSION_ZONE"].victim_related
    assert not ADDITIONAL_CATEGORIES["DRUG_TESTING"].victim_related
