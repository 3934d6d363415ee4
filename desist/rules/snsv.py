"""SNSV: Serious Non-Sexual Violence predictor (legacy RSR component), static and dynamic.

A 2-year logistic model on criminal history (see ``logit_model``) plus, for the dynamic version,
OASys items 2.2, 3.4, 4.2, 6.4, 6.7 (perpetrator against a partner), 9.1, 9.2, 11.2, 11.4, 12.1
and R1.2 previous offences. The dynamic model is used when every dynamic item is answered, the
static model otherwise. SNSV% = logistic(z) x 100 to 2 dp; SNSV has no band of its own.

Offence weights (offence group and VATP) are per Home Office code in the offence map
(``snsv_*`` columns), so callers pass the resolved ``SnsvOffenceWeights``.

Sources: steering/research/risk-tools.md §3; MoJ hmpps-arns-risk-actuarial-api @1811fe74 [A]
(SNSVTransformationHelper; snsv-input-1/2/3/9/10 fixtures reproduced).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from desist.rules.actuarial import (
    ModelType,
    OffenceMapping,
    OffenceNotScorable,
    PreviousConviction,
    Sex,
    SnsvOffenceWeights,
    Term,
    coef,
    coef_list,
    resolve_offence,
)
from desist.rules.logit_model import (
    CriminalHistory,
    DynamicItems,
    HistoryModel,
    Item,
    LogitResult,
    choose_model,
    level_item,
    member_item,
    score_model,
)

COPAS_CAREER_BOOST = 12
TOOL = "SNSV"


@dataclass(frozen=True)
class SnsvInput:
    history: CriminalHistory
    offence: SnsvOffenceWeights
    dynamic: DynamicItems | None = None


def snsv_offence_for_code(
    code: str, table: Mapping[str, OffenceMapping] | None = None
) -> SnsvOffenceWeights:
    mapping = resolve_offence(code, table)
    if mapping.snsv is None:
        raise OffenceNotScorable(f"offence code {code} has no SNSV offence group")
    return mapping.snsv


def _domestic_abuse_item(coefficient: float) -> Item:
    """6.7: counts only for abuse of a partner; 'no abuse' needs no partner answer."""
    return Item(
        "domestic_abuse",
        coefficient,
        lambda i: float(bool(i.domestic_abuse_perpetrator and i.domestic_abuse_against_partner)),
        lambda i: (
            i.domestic_abuse_perpetrator is not None
            and (not i.domestic_abuse_perpetrator or i.domestic_abuse_against_partner is not None)
        ),
    )


def _items() -> tuple[Item, ...]:
    def c(key: str) -> float:
        return coef("legacy", "snsv_dynamic_items", key)

    return (
        level_item("weapon", c("weapon"), "weapon"),
        level_item("accommodation", c("accommodation"), "accommodation_suitability"),
        # Stored coefficient is already 2 x 0.0389 (OASys scores 'unemployed' as 2).
        level_item("unemployed", c("unemployed"), "unemployed"),
        level_item("partner_relationship", c("partner"), "partner_relationship"),
        level_item("alcohol", c("alcohol"), "current_alcohol_use"),
        level_item("binge_drinking", c("binge"), "binge_drinking"),
        level_item("impulsivity", c("impulsivity"), "impulsivity"),
        level_item("temper_control", c("temper"), "temper_control"),
        level_item("pro_criminal_attitudes", c("procriminal"), "pro_criminal_attitudes"),
        _domestic_abuse_item(c("domestic_abuse")),
        *(
            member_item(
                f"previous_{p.value.lower()}",
                coef("legacy", "snsv_dynamic_items", "prev", p.value),
                "previous_convictions",
                p,
            )
            for p in PreviousConviction
        ),
    )


@functools.cache
def snsv_model(model_type: ModelType) -> HistoryModel:
    key = model_type.value.lower()

    def c(name: str) -> float:
        return coef("legacy", "snsv", key, name)

    def by_sex(name: str) -> dict[Sex, float]:
        return {s: coef("legacy", "snsv", key, name, s.value) for s in Sex}

    return HistoryModel(
        tool=TOOL,
        model_type=model_type,
        intercept=c("icpt"),
        age={
            Sex.MALE: coef_list("legacy", "snsv", key, "age_m"),
            Sex.FEMALE: coef_list("legacy", "snsv", key, "age_f"),
        },
        female=c("female"),
        first_sanction=c("first"),
        second_sanction=c("second"),
        per_sanction=c("per_sanction"),
        second_sanction_gap=by_sex("gap"),
        ofm=coef_list("legacy", "snsv", key, "ofm"),
        copas={s: (v,) for s, v in by_sex("copas").items()},
        copas_boost=COPAS_CAREER_BOOST,
        violence=True,
        never_violent=by_sex("never_violent"),
        once_violent=c("once_violent"),
        per_violent=c("per_violent"),
        violent_rate=c("viol_rate"),
        items=_items() if model_type is ModelType.DYNAMIC else (),
    )


def snsv(inp: SnsvInput, *, force: ModelType | None = None) -> LogitResult:
    model = choose_model(
        snsv_model(ModelType.STATIC), snsv_model(ModelType.DYNAMIC), inp.dynamic, force
    )
    dynamic = model.model_type is ModelType.DYNAMIC
    w = inp.offence
    offence_terms = (
        Term("offence", w.dynamic_weight if dynamic else w.static_weight),
        Term("offence_vatp", w.vatp_dynamic_weight if dynamic else w.vatp_static_weight),
    )
    return score_model(model, inp.history, offence_terms, inp.dynamic, band=None)
