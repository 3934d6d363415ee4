"""RSR (legacy): Risk of Serious Recidivism = SNSV% + OSP/DC% + OSP/IIC%.

Each component is a % to 2 dp; RSR is their sum to 2 dp, plus 1/261 (0.38) for a woman with a
sexual offence history (OSP does not apply to women). Bands: Low < 3, Medium 3-6.89,
High >= 6.9. RSR is legacy: the 2026 CSRP replaces it (``predictors_2026``).

Sources: steering/research/risk-tools.md §3; MoJ hmpps-arns-risk-actuarial-api @1811fe74 [A]
(rsr-input-1/3/5/9 fixtures reproduced).
"""

from __future__ import annotations

from dataclasses import dataclass

from desist.rules.actuarial import (
    Band,
    ModelType,
    Sex,
    band_for,
    coef,
    percent_2dp,
    round_half_up,
)
from desist.rules.logit_model import LogitResult
from desist.rules.osp import OspDcInput, OspDcResult, OspIicResult, osp_dc, osp_iic
from desist.rules.snsv import SnsvInput, snsv

BAND_THRESHOLDS = (3, 6.9)


@dataclass(frozen=True)
class RsrInput:
    snsv: SnsvInput
    sexual: OspDcInput


@dataclass(frozen=True)
class RsrResult:
    score: float
    band: Band
    snsv: LogitResult
    osp_dc: OspDcResult
    osp_iic: OspIicResult
    female_sexual_offender_addition: float


def rsr_band(score: float) -> Band:
    return band_for(score, BAND_THRESHOLDS)


def female_sexual_history_addition(inp: OspDcInput, coefficient: float) -> float:
    """The fixed % a woman with a sexual history adds in place of OSP (0.38 = 1/261)."""
    s = inp.sexual
    return percent_2dp(coefficient) if s.sex is Sex.FEMALE and s.has_sexual_offence_history else 0.0


def combined_score(*components: float) -> float:
    """Sum of 2-dp component %s, to 2 dp (strips float noise from the addition)."""
    return round_half_up(sum(components), 2)


def rsr(inp: RsrInput, *, snsv_force: ModelType | None = None) -> RsrResult:
    if inp.snsv.history.sex is not inp.sexual.sexual.sex:
        raise ValueError("SNSV and OSP inputs describe different sexes")
    violence = snsv(inp.snsv, force=snsv_force)
    dc = osp_dc(inp.sexual)
    iic = osp_iic(inp.sexual.sexual)
    addition = female_sexual_history_addition(
        inp.sexual, coef("legacy", "osp_dc", "female_sexual_offender_rsr_contribution")
    )
    score = combined_score(violence.score, dc.score, iic.score, addition)
    return RsrResult(score, rsr_band(score), violence, dc, iic, addition)
