"""OGP: OASys General reoffending Predictor (static OGRS3 plus dynamic need items, as points).

Points: round(OGRS3 2-year % x 0.6); no fixed abode +5; unemployed (4.2) +5; activities encourage
offending (7.2) 1->3, 2->5; round((current drug misuse + motivation to tackle drugs (8.8)) x 3.75);
round((problem solving + awareness of consequences + understands others' views) x 5/6);
pro-criminal attitudes (12.1) 1->3, 2->5. p = logistic(0.0616 x points - c), c = 3.6832 (1 year)
or 3.0795 (2 years); a whole % in 1..99. Bands on the 2-year %: Low 1-33, Medium 34-66,
High 67-84, Very high 85+.

Sources: steering/research/risk-tools.md §2; MoJ hmpps-arns-risk-actuarial-api @1811fe74 [A]
(OGPRiskProducerServiceCompanionTest cases 1-4 reproduced).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desist.rules.actuarial import (
    Band,
    MotivationLevel,
    ProblemLevel,
    Term,
    YesSometimesNo,
    band_for,
    coef,
    points_percent,
    term_value,
)

BAND_THRESHOLDS = (34, 67, 85)
ZERO_THREE_FIVE = (0, 3, 5)  # the OASys 0/1/2 answer re-weighted for 7.2 and 12.1


def _half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class OgpInput:
    ogrs3_two_year: int
    no_fixed_abode_or_transient: bool
    unemployed: bool
    activities_encourage_offending: ProblemLevel
    current_drug_misuse: ProblemLevel
    motivation_to_tackle_drug_misuse: MotivationLevel
    problem_solving: ProblemLevel
    awareness_of_consequences: YesSometimesNo
    understands_others_views: ProblemLevel
    pro_criminal_attitudes: ProblemLevel


@dataclass(frozen=True)
class OgpResult:
    points: int
    one_year: int
    two_year: int
    band: Band
    terms: tuple[Term, ...]

    def term(self, name: str) -> float:
        return term_value(self.terms, name)


def ogp_band(two_year: int) -> Band:
    return band_for(two_year, BAND_THRESHOLDS)


def ogp_points(inp: OgpInput) -> tuple[Term, ...]:
    """Each item's points; Decimal keeps x0.6, x3.75 and x5/6 exact before half-up rounding."""
    if not 0 <= inp.ogrs3_two_year <= 100:
        raise ValueError("OGRS3 2-year score must be a percentage")
    drugs = int(inp.current_drug_misuse) + int(inp.motivation_to_tackle_drug_misuse)
    thinking = (
        int(inp.problem_solving)
        + int(inp.awareness_of_consequences)
        + int(inp.understands_others_views)
    )
    return (
        Term("ogrs3", _half_up(Decimal(inp.ogrs3_two_year) * Decimal("0.6"))),
        Term("accommodation", 5 if inp.no_fixed_abode_or_transient else 0),
        Term("employment", 5 if inp.unemployed else 0),
        Term("lifestyle", ZERO_THREE_FIVE[inp.activities_encourage_offending]),
        Term("drugs", _half_up(Decimal(drugs) * Decimal("3.75"))),
        Term("thinking", _half_up(Decimal(thinking) * 5 / 6)),
        Term("attitudes", ZERO_THREE_FIVE[inp.pro_criminal_attitudes]),
    )


def ogp(inp: OgpInput) -> OgpResult:
    terms = ogp_points(inp)
    points = int(sum(t.value for t in terms))
    per_point = coef("legacy", "ogp", "per_point")
    two_year = points_percent(points, per_point, coef("legacy", "ogp", "shift_2yr"))
    return OgpResult(
        points=points,
        one_year=points_percent(points, per_point, coef("legacy", "ogp", "shift_1yr")),
        two_year=two_year,
        band=ogp_band(two_year),
        terms=terms,
    )
