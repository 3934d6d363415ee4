"""2026 OASys predictors: ARP, VRP, SVRP (static/dynamic), DC-SRP, IIC-SRP and CSRP.

ARP (all reoffending), VRP (violent) and SVRP (serious violent; replaces SNSV) share the
history template in ``logit_model``; coefficients per model come from ``new_2026`` in the
coefficient file, the offence term from the 25 ``actuarial_category_2026`` categories (violent
categories already include the VATP flag). The dynamic version runs when every dynamic item the
model uses is answered. DC-SRP and IIC-SRP are OSP/DC and OSP/IIC (``osp``); CSRP = SVRP% +
DC-SRP% + IIC-SRP% (+0.38 for a woman with a sexual history).
Bands: ARP < 50 / 50 / 75 / 90+; VRP < 30 / 30 / 60 / 80+; SVRP and CSRP < 1 / 1 / 3 / 6.9+.

Which generation applies is chosen by effective date (``predictor_generation``). The go-live
date is VERIFY: [A] removed the legacy tools on 2026-06-15, which is the default here; keep
legacy scores for assessments before it and record which generation produced every score.

Sources: steering/research/risk-tools.md §4-5 and §9; MoJ hmpps-arns-risk-actuarial-api
@016919c5 [A] (allReoffendingPredictor, violentReoffendingPredictor,
seriousViolentReoffendingPredictor, combinedSeriousReoffendingPredictor, DC-SRP and IIC-SRP
fixtures reproduced); the OASys test team's calculator oasys-cypress-test @884260a3 [C] holds
identical coefficients.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desist.rules.actuarial import (
    Band,
    ModelType,
    OffenceMapping,
    OffenceNotScorable,
    PreviousConviction,
    Sex,
    Term,
    band_for,
    coefficients,
    resolve_offence,
)
from desist.rules.logit_model import (
    CriminalHistory,
    Drug,
    DynamicItems,
    HistoryModel,
    Item,
    LogitResult,
    choose_model,
    level_item,
    member_item,
    product_item,
    score_model,
)
from desist.rules.osp import OspDcInput, OspDcResult, OspIicResult, osp_dc, osp_iic
from desist.rules.rsr import combined_score, female_sexual_history_addition

OGRS4_EFFECTIVE_FROM = date(2026, 6, 15)  # VERIFY: OASys go-live of the 2026 predictors


class Generation(StrEnum):
    LEGACY = "LEGACY"  # OGRS3, OGP, OVP, SNSV, OSP, RSR
    OGRS4 = "OGRS4"  # ARP, VRP, SVRP, DC-SRP, IIC-SRP, CSRP


def predictor_generation(
    assessment_date: date, effective_from: date = OGRS4_EFFECTIVE_FROM
) -> Generation:
    """The predictor set in force on the assessment date."""
    return Generation.OGRS4 if assessment_date >= effective_from else Generation.LEGACY


class Predictor(StrEnum):
    ARP = "ARP"
    VRP = "VRP"
    SVRP = "SVRP"


_JSON_NAMES = {
    Predictor.ARP: "AllReoffendingPredictor",
    Predictor.VRP: "ViolentReoffendingPredictor",
    Predictor.SVRP: "SeriousViolentReoffendingPredictor",
}
BAND_THRESHOLDS: Mapping[str, tuple[float, ...]] = {
    k: tuple(v) for k, v in coefficients()["new_2026_constants"]["bands"].items()
}

_HISTORY_KEYS = frozenset(
    {
        "TWO_YEAR_CONSTANT",
        "FEMALE",
        "FIRST_SANCTION",
        "SECOND_SANCTION",
        "SANCTION_OCCASIONS",
        "YRS_BETWEEN_FIRST_AND_SECOND_SANCTION_MALE",
        "YRS_BETWEEN_FIRST_AND_SECOND_SANCTION_FEMALE",
        "NEVER_VIOLENT_MALE",
        "NEVER_VIOLENT_FEMALE",
        "ONCE_VIOLENT",
        "VIOLENT_SANCTIONS",
        "VIOLENT_RATE",
    }
)
_POWERS = ("", "_QUADRATIC", "_CUBIC", "_QUARTIC")

_DRUG_KEYS = {
    "HEROIN": Drug.HEROIN,
    "METHADONE": Drug.METHADONE,
    "OTHER_OPIATE": Drug.OTHER_OPIATE,
    "CRACK_COCAINE": Drug.CRACK_COCAINE,
    "POWDER_COCAINE": Drug.POWDER_COCAINE,
    "PRESCRIPTION_DRUG_MISUSE": Drug.PRESCRIPTION_DRUG_MISUSE,
    "BENZODIAZEPINES": Drug.BENZODIAZEPINES,
    "CANNABIS": Drug.CANNABIS,
    "STEROIDS": Drug.STEROIDS,
    "OTHER_DRUGS": Drug.OTHER_DRUGS,
}
_PAST_KEYS = {
    "PAST_HOMICIDE_OFFENCE": PreviousConviction.HOMICIDE,
    "PAST_GBH_OFFENCE": PreviousConviction.WOUNDING_GBH,
    "PAST_KIDNAPPING_OFFENCE": PreviousConviction.KIDNAPPING,
    "PAST_FIREARMS_OFFENCE": PreviousConviction.FIREARMS,
    "PAST_ROBBERY_OFFENCE": PreviousConviction.ROBBERY,
    "PAST_AGGRAVATED_BURGLARY_OFFENCE": PreviousConviction.AGGRAVATED_BURGLARY,
    "PAST_WEAPON_OFFENCE": PreviousConviction.WEAPON,
    "PAST_CRIMINAL_DAMAGE_OFFENCE": PreviousConviction.CRIMINAL_DAMAGE,
    "PAST_ARSON_OFFENCE": PreviousConviction.ARSON,
}
_LEVEL_KEYS: Mapping[str, tuple[str, str, int]] = {
    # JSON key: (term name, DynamicItems attribute, OASys multiplier)
    "CARRY_OR_USE_WEAPON": ("weapon", "weapon", 1),
    "ACCOMMODATION_SUITABILITY": ("accommodation", "accommodation_suitability", 1),
    "UNEMPLOYED": ("unemployed", "unemployed", 2),  # OASys 4.2 scores 'unemployed' as 2
    "LIVE_IN_RELATIONSHIP": ("living_with_partner", "living_with_partner", 1),
    "RELATIONSHIP_QUALITY": ("partner_relationship", "partner_relationship", 1),
    "DOMESTIC_ABUSE": ("domestic_abuse", "domestic_abuse_perpetrator", 1),
    "ACTIVITIES_ENCOURAGE_OFFENDING": ("lifestyle", "activities_encourage_offending", 1),
    "MOTIVATION_TO_TACKLE_DRUG_MISUSE": ("drug_motivation", "motivation_to_tackle_drug_misuse", 1),
    "CHRONIC_DRINKING": ("alcohol", "current_alcohol_use", 1),
    "BINGE_DRINKING": ("binge_drinking", "binge_drinking", 1),
    "IMPULSIVITY": ("impulsivity", "impulsivity", 1),
    "TEMPER": ("temper_control", "temper_control", 1),
    "PRO_CRIMINAL_ATTITUDE": ("pro_criminal_attitudes", "pro_criminal_attitudes", 1),
}


def _item(key: str, value: float) -> Item:
    if key in _LEVEL_KEYS:
        name, attribute, multiplier = _LEVEL_KEYS[key]
        return level_item(name, value, attribute, multiplier)
    if key == "QUALITY_OF_LIVE_IN_RELATIONSHIP":
        return product_item(
            "living_with_partner_x_relationship",
            value,
            "living_with_partner",
            "partner_relationship",
        )
    if key in _DRUG_KEYS:
        return member_item(f"drug_{key.lower()}", value, "drugs_used", _DRUG_KEYS[key])
    if key in _PAST_KEYS:
        p = _PAST_KEYS[key]
        return member_item(f"previous_{p.value.lower()}", value, "previous_convictions", p)
    raise KeyError(f"unrecognised 2026 coefficient {key}")  # never ignore a coefficient


@functools.cache
def model_2026(predictor: Predictor, model_type: ModelType) -> HistoryModel:
    """Build a model from the JSON terms; every term must be used, so none is silently lost."""
    suffix = "Static" if model_type is ModelType.STATIC else "Dynamic"
    raw = coefficients()["new_2026"][_JSON_NAMES[predictor] + suffix]["terms"]
    t = {k: float(v["value"]) for k, v in raw.items()}
    constants = coefficients()["new_2026_constants"]
    age_keys = {s: [f"AAI{p}_{s.value}" for p in _POWERS] for s in Sex}
    ofm_keys = [f"OFFENCE_FREE_MONTHS{p}" for p in _POWERS]
    general = predictor is Predictor.ARP
    copas_stems = ("COPAS_G", "COPAS_SQUARED") if general else ("COPAS_V",)
    copas_keys = {s: [f"THREE_PLUS_SANCTIONS_{c}_{s.value}" for c in copas_stems] for s in Sex}
    used = set(_HISTORY_KEYS) | set(ofm_keys)
    for keys in (*age_keys.values(), *copas_keys.values()):
        used |= set(keys)
    return HistoryModel(
        tool=predictor.value,
        model_type=model_type,
        intercept=t["TWO_YEAR_CONSTANT"],
        age={s: tuple(t.get(k, 0.0) for k in keys) for s, keys in age_keys.items()},
        female=t["FEMALE"],
        first_sanction=t["FIRST_SANCTION"],
        second_sanction=t["SECOND_SANCTION"],
        per_sanction=t["SANCTION_OCCASIONS"],
        second_sanction_gap={s: t[f"YRS_BETWEEN_FIRST_AND_SECOND_SANCTION_{s.value}"] for s in Sex},
        ofm=tuple(t.get(k, 0.0) for k in ofm_keys),
        copas={s: tuple(t[k] for k in keys) for s, keys in copas_keys.items()},
        copas_boost=constants["copas_general_career_boost" if general else "copas_v_career_boost"],
        violence=not general,
        never_violent={s: t.get(f"NEVER_VIOLENT_{s.value}", 0.0) for s in Sex},
        once_violent=t.get("ONCE_VIOLENT", 0.0),
        per_violent=t.get("VIOLENT_SANCTIONS", 0.0),
        violent_rate=t.get("VIOLENT_RATE", 0.0),
        items=tuple(_item(k, v) for k, v in t.items() if k not in used),
    )


def offence_weight(predictor: Predictor, model_type: ModelType, category: str) -> float:
    suffix = "Static" if model_type is ModelType.STATIC else "Dynamic"
    table = coefficients()["new_2026"][_JSON_NAMES[predictor] + suffix]["offence_category"]
    if category not in table or category.endswith("__parts"):
        raise OffenceNotScorable(f"no {predictor.value} weight for offence category {category!r}")
    return float(table[category])


def category_2026_for_code(code: str, table: Mapping[str, OffenceMapping] | None = None) -> str:
    category = resolve_offence(code, table).category_2026
    if not category or category == "UNKNOWN":
        raise OffenceNotScorable(f"offence code {code} has no 2026 actuarial category")
    return category


@dataclass(frozen=True)
class Input2026:
    history: CriminalHistory
    offence_category: str
    dynamic: DynamicItems | None = None


def arp_band(score: float) -> Band:
    return band_for(score, BAND_THRESHOLDS["ARP"])


def vrp_band(score: float) -> Band:
    return band_for(score, BAND_THRESHOLDS["VRP"])


def svrp_band(score: float) -> Band:
    return band_for(score, BAND_THRESHOLDS["SVRP"])


def csrp_band(score: float) -> Band:
    return band_for(score, BAND_THRESHOLDS["CSRP"])


def dc_srp_band(points: int) -> Band:
    return band_for(points, BAND_THRESHOLDS["DC_SRP_points"])


_BANDS: Mapping[Predictor, Callable[[float], Band]] = {
    Predictor.ARP: arp_band,
    Predictor.VRP: vrp_band,
    Predictor.SVRP: svrp_band,
}


def predict(predictor: Predictor, inp: Input2026, *, force: ModelType | None = None) -> LogitResult:
    model = choose_model(
        model_2026(predictor, ModelType.STATIC),
        model_2026(predictor, ModelType.DYNAMIC),
        inp.dynamic,
        force,
    )
    offence = Term("offence", offence_weight(predictor, model.model_type, inp.offence_category))
    return score_model(model, inp.history, (offence,), inp.dynamic, _BANDS[predictor])


def arp(inp: Input2026, *, force: ModelType | None = None) -> LogitResult:
    return predict(Predictor.ARP, inp, force=force)


def vrp(inp: Input2026, *, force: ModelType | None = None) -> LogitResult:
    return predict(Predictor.VRP, inp, force=force)


def svrp(inp: Input2026, *, force: ModelType | None = None) -> LogitResult:
    return predict(Predictor.SVRP, inp, force=force)


def dc_srp(inp: OspDcInput) -> OspDcResult:
    """DC-SRP is OSP/DC unchanged (same points, bands, % and band reduction)."""
    return osp_dc(inp)


def iic_srp(inp: OspDcInput) -> OspIicResult:
    """IIC-SRP is OSP/IIC, except that a woman with a sexual history is Low 0."""
    return osp_iic(inp.sexual, women_scored_low=True)


@dataclass(frozen=True)
class CsrpInput:
    svrp: Input2026
    sexual: OspDcInput


@dataclass(frozen=True)
class CsrpResult:
    score: float
    band: Band
    svrp: LogitResult
    dc_srp: OspDcResult
    iic_srp: OspIicResult
    female_sexual_offender_addition: float


def csrp(inp: CsrpInput, *, svrp_force: ModelType | None = None) -> CsrpResult:
    if inp.svrp.history.sex is not inp.sexual.sexual.sex:
        raise ValueError("SVRP and sexual-predictor inputs describe different sexes")
    violence = svrp(inp.svrp, force=svrp_force)
    dc = dc_srp(inp.sexual)
    iic = iic_srp(inp.sexual)
    addition = female_sexual_history_addition(
        inp.sexual,
        float(
            coefficients()["new_2026"]["CombinedSeriousReoffendingPredictor"]["terms"][
                "FEMALE_SEXUAL_OFFENDER"
            ]["value"]
        ),
    )
    score = combined_score(violence.score, dc.score, iic.score, addition)
    return CsrpResult(score, csrp_band(score), violence, dc, iic, addition)
