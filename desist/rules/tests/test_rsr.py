"""RSR (legacy): every risk.json vector, the women's addition, composition and band edges."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings

from desist.rules.actuarial import Band, Sex
from desist.rules.osp import SexualHistory
from desist.rules.rsr import RsrInput, RsrResult, rsr, rsr_band
from desist.rules.tests.test_actuarial import (
    assert_matches,
    model_force,
    sexual_from,
    vector_params,
)
from desist.rules.tests.test_snsv import cases as snsv_cases
from desist.rules.tests.test_snsv import input_from as snsv_input_from


def input_from(inp: dict[str, Any]) -> RsrInput:
    return RsrInput(snsv_input_from(inp), sexual_from(inp))


def as_api(r: RsrResult) -> dict[str, Any]:
    return {
        "overallScore": r.score,
        "band": r.band.value,
        "components": {
            "directContactSexualPredictorScore": {
                "algorithm": "OSPDC",
                "type": "STATIC",
                "score": r.osp_dc.score,
                "band": r.osp_dc.band.value,
            },
            "indirectContactSexualPredictorScore": {
                "algorithm": "OSPIIC",
                "type": "STATIC",
                "score": r.osp_iic.score,
                "band": r.osp_iic.band.value,
            },
            "seriousViolencePredictorScore": {
                "algorithm": "SNSV",
                "type": r.snsv.model_type.value,
                "score": r.snsv.score,
                "band": None,
            },
            "SNSV": {"type": r.snsv.model_type.value, "score": r.snsv.score},
            "OSPDC": {
                "pointScore": r.osp_dc.points,
                "band": r.osp_dc.band.value,
                "score": r.osp_dc.score,
            },
            "OSPIIC": {"band": r.osp_iic.band.value, "score": r.osp_iic.score},
            "female_sexual_offender_addition": r.female_sexual_offender_addition,
        },
    }


@pytest.mark.parametrize("vector", vector_params("RSR"))
def test_rsr_vectors(vector: dict[str, Any]) -> None:
    inp = vector["input"]
    assert_matches(vector["expected"], as_api(rsr(input_from(inp), snsv_force=model_force(inp))))


@pytest.mark.parametrize("vector", vector_params("RSR_BAND"))
def test_rsr_band_vectors(vector: dict[str, Any]) -> None:
    assert_matches(vector["expected"], {"band": rsr_band(vector["input"]["score"]).value})


def test_mismatched_sexes_are_rejected() -> None:
    vector = next(v for v in vector_params("RSR") if v.id == "RSR-D01").values[0]
    inp = input_from(vector["input"])
    other = replace(inp.sexual, sexual=replace(inp.sexual.sexual, sex=Sex.FEMALE))
    with pytest.raises(ValueError):
        rsr(RsrInput(inp.snsv, other))


@given(snsv_cases())
@settings(max_examples=60, deadline=None)
def test_rsr_is_the_sum_of_its_components(snsv_inp: Any) -> None:
    from desist.rules.osp import OspDcInput

    h = snsv_inp.history
    sexual = OspDcInput(
        SexualHistory(h.sex, True, contact_child_sanctions=1, image_sanctions=1),
        h.date_of_birth,
        h.start_of_follow_up,
        h.total_sanctions,
        h.conviction_date,
    )
    r = rsr(RsrInput(snsv_inp, sexual))
    parts = r.snsv.score + r.osp_dc.score + r.osp_iic.score + r.female_sexual_offender_addition
    assert abs(r.score - parts) < 0.005
    assert r.score >= r.snsv.score
    assert (r.female_sexual_offender_addition == 0.38) is (h.sex is Sex.FEMALE)
    assert r.band is rsr_band(r.score)


@pytest.mark.parametrize(
    ("below", "at", "band_below", "band_at"),
    [(2.99, 3.0, Band.LOW, Band.MEDIUM), (6.89, 6.9, Band.MEDIUM, Band.HIGH)],
)
def test_band_edges_both_sides(below: float, at: float, band_below: Band, band_at: Band) -> None:
    assert rsr_band(below) is band_below and rsr_band(at) is band_at
    assert rsr_band(100.0) is Band.HIGH  # RSR has no Very high band
