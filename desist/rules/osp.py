"""OSP/DC and OSP/IIC: OASys Sexual reoffending Predictors (men with a sexual history).

OSP/DC (direct contact; formerly OSP/C) is points-based: contact-adult sanctions 0/1/2/3+ ->
0/5/10/15; contact-child 0/3/6/9; non-contact (not images) 0/2/4/6; age at SoF >= 60 -> 0 else
14 - max(0, (age - 18) // 3); age at last sexual sanction 10-15 -> 0, 16-17 -> 5, 18+ -> 10;
two or more sanctions -> 6; stranger victim -> 4. Bands on points: 0-21 Low, 22-29 Medium,
30-35 High, 36+ Very high. % = logistic(-8.633 + 0.1598 x points) x 100 (0 for 0 points).
The band (never the %) drops one step for a man in the community, not Low, with no offence
and no sexual offence in the last 5 years and at least 5 years since SoF.

OSP/IIC (images and indirect contact) is a rule table: 2+ IIOC sanctions 10.31% High; 1 IIOC
3.33% Medium; 2+ contact-child 0.93% Low; 1 contact-child 0.63% Low; otherwise 0.28% Low.

Not applicable (score 0) with no sexual history, and for women (RSR/CSRP add 0.38 instead).
The 2026 DC-SRP and IIC-SRP are the same calculations (``predictors_2026``); the only 2026
difference is that IIC-SRP reports a woman as Low 0 rather than not applicable.

Sources: steering/research/risk-tools.md §3-4; MoJ hmpps-arns-risk-actuarial-api [A] @1811fe74
(ospdc/ospiic fixtures) and @016919c5 (DC-SRP/IIC-SRP fixtures).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desist.rules.actuarial import (
    BANDS_IN_ORDER,
    Band,
    Sex,
    SupervisionStatus,
    Term,
    add_years,
    age_on,
    band_for,
    coef,
    logistic,
    percent_2dp,
    term_value,
)

DC_BAND_THRESHOLDS = (22, 30, 36)
REDUCTION_YEARS = 5


@dataclass(frozen=True)
class SexualHistory:
    """Sexual sanction counts (OASys/PNC); 'non-contact' excludes indecent images."""

    sex: Sex
    has_sexual_offence_history: bool
    contact_adult_sanctions: int = 0
    contact_child_sanctions: int = 0
    non_contact_sanctions: int = 0
    image_sanctions: int = 0


@dataclass(frozen=True)
class OspDcInput:
    sexual: SexualHistory
    date_of_birth: date
    start_of_follow_up: date
    total_sanctions: int
    most_recent_sexual_sanction_date: date | None = None
    stranger_victim: bool = False
    supervision_status: SupervisionStatus | None = None
    assessment_date: date | None = None
    most_recent_offence_date: date | None = None


@dataclass(frozen=True)
class OspDcResult:
    applicable: bool
    points: int | None
    score: float
    band: Band
    band_before_reduction: Band | None
    band_reduced: bool | None
    female: bool
    has_sexual_offence_history: bool
    terms: tuple[Term, ...] = ()

    def term(self, name: str) -> float:
        return term_value(self.terms, name)


@dataclass(frozen=True)
class OspIicResult:
    applicable: bool
    score: float
    band: Band
    female: bool
    has_sexual_offence_history: bool
    probability: float


def osp_dc_band(points: int) -> Band:
    return band_for(points, DC_BAND_THRESHOLDS)


def _count_points(count: int, step: int) -> int:
    """0/1/2/3+ sanctions -> 0/1/2/3 steps."""
    if count < 0:
        raise ValueError("sanction counts cannot be negative")
    return step * min(count, 3)


def age_at_sof_points(age: int) -> int:
    return 0 if age >= 60 else 14 - max(0, (age - 18) // 3)


def last_sexual_sanction_points(age: int | None) -> int:
    if age is None or age < 16:
        return 0
    return 5 if age < 18 else 10


def osp_dc_points(inp: OspDcInput) -> tuple[Term, ...]:
    s = inp.sexual
    last_age = (
        age_on(inp.date_of_birth, inp.most_recent_sexual_sanction_date)
        if inp.most_recent_sexual_sanction_date
        else None
    )
    return (
        Term("contact_adult", _count_points(s.contact_adult_sanctions, 5)),
        Term("contact_child", _count_points(s.contact_child_sanctions, 3)),
        Term("non_contact", _count_points(s.non_contact_sanctions, 2)),
        Term(
            "age_at_start_of_follow_up",
            age_at_sof_points(age_on(inp.date_of_birth, inp.start_of_follow_up)),
        ),
        Term("age_at_last_sexual_sanction", last_sexual_sanction_points(last_age)),
        Term("two_or_more_sanctions", 6 if inp.total_sanctions >= 2 else 0),
        Term("stranger_victim", 4 if inp.stranger_victim else 0),
    )


def osp_dc_percent(points: int) -> float:
    if points == 0:
        return 0.0
    return percent_2dp(
        logistic(
            coef("legacy", "osp_dc", "intercept") + coef("legacy", "osp_dc", "per_point") * points
        )
    )


def band_reduction_applies(inp: OspDcInput, band: Band) -> bool:
    """All conditions must be known to hold; missing dates never lower a band."""
    on = inp.assessment_date
    if (
        band is Band.LOW
        or inp.sexual.sex is not Sex.MALE
        or inp.supervision_status is not SupervisionStatus.COMMUNITY
        or on is None
        or inp.most_recent_offence_date is None
        or inp.most_recent_sexual_sanction_date is None
    ):
        return False
    return all(
        add_years(d, REDUCTION_YEARS) <= on
        for d in (
            inp.most_recent_offence_date,
            inp.most_recent_sexual_sanction_date,
            inp.start_of_follow_up,
        )
    )


def _one_band_lower(band: Band) -> Band:
    return BANDS_IN_ORDER[max(BANDS_IN_ORDER.index(band) - 1, 0)]


def osp_dc(inp: OspDcInput) -> OspDcResult:
    female = inp.sexual.sex is Sex.FEMALE
    if female or not inp.sexual.has_sexual_offence_history:
        return OspDcResult(
            applicable=False,
            points=None,
            score=0.0,
            band=Band.NOT_APPLICABLE,
            band_before_reduction=None,
            band_reduced=None,
            female=female,
            has_sexual_offence_history=inp.sexual.has_sexual_offence_history,
        )
    terms = osp_dc_points(inp)
    points = int(sum(t.value for t in terms))
    band = osp_dc_band(points)
    reduce = band_reduction_applies(inp, band)
    return OspDcResult(
        applicable=True,
        points=points,
        score=osp_dc_percent(points),
        band=_one_band_lower(band) if reduce else band,
        band_before_reduction=band,
        band_reduced=reduce,
        female=False,
        has_sexual_offence_history=True,
        terms=terms,
    )


IIC_RULES = (
    # (attribute, minimum count, coefficient key, band): first rule that fits applies.
    ("image_sanctions", 2, "two_plus_iioc", Band.HIGH),
    ("image_sanctions", 1, "one_iioc", Band.MEDIUM),
    ("contact_child_sanctions", 2, "two_plus_child_contact", Band.LOW),
    ("contact_child_sanctions", 1, "one_child_contact", Band.LOW),
)


def osp_iic(sexual: SexualHistory, *, women_scored_low: bool = False) -> OspIicResult:
    """``women_scored_low``: the 2026 IIC-SRP reports women as Low 0, legacy as not applicable."""
    female = sexual.sex is Sex.FEMALE
    if not sexual.has_sexual_offence_history or (female and not women_scored_low):
        return OspIicResult(
            False, 0.0, Band.NOT_APPLICABLE, female, sexual.has_sexual_offence_history, 0.0
        )
    if female:
        return OspIicResult(True, 0.0, Band.LOW, True, True, 0.0)
    key, band = "other", Band.LOW
    for attribute, minimum, rule_key, rule_band in IIC_RULES:
        if getattr(sexual, attribute) >= minimum:
            key, band = rule_key, rule_band
            break
    p = coef("legacy", "osp_iic", key)
    return OspIicResult(True, percent_2dp(p), band, False, True, p)
