"""OSP/DC and OSP/IIC: every risk.json vector, point tables, band reduction and band edges."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules.actuarial import Band, Sex, SupervisionStatus
from desist.rules.osp import (
    OspDcInput,
    OspDcResult,
    OspIicResult,
    SexualHistory,
    age_at_sof_points,
    osp_dc,
    osp_dc_band,
    osp_dc_percent,
    osp_iic,
)
from desist.rules.tests.test_actuarial import assert_matches, sexual_from, vector_params

DC_FEATURES = {
    "totalContactAdultSexualSanctionsWeight": "contact_adult",
    "totalContactChildSexualSanctionsWeight": "contact_child",
    "totalNonContactSexualOffencesWeight": "non_contact",
    "ageAtStartOfFollowUpWeight": "age_at_start_of_follow_up",
    "ageAtLastSanctionForSexualOffenceWeight": "age_at_last_sexual_sanction",
    "totalNumberOfSanctionsForAllOffencesWeight": "two_or_more_sanctions",
    "currentOffenceAgainstVictimStrangerWeight": "stranger_victim",
}


def dc_as_api(r: OspDcResult, *, legacy: bool) -> dict[str, Any]:
    """The legacy API reported hasSexualOffenceHistory as 'scored on a male sexual history'
    (False for a woman with one); the 2026 API echoes the input. Same calculation, two labels."""
    features: dict[str, Any] = {k: float(r.term(v)) for k, v in DC_FEATURES.items()}
    features["totalWeight"] = float(r.points or 0)
    return {
        "band": r.band.value,
        "band_before_reduction": r.band_before_reduction and r.band_before_reduction.value,
        "pointScore": r.points,
        "score": r.score,
        "femaleVersion": r.female,
        "hasSexualOffenceHistory": r.applicable if legacy else r.has_sexual_offence_history,
        "riskBandReductionApplied": r.band_reduced,
        "featureValues": features,
    }


def iic_as_api(r: OspIicResult) -> dict[str, Any]:
    return {
        "band": r.band.value,
        "score": r.score,
        "femaleVersion": r.female,
        "hasSexualOffenceHistory": r.has_sexual_offence_history,
        "featureValues": {"imagesAndIndirectContactWeight": r.probability},
    }


@pytest.mark.parametrize("vector", vector_params("OSP_DC"))
def test_osp_dc_vectors(vector: dict[str, Any]) -> None:
    result = osp_dc(sexual_from(vector["input"]))
    assert_matches(vector["expected"], dc_as_api(result, legacy=True))


@pytest.mark.parametrize("vector", vector_params("OSP_IIC"))
def test_osp_iic_vectors(vector: dict[str, Any]) -> None:
    assert_matches(vector["expected"], iic_as_api(osp_iic(sexual_from(vector["input"]).sexual)))


@pytest.mark.parametrize("vector", vector_params("OSP_DC_POINTS_BAND"))
def test_osp_dc_band_vectors(vector: dict[str, Any]) -> None:
    assert_matches(vector["expected"], {"band": osp_dc_band(vector["input"]["pointScore"]).value})


def test_age_points_table() -> None:
    assert [age_at_sof_points(a) for a in (17, 18, 20, 21, 47, 50, 59, 60, 80)] == [
        14,
        14,
        14,
        13,
        5,
        4,
        1,
        0,
        0,
    ]


def test_zero_points_is_zero_percent() -> None:
    assert osp_dc_percent(0) == 0.0 and osp_dc_percent(1) > 0


# The derived OSP_DC-D01 case: 38 points, Very high reduced to High.
REDUCIBLE = OspDcInput(
    sexual=SexualHistory(Sex.MALE, True, contact_adult_sanctions=3, non_contact_sanctions=1),
    date_of_birth=date(1960, 1, 15),
    start_of_follow_up=date(2019, 6, 1),
    total_sanctions=4,
    most_recent_sexual_sanction_date=date(2015, 3, 1),
    stranger_victim=True,
    supervision_status=SupervisionStatus.COMMUNITY,
    assessment_date=date(2026, 3, 1),
    most_recent_offence_date=date(2015, 3, 1),
)


@pytest.mark.parametrize(
    "change",
    [
        {"supervision_status": SupervisionStatus.CUSTODY},
        {"supervision_status": None},
        {"most_recent_offence_date": date(2021, 3, 2)},
        {"most_recent_sexual_sanction_date": date(2021, 3, 2)},
        {"start_of_follow_up": date(2021, 3, 2)},
        {"assessment_date": None},
        {"most_recent_offence_date": None},
    ],
)
def test_band_reduction_needs_every_condition(change: dict[str, Any]) -> None:
    assert osp_dc(REDUCIBLE).band_reduced is True
    blocked = osp_dc(replace(REDUCIBLE, **change))
    assert blocked.band_reduced is False and blocked.band is blocked.band_before_reduction


def test_band_reduction_boundary_is_exactly_five_years() -> None:
    on_day = replace(REDUCIBLE, most_recent_offence_date=date(2021, 3, 1))
    assert osp_dc(on_day).band_reduced is True
    day_after = replace(REDUCIBLE, most_recent_offence_date=date(2021, 3, 2))
    assert osp_dc(day_after).band_reduced is False


def test_band_reduction_never_changes_the_percentage_or_reduces_low() -> None:
    r = osp_dc(REDUCIBLE)
    assert r.score == osp_dc_percent(r.points or 0) == 7.17
    low = replace(
        REDUCIBLE,
        sexual=SexualHistory(Sex.MALE, True, contact_child_sanctions=1),
        total_sanctions=1,
        stranger_victim=False,
    )
    assert osp_dc(low).band is Band.LOW and osp_dc(low).band_reduced is False


@pytest.mark.parametrize(
    ("counts", "score", "band"),
    [
        ({"image_sanctions": 2}, 10.31, Band.HIGH),
        ({"image_sanctions": 1}, 3.33, Band.MEDIUM),
        ({"contact_child_sanctions": 2}, 0.93, Band.LOW),
        ({"contact_child_sanctions": 1}, 0.63, Band.LOW),
        ({}, 0.28, Band.LOW),
    ],
)
def test_iic_rule_table(counts: dict[str, int], score: float, band: Band) -> None:
    r = osp_iic(SexualHistory(Sex.MALE, True, **counts))
    assert (r.score, r.band) == (score, band)


def test_iic_not_applicable_without_history_or_for_women() -> None:
    assert osp_iic(SexualHistory(Sex.MALE, False, image_sanctions=3)).band is Band.NOT_APPLICABLE
    assert osp_iic(SexualHistory(Sex.FEMALE, True, image_sanctions=3)).band is Band.NOT_APPLICABLE


counts = st.integers(min_value=0, max_value=6)


@st.composite
def dc_inputs(draw: st.DrawFn) -> OspDcInput:
    return OspDcInput(
        sexual=SexualHistory(
            Sex.MALE, True, draw(counts), draw(counts), draw(counts), draw(counts)
        ),
        date_of_birth=date(1950, 1, 1),
        start_of_follow_up=date(1950 + draw(st.integers(18, 80)), 1, 1),
        total_sanctions=draw(st.integers(1, 20)),
        most_recent_sexual_sanction_date=date(1950 + draw(st.integers(10, 60)), 1, 1),
        stranger_victim=draw(st.booleans()),
    )


@given(
    dc_inputs(),
    st.sampled_from(
        ["contact_adult_sanctions", "contact_child_sanctions", "non_contact_sanctions"]
    ),
)
@settings(max_examples=150, deadline=None)
def test_more_sexual_sanctions_never_lower_osp_dc(inp: OspDcInput, item: str) -> None:
    more = replace(inp, sexual=replace(inp.sexual, **{item: getattr(inp.sexual, item) + 1}))
    before, after = osp_dc(inp), osp_dc(more)
    assert (after.points or 0) >= (before.points or 0) and after.score >= before.score
    assert 0.0 <= after.score <= 100.0
    assert after.band is osp_dc_band(after.points or 0)


@given(st.integers(min_value=0, max_value=80))
@settings(max_examples=80, deadline=None)
def test_percentage_is_monotone_in_points(points: int) -> None:
    assert osp_dc_percent(points + 1) >= osp_dc_percent(points)


@pytest.mark.parametrize(
    ("below", "at", "band_below", "band_at"),
    [
        (21, 22, Band.LOW, Band.MEDIUM),
        (29, 30, Band.MEDIUM, Band.HIGH),
        (35, 36, Band.HIGH, Band.VERY_HIGH),
    ],
)
def test_band_edges_both_sides(below: int, at: int, band_below: Band, band_at: Band) -> None:
    assert osp_dc_band(below) is band_below and osp_dc_band(at) is band_at


def test_age_at_last_sexual_sanction_table() -> None:
    from desist.rules.osp import last_sexual_sanction_points

    ages = (None, 10, 15, 16, 17, 18, 40)
    assert [last_sexual_sanction_points(a) for a in ages] == [0, 0, 0, 5, 5, 10, 10]
