"""OVP: every risk.json vector, point tables, monotonicity and band edges."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules.actuarial import Band, ProblemLevel, Sex
from desist.rules.ovp import OvpInput, OvpResult, ovp, ovp_band, violent_sanction_points
from desist.rules.tests.test_actuarial import (
    assert_matches,
    level,
    start_of_follow_up,
    vector_params,
)


def input_from(inp: dict[str, Any]) -> OvpInput:
    return OvpInput(
        sex=Sex(inp["gender"]),
        date_of_birth=date.fromisoformat(inp["dateOfBirth"]),
        start_of_follow_up=start_of_follow_up(inp),
        total_sanctions=inp["totalNumberOfSanctionsForAllOffences"],
        violent_sanctions=inp["totalNumberOfViolentSanctions"],
        recognises_impact_on_others=inp["doesRecogniseImpactOfOffendingOnOthers"],
        no_fixed_abode_or_transient=inp["isCurrentlyOfNoFixedAbodeOrTransientAccommodation"],
        unemployed=inp["isUnemployed"],
        current_alcohol_use=level(inp["currentAlcoholUseProblems"]),  # type: ignore[arg-type]
        binge_drinking=level(inp["excessiveAlcoholUse"]),  # type: ignore[arg-type]
        current_psychiatric_treatment=inp["hasCurrentPsychiatricTreatment"],
        temper_control=level(inp["temperControl"]),  # type: ignore[arg-type]
        pro_criminal_attitudes=level(inp["proCriminalAttitudes"]),  # type: ignore[arg-type]
    )


def as_api(r: OvpResult) -> dict[str, Any]:
    return {
        "oneYearScore": r.one_year,
        "twoYearScore": r.two_year,
        "band": r.band.value,
        "pointScore": r.points,
    }


@pytest.mark.parametrize("vector", vector_params("OVP"))
def test_ovp_vectors(vector: dict[str, Any]) -> None:
    assert_matches(vector["expected"], as_api(ovp(input_from(vector["input"]))))


@pytest.mark.parametrize("vector", vector_params("OVP"))
def test_ovp_derived_point_scores_in_vector_notes(vector: dict[str, Any]) -> None:
    """OVP-E02..E04 give the derived point score only in their notes."""
    note = vector.get("notes", "")
    if "pointScore" in note:
        assert ovp(input_from(vector["input"])).points == int(note.split()[1])


@pytest.mark.parametrize("vector", vector_params("OVP_BAND"))
def test_ovp_band_vectors(vector: dict[str, Any]) -> None:
    assert_matches(vector["expected"], {"band": ovp_band(vector["input"]["score"]).value})


def test_violent_sanction_table() -> None:
    assert [violent_sanction_points(v) for v in range(20)] == [
        0,
        4,
        7,
        9,
        11,
        12,
        13,
        14,
        15,
        16,
        17,
        18,
        19,
        20,
        21,
        22,
        23,
        24,
        25,
        25,
    ]


def test_under_18_is_rejected() -> None:
    young = OvpInput(
        Sex.MALE,
        date(2008, 1, 1),
        date(2025, 1, 1),
        1,
        0,
        True,
        False,
        False,
        ProblemLevel(0),
        ProblemLevel(0),
        False,
        ProblemLevel(0),
        ProblemLevel(0),
    )
    with pytest.raises(ValueError):
        ovp(young)


levels = st.sampled_from(ProblemLevel)


@st.composite
def inputs(draw: st.DrawFn) -> OvpInput:
    n = draw(st.integers(min_value=1, max_value=60))
    return OvpInput(
        sex=draw(st.sampled_from(Sex)),
        date_of_birth=date(1950, 1, 1),
        start_of_follow_up=date(1950 + draw(st.integers(min_value=18, max_value=75)), 6, 1),
        total_sanctions=n,
        violent_sanctions=draw(st.integers(min_value=0, max_value=n)),
        recognises_impact_on_others=draw(st.booleans()),
        no_fixed_abode_or_transient=draw(st.booleans()),
        unemployed=draw(st.booleans()),
        current_alcohol_use=draw(levels),
        binge_drinking=draw(levels),
        current_psychiatric_treatment=draw(st.booleans()),
        temper_control=draw(levels),
        pro_criminal_attitudes=draw(levels),
    )


RISK_FLAGS = ("no_fixed_abode_or_transient", "unemployed", "current_psychiatric_treatment")
RISK_LEVELS = ("current_alcohol_use", "binge_drinking", "temper_control", "pro_criminal_attitudes")


@given(inputs(), st.sampled_from(RISK_FLAGS + RISK_LEVELS + ("violent", "non_violent", "age")))
@settings(max_examples=200, deadline=None)
def test_a_worse_answer_never_lowers_ovp(inp: OvpInput, item: str) -> None:
    if item == "violent":
        worse = replace(
            inp,
            violent_sanctions=inp.violent_sanctions + 1,
            total_sanctions=inp.total_sanctions + 1,
        )
    elif item == "non_violent":
        worse = replace(inp, total_sanctions=inp.total_sanctions + 1)
    elif item == "age":  # younger at start of follow-up
        if (inp.start_of_follow_up.year - 1950) <= 18:
            return
        worse = replace(
            inp,
            start_of_follow_up=inp.start_of_follow_up.replace(year=inp.start_of_follow_up.year - 1),
        )
    elif item in RISK_FLAGS:
        worse = replace(inp, **{item: True})
    else:
        worse = replace(inp, **{item: ProblemLevel(min(getattr(inp, item) + 1, 2))})
    assert ovp(worse).points >= ovp(inp).points
    assert ovp(worse).two_year >= ovp(inp).two_year
    assert ovp(replace(inp, recognises_impact_on_others=False)).points >= ovp(inp).points


@given(inputs())
@settings(max_examples=100, deadline=None)
def test_ovp_is_a_valid_percentage(inp: OvpInput) -> None:
    r = ovp(inp)
    assert 1 <= r.one_year <= r.two_year <= 99
    assert r.band is ovp_band(r.two_year)


@pytest.mark.parametrize(
    ("below", "at", "band_below", "band_at"),
    [
        (29, 30, Band.LOW, Band.MEDIUM),
        (59, 60, Band.MEDIUM, Band.HIGH),
        (79, 80, Band.HIGH, Band.VERY_HIGH),
    ],
)
def test_band_edges_both_sides(below: int, at: int, band_below: Band, band_at: Band) -> None:
    assert ovp_band(below) is band_below and ovp_band(at) is band_at
