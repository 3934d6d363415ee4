"""OVP: OASys Violence Predictor (static history plus dynamic need items, as points).

Points: any sanction +5; violent sanctions 0,1,2,3,4.. -> 0,4,7,9,11,12.. (max 25 at 18+);
non-violent sanctions 0-2 ->0, 3-4 ->2, 5-10 ->3, 11-20 ->4, 21+ ->5; age at SoF 18-19 ->20 down
to 51+ ->0; male +5; does not recognise impact +4; no fixed abode +4; unemployed +4;
ceil((alcohol 9.1 + binge 9.2) x 2.5); current psychiatric treatment +4; temper (11.4) x3;
pro-criminal attitudes (12.1) x3. p = logistic(0.0722 x points - c), c = 4.5215 (1 year) or
3.8773 (2 years); whole % in 1..99. Bands on the 2-year %: Low 1-29, Medium 30-59, High 60-79,
Very high 80+.

OVP is an adult tool: the age table starts at 18 and younger ages are rejected, as in [A].

Sources: steering/research/risk-tools.md §2; MoJ hmpps-arns-risk-actuarial-api @1811fe74 [A]
(OVPTransformationHelper; fixture ovp-input-2 and OVPRiskProducerServiceTest reproduced).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from desist.rules.actuarial import (
    Band,
    ProblemLevel,
    Sex,
    Term,
    age_on,
    band_for,
    coef,
    points_percent,
    term_value,
)

BAND_THRESHOLDS = (30, 60, 80)
# (inclusive lower age, points); first match from the top wins.
AGE_POINTS = (
    (51, 0),
    (46, 2),
    (41, 4),
    (36, 6),
    (31, 8),
    (26, 10),
    (24, 12),
    (22, 14),
    (20, 17),
    (18, 20),
)
NON_VIOLENT_POINTS = ((21, 5), (11, 4), (5, 3), (3, 2), (0, 0))


@dataclass(frozen=True)
class OvpInput:
    sex: Sex
    date_of_birth: date
    start_of_follow_up: date
    total_sanctions: int
    violent_sanctions: int
    recognises_impact_on_others: bool
    no_fixed_abode_or_transient: bool
    unemployed: bool
    current_alcohol_use: ProblemLevel
    binge_drinking: ProblemLevel
    current_psychiatric_treatment: bool
    temper_control: ProblemLevel
    pro_criminal_attitudes: ProblemLevel


@dataclass(frozen=True)
class OvpResult:
    points: int
    one_year: int
    two_year: int
    band: Band
    terms: tuple[Term, ...]

    def term(self, name: str) -> float:
        return term_value(self.terms, name)


def ovp_band(two_year: int) -> Band:
    return band_for(two_year, BAND_THRESHOLDS)


def violent_sanction_points(violent: int) -> int:
    """0,1,2,3 -> 0,4,7,9; then +1 per sanction from 11 at four, capped at 25 (18+)."""
    if violent < 0:
        raise ValueError("violent sanctions cannot be negative")
    if violent < 4:
        return (0, 4, 7, 9)[violent]
    return min(11 + (violent - 4), 25)


def _first_band(value: int, table: tuple[tuple[int, int], ...]) -> int:
    for lower, points in table:
        if value >= lower:
            return points
    raise ValueError(f"value {value} is below the OVP table")


def ovp_points(inp: OvpInput) -> tuple[Term, ...]:
    if not 0 <= inp.violent_sanctions <= inp.total_sanctions:
        raise ValueError("violent sanctions must be between 0 and total sanctions")
    age = age_on(inp.date_of_birth, inp.start_of_follow_up)
    if age < 18:
        raise ValueError("OVP is only defined from age 18 at start of follow-up")
    alcohol = int(inp.current_alcohol_use) + int(inp.binge_drinking)
    return (
        Term("any_sanction", 5 if inp.total_sanctions > 0 else 0),
        Term("violent_sanctions", violent_sanction_points(inp.violent_sanctions)),
        Term(
            "non_violent_sanctions",
            _first_band(inp.total_sanctions - inp.violent_sanctions, NON_VIOLENT_POINTS),
        ),
        Term("age", _first_band(age, AGE_POINTS)),
        Term("male", 5 if inp.sex is Sex.MALE else 0),
        Term("impact_on_others", 0 if inp.recognises_impact_on_others else 4),
        Term("accommodation", 4 if inp.no_fixed_abode_or_transient else 0),
        Term("employment", 4 if inp.unemployed else 0),
        Term("alcohol", math.ceil(alcohol * 2.5)),
        Term("psychiatric_treatment", 4 if inp.current_psychiatric_treatment else 0),
        Term("temper_control", 3 * int(inp.temper_control)),
        Term("attitudes", 3 * int(inp.pro_criminal_attitudes)),
    )


def ovp(inp: OvpInput) -> OvpResult:
    terms = ovp_points(inp)
    points = int(sum(t.value for t in terms))
    per_point = coef("legacy", "ovp", "per_point")
    two_year = points_percent(points, per_point, coef("legacy", "ovp", "shift_2yr"))
    return OvpResult(
        points=points,
        one_year=points_percent(points, per_point, coef("legacy", "ovp", "shift_1yr")),
        two_year=two_year,
        band=ovp_band(two_year),
        terms=terms,
    )
