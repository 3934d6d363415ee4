"""OGP: every risk.json vector, monotonicity in every item, probabilities and band edges."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules.actuarial import Band, MotivationLevel, ProblemLevel, YesSometimesNo
from desist.rules.ogp import OgpInput, OgpResult, ogp, ogp_band
from desist.rules.tests.test_actuarial import assert_matches, level, vector_params


def input_from(inp: dict[str, Any]) -> OgpInput:
    return OgpInput(
        ogrs3_two_year=inp["ogrs3TwoYear"],
        no_fixed_abode_or_transient=inp["isCurrentlyOfNoFixedAbodeOrTransientAccommodation"],
        unemployed=inp["isUnemployed"],
        activities_encourage_offending=level(inp["regularOffendingActivities"]),  # type: ignore[arg-type]
        current_drug_misuse=level(inp["currentDrugMisuse"]),  # type: ignore[arg-type]
        motivation_to_tackle_drug_misuse=MotivationLevel[inp["motivationToTackleDrugMisuse"]],
        problem_solving=level(inp["problemSolvingSkills"]),  # type: ignore[arg-type]
        awareness_of_consequences=YesSometimesNo[inp["awarenessOfConsequences"]],
        understands_others_views=level(inp["understandsOtherPeoplesViews"]),  # type: ignore[arg-type]
        pro_criminal_attitudes=level(inp["proCriminalAttitudes"]),  # type: ignore[arg-type]
    )


def as_api(r: OgpResult) -> dict[str, Any]:
    return {
        "oneYearScore": r.one_year,
        "twoYearScore": r.two_year,
        "band": r.band.value,
        "pointScore": r.points,
    }


@pytest.mark.parametrize("vector", vector_params("OGP"))
def test_ogp_vectors(vector: dict[str, Any]) -> None:
    assert_matches(vector["expected"], as_api(ogp(input_from(vector["input"]))))


@pytest.mark.parametrize("vector", vector_params("OGP_BAND"))
def test_ogp_band_vectors(vector: dict[str, Any]) -> None:
    assert_matches(vector["expected"], {"band": ogp_band(vector["input"]["score"]).value})


def test_points_explain_the_score() -> None:
    """OGP-E01: 49 (OGRS3 81 x 0.6) + 5 + 3 + 0 + 2 + 3 = 62."""
    r = ogp(
        OgpInput(
            81,
            False,
            True,
            ProblemLevel(1),
            ProblemLevel(0),
            MotivationLevel(0),
            ProblemLevel(1),
            YesSometimesNo.SOMETIMES,
            ProblemLevel(0),
            ProblemLevel(1),
        )
    )
    assert [t.value for t in r.terms] == [49, 0, 5, 3, 0, 2, 3]


levels = st.sampled_from(ProblemLevel)
inputs = st.builds(
    OgpInput,
    ogrs3_two_year=st.integers(min_value=1, max_value=99),
    no_fixed_abode_or_transient=st.booleans(),
    unemployed=st.booleans(),
    activities_encourage_offending=levels,
    current_drug_misuse=levels,
    motivation_to_tackle_drug_misuse=st.sampled_from(MotivationLevel),
    problem_solving=levels,
    awareness_of_consequences=st.sampled_from(YesSometimesNo),
    understands_others_views=levels,
    pro_criminal_attitudes=levels,
)
ITEMS = (
    "ogrs3_two_year",
    "no_fixed_abode_or_transient",
    "unemployed",
    "activities_encourage_offending",
    "current_drug_misuse",
    "motivation_to_tackle_drug_misuse",
    "problem_solving",
    "awareness_of_consequences",
    "understands_others_views",
    "pro_criminal_attitudes",
)


def _worse(inp: OgpInput, item: str) -> OgpInput:
    value = getattr(inp, item)
    if isinstance(value, bool):
        return replace(inp, **{item: True})
    if item == "ogrs3_two_year":
        return replace(inp, **{item: min(value + 7, 99)})
    return replace(inp, **{item: type(value)(min(int(value) + 1, 2))})


@given(inputs, st.sampled_from(ITEMS))
@settings(max_examples=200, deadline=None)
def test_a_worse_answer_never_lowers_ogp(inp: OgpInput, item: str) -> None:
    before, after = ogp(inp), ogp(_worse(inp, item))
    assert after.points >= before.points
    assert after.one_year >= before.one_year and after.two_year >= before.two_year


@given(inputs)
@settings(max_examples=100, deadline=None)
def test_ogp_is_a_valid_percentage(inp: OgpInput) -> None:
    r = ogp(inp)
    assert 1 <= r.one_year <= r.two_year <= 99
    assert r.band is ogp_band(r.two_year)


@pytest.mark.parametrize(
    ("below", "at", "band_below", "band_at"),
    [
        (33, 34, Band.LOW, Band.MEDIUM),
        (66, 67, Band.MEDIUM, Band.HIGH),
        (84, 85, Band.HIGH, Band.VERY_HIGH),
    ],
)
def test_band_edges_both_sides(below: int, at: int, band_below: Band, band_at: Band) -> None:
    assert ogp_band(below) is band_below and ogp_band(at) is band_at
