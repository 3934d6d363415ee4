"""OGRS3: every risk.json vector, the VERIFY sign switch, properties and band edges."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules.actuarial import Band, OffenceNotScorable, Sex, coefficients
from desist.rules.ogrs3 import (
    TERM_AGE_GENDER,
    TERM_CONVICTION_STATUS,
    TERM_COPAS,
    TERM_OFFENCE,
    Ogrs3Input,
    Ogrs3Offence,
    Ogrs3Result,
    ogrs3,
    ogrs3_band,
    ogrs3_offence,
    ogrs3_offence_for_code,
    ogrs3_probabilities,
)
from desist.rules.tests.test_actuarial import assert_matches, start_of_follow_up, vector_params


def input_from(inp: dict[str, Any]) -> Ogrs3Input:
    resolved = inp["resolved"]
    return Ogrs3Input(
        sex=Sex(inp["gender"]),
        date_of_birth=date.fromisoformat(inp["dateOfBirth"]),
        conviction_date=date.fromisoformat(inp["dateOfCurrentConviction"]),
        start_of_follow_up=start_of_follow_up(inp),
        total_sanctions=inp["totalNumberOfSanctionsForAllOffences"],
        age_at_first_sanction=inp["ageAtFirstSanction"],
        offence=Ogrs3Offence(resolved["ogrs3_category"], resolved["ogrs3_weight"]),
    )


def as_api(r: Ogrs3Result) -> dict[str, Any]:
    return {
        "band": r.band.value,
        "oneYearScore": r.one_year,
        "twoYearScore": r.two_year,
        "linear_sum_excluding_intercept": r.linear_sum,
        "featureValues": {
            "ageGenderScore": r.term(TERM_AGE_GENDER),
            "convictionStatusScore": r.term(TERM_CONVICTION_STATUS),
            "COPASScore": r.term(TERM_COPAS),
            "offenceGroupParameter": r.term(TERM_OFFENCE),
        },
    }


@pytest.mark.parametrize("vector", vector_params("OGRS3"))
def test_ogrs3_vectors(vector: dict[str, Any]) -> None:
    assert_matches(vector["expected"], as_api(ogrs3(input_from(vector["input"]))))


@pytest.mark.parametrize("vector", vector_params("OGRS3_LOGISTIC"))
def test_ogrs3_logistic_vectors(vector: dict[str, Any]) -> None:
    p1, p2 = ogrs3_probabilities(vector["input"]["sum_of_terms_excluding_intercept"])
    assert_matches(vector["expected"], {"p_one_year_5dp": p1, "p_two_year_5dp": p2})


@pytest.mark.parametrize("vector", vector_params("OGRS3_BAND"))
def test_ogrs3_band_vectors(vector: dict[str, Any]) -> None:
    assert_matches(vector["expected"], {"band": ogrs3_band(vector["input"]["twoYearScore"]).value})


def test_female_youth_sign_switch_reproduces_moj_api() -> None:
    """OGRS3-D06 notes: with [A]'s positive female <16 terms the girl scores 74/86 High."""
    girl = Ogrs3Input(
        Sex.FEMALE,
        date(2010, 3, 1),
        date(2025, 9, 1),
        date(2025, 9, 1),
        2,
        14,
        ogrs3_offence("Theft (non-motor)"),
    )
    assert (ogrs3(girl).one_year, ogrs3(girl).two_year) == (43, 61)
    api = ogrs3(girl, female_youth_negative=False)
    assert (api.one_year, api.two_year, api.band) == (74, 86, Band.HIGH)


def test_offence_weights_come_from_the_table_and_map() -> None:
    assert ogrs3_offence("Robbery").weight == -0.6348
    assert ogrs3_offence_for_code("09230").category == "Drug import/export/production"
    for code in ("08800", "11100", "14100"):  # need the exact (subcoded) offence
        with pytest.raises(OffenceNotScorable):
            ogrs3_offence_for_code(code)
    with pytest.raises(OffenceNotScorable):
        ogrs3_offence("Not a category")


def test_invalid_history_is_rejected() -> None:
    base: dict[str, Any] = {
        "sex": Sex.MALE,
        "date_of_birth": date(1990, 1, 1),
        "conviction_date": date(2020, 1, 1),
        "start_of_follow_up": date(2020, 1, 1),
        "offence": ogrs3_offence("Violence"),
    }
    with pytest.raises(ValueError):
        ogrs3(Ogrs3Input(total_sanctions=0, age_at_first_sanction=20, **base))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ogrs3(Ogrs3Input(total_sanctions=2, age_at_first_sanction=31, **base))  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

CATEGORIES = sorted(coefficients()["legacy"]["ogrs3"]["offence_category"])


@st.composite
def cases(draw: st.DrawFn) -> Ogrs3Input:
    dob = date(1940, 1, 1)
    age_conv = draw(st.integers(min_value=18, max_value=80))
    afs = draw(st.integers(min_value=10, max_value=age_conv))
    conviction = date(dob.year + age_conv, 6, 1)
    sof = date(conviction.year + draw(st.integers(min_value=0, max_value=5)), 6, 1)
    return Ogrs3Input(
        sex=draw(st.sampled_from(Sex)),
        date_of_birth=dob,
        conviction_date=conviction,
        start_of_follow_up=sof,
        total_sanctions=draw(st.integers(min_value=1, max_value=150)),
        age_at_first_sanction=afs,
        offence=ogrs3_offence(draw(st.sampled_from(CATEGORIES))),
    )


@given(cases())
@settings(max_examples=150, deadline=None)
def test_scores_are_valid_percentages_and_banded_consistently(inp: Ogrs3Input) -> None:
    r = ogrs3(inp)
    assert 0 <= r.p_one_year <= r.p_two_year <= 1
    assert 1 <= r.one_year <= r.two_year <= 99
    assert r.band is ogrs3_band(r.two_year)
    assert abs(sum(t.value for t in r.terms) - r.linear_sum) < 1e-12


@given(cases(), st.integers(min_value=1, max_value=20))
@settings(max_examples=150, deadline=None)
def test_more_sanctions_never_lowers_the_score(inp: Ogrs3Input, extra: int) -> None:
    more = ogrs3(Ogrs3Input(**{**inp.__dict__, "total_sanctions": inp.total_sanctions + extra}))
    assert more.linear_sum >= ogrs3(inp).linear_sum
    assert more.two_year >= ogrs3(inp).two_year


@given(cases())
@settings(max_examples=100, deadline=None)
def test_earlier_first_sanction_with_same_count_never_raises_the_score(inp: Ogrs3Input) -> None:
    """A longer career for the same number of sanctions is a lower rate of offending."""
    if inp.age_at_first_sanction <= 10:
        return
    earlier = Ogrs3Input(**{**inp.__dict__, "age_at_first_sanction": inp.age_at_first_sanction - 1})
    assert ogrs3(earlier).linear_sum <= ogrs3(inp).linear_sum


@pytest.mark.parametrize(
    ("below", "at", "band_below", "band_at"),
    [
        (49, 50, Band.LOW, Band.MEDIUM),
        (74, 75, Band.MEDIUM, Band.HIGH),
        (89, 90, Band.HIGH, Band.VERY_HIGH),
    ],
)
def test_band_edges_both_sides(below: int, at: int, band_below: Band, band_at: Band) -> None:
    assert ogrs3_band(below) is band_below
    assert ogrs3_band(at) is band_at
    assert ogrs3_band(1) is Band.LOW and ogrs3_band(99) is Band.VERY_HIGH
