"""SNSV: every risk.json vector (score, model choice, every feature value) and properties."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules.actuarial import ModelType, PreviousConviction, ProblemLevel, Sex
from desist.rules.logit_model import CriminalHistory, DynamicItems, LogitResult
from desist.rules.snsv import SnsvInput, snsv, snsv_offence_for_code
from desist.rules.tests.test_actuarial import (
    assert_matches,
    dynamic_from,
    history_from,
    model_force,
    vector_params,
)

FEATURES = {
    "twoYearInterceptWeight": ("intercept",),
    "genderWeight": ("female",),
    "ageGenderPolynomialWeight": ("age",),
    "SNSVWeighting": ("offence",),
    "SNSVVATPWeight": ("offence_vatp",),
    "secondSanctionCasesOnlyWeight": ("second_sanction_gap",),
    "monthsSinceLastSanctionWeight": ("offence_free_months",),
    "threePlusSanctionWeight": ("copas",),
    "violentHistoryWeight": ("never_violent", "once_violent"),
    "violentSanctionsWeight": ("violent_sanctions",),
    "violenceRateWeight": ("violence_rate",),
    "totalNumberOfSanctionsForAllOffencesWeight": ("total_sanctions",),
    "numberOfSanctionsWeight": ("first_sanction", "second_sanction"),
    "offenceInvolveCarryingOrUsingWeaponsWeight": ("weapon",),
    "suitabilityOfAccommodationWeight": ("accommodation",),
    "unemployedWeight": ("unemployed",),
    "currentRelationshipWithPartner": ("partner_relationship",),
    "chronicDrinkingProblemsWeight": ("alcohol",),
    "bingeDrinkingProblemsWeight": ("binge_drinking",),
    "impulsivityProblemsWeight": ("impulsivity",),
    "temperControlWeight": ("temper_control",),
    "proCriminalAttitudesWeight": ("pro_criminal_attitudes",),
    "domesticViolenceWeight": ("domestic_abuse",),
    "previousConvictionsWeight": tuple(f"previous_{p.value.lower()}" for p in PreviousConviction),
}


def input_from(inp: dict[str, Any]) -> SnsvInput:
    r = inp["resolved"]
    from desist.rules.actuarial import SnsvOffenceWeights

    weights = SnsvOffenceWeights(
        r["snsv_category"],
        r["snsv_static_weight"],
        r["snsv_dynamic_weight"],
        r["snsv_vatp_category"],
        r["snsv_vatp_static_weight"],
        r["snsv_vatp_dynamic_weight"],
    )
    return SnsvInput(history_from(inp), weights, dynamic_from(inp))


def as_api(r: LogitResult) -> dict[str, Any]:
    return {
        "band": None,
        "score": r.score,
        "type": r.model_type.value,
        "featureValues": {k: sum(r.term(n) for n in names) for k, names in FEATURES.items()},
    }


@pytest.mark.parametrize("vector", vector_params("SNSV"))
def test_snsv_vectors(vector: dict[str, Any]) -> None:
    inp = vector["input"]
    assert_matches(vector["expected"], as_api(snsv(input_from(inp), force=model_force(inp))))


def test_forcing_dynamic_without_all_items_is_an_error() -> None:
    h = CriminalHistory(
        Sex.MALE, date(1980, 1, 1), date(2020, 1, 1), date(2024, 1, 1), date(2025, 1, 1), 1, 40, 1
    )
    with pytest.raises(ValueError):
        snsv(SnsvInput(h, snsv_offence_for_code("02700")), force=ModelType.DYNAMIC)


def test_domestic_abuse_needs_the_partner_answer_only_when_there_is_abuse() -> None:
    full = DynamicItems(
        weapon=False,
        accommodation_suitability=ProblemLevel(0),
        unemployed=False,
        partner_relationship=ProblemLevel(0),
        domestic_abuse_perpetrator=True,
        domestic_abuse_against_partner=None,
        current_alcohol_use=ProblemLevel(0),
        binge_drinking=ProblemLevel(0),
        impulsivity=ProblemLevel(0),
        temper_control=ProblemLevel(0),
        pro_criminal_attitudes=ProblemLevel(0),
        previous_convictions=frozenset(),
    )
    h = CriminalHistory(
        Sex.MALE, date(1980, 1, 1), date(2020, 1, 1), date(2024, 1, 1), date(2025, 1, 1), 4, 20, 2
    )
    offence = snsv_offence_for_code("10500")
    assert snsv(SnsvInput(h, offence, full)).model_type is ModelType.STATIC
    answered = replace(full, domestic_abuse_against_partner=True)
    assert snsv(SnsvInput(h, offence, answered)).model_type is ModelType.DYNAMIC
    none = replace(full, domestic_abuse_perpetrator=False)
    assert snsv(SnsvInput(h, offence, none)).model_type is ModelType.DYNAMIC


levels = st.sampled_from(ProblemLevel)


@st.composite
def cases(draw: st.DrawFn) -> SnsvInput:
    age_conv = draw(st.integers(min_value=18, max_value=70))
    n = draw(st.integers(min_value=1, max_value=80))
    h = CriminalHistory(
        sex=draw(st.sampled_from(Sex)),
        date_of_birth=date(1940, 3, 1),
        conviction_date=date(1940 + age_conv, 6, 1),
        start_of_follow_up=date(1940 + age_conv + draw(st.integers(0, 3)), 6, 1),
        assessment_date=date(1940 + age_conv + draw(st.integers(0, 6)), 9, 1),
        total_sanctions=n,
        age_at_first_sanction=draw(st.integers(min_value=10, max_value=age_conv)),
        violent_sanctions=draw(st.integers(min_value=0, max_value=n)),
    )
    dynamic = draw(
        st.none()
        | st.builds(
            DynamicItems,
            weapon=st.booleans(),
            accommodation_suitability=levels,
            unemployed=st.booleans(),
            partner_relationship=levels,
            domestic_abuse_perpetrator=st.booleans(),
            domestic_abuse_against_partner=st.booleans(),
            current_alcohol_use=levels,
            binge_drinking=levels,
            impulsivity=levels,
            temper_control=levels,
            pro_criminal_attitudes=levels,
            previous_convictions=st.frozensets(st.sampled_from(PreviousConviction)),
        )
    )
    code = draw(st.sampled_from(["02700", "04600", "10500", "00101", "03400", "07111"]))
    return SnsvInput(h, snsv_offence_for_code(code), dynamic)


@given(cases())
@settings(max_examples=150, deadline=None)
def test_snsv_is_a_percentage_and_explains_itself(inp: SnsvInput) -> None:
    r = snsv(inp)
    assert 0.0 <= r.score <= 100.0
    assert r.model_type is (ModelType.STATIC if inp.dynamic is None else ModelType.DYNAMIC)
    assert abs(sum(t.value for t in r.terms) - r.linear_sum) < 1e-9


DYNAMIC_LEVELS = (
    "accommodation_suitability",
    "partner_relationship",
    "current_alcohol_use",
    "binge_drinking",
    "impulsivity",
    "temper_control",
    "pro_criminal_attitudes",
)


@given(cases(), st.sampled_from(DYNAMIC_LEVELS + ("weapon", "unemployed", "previous")))
@settings(max_examples=150, deadline=None)
def test_every_dynamic_item_is_a_risk_factor(inp: SnsvInput, item: str) -> None:
    if inp.dynamic is None:
        return
    items = inp.dynamic
    if item == "previous":
        worse = replace(items, previous_convictions=frozenset(PreviousConviction))
    elif item in DYNAMIC_LEVELS:
        worse = replace(items, **{item: ProblemLevel.SIGNIFICANT_PROBLEMS})
    else:
        worse = replace(items, **{item: True})
    assert snsv(replace(inp, dynamic=worse)).linear_sum >= snsv(inp).linear_sum
