"""OGRS3: Offender Group Reconviction Scale v3, static 1- and 2-year proven reoffending.

z = A(age at SoF, sex) + S(first/repeat sanction) + 1.25112 * ln(n / (10 + career)) + O(offence)
p1 = logistic(1.40256 + z), p2 = logistic(2.1217 + z); each to 5 dp, then a whole % in 1..99.
Band on the 2-year %: Low 0-49, Medium 50-74, High 75-89, Very high 90+.

The result lists each term's contribution so a practitioner can see *why* the score is what it
is (for example: the Copas rate dominates for a prolific young adult).

Sources: Howard, Francis, Soothill & Humphreys (2009) OGRS 3: the revised Offender Group
Reconviction Scale, MoJ Research Summary 7/09 (paper text not seen; values not taken from it);
steering/research/risk-tools.md §1; MoJ hmpps-arns-risk-actuarial-api @1811fe74 [A] (intercepts,
rounding, "matches OASys spreadsheet" test); independent cj_pipeline/ogrs3_coefs.py [P].

VERIFY: the sign of the female 10-15 age terms. [A] stores them positive; [P] negative. Negative
is implemented (a positive value would rank an 11-year-old girl far above a 16-year-old girl);
``female_youth_negative=False`` reproduces [A]. Adults (18+) are unaffected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from desist.rules.actuarial import (
    Band,
    OffenceMapping,
    OffenceNotScorable,
    Sex,
    Term,
    age_on,
    band_for,
    career_years,
    coef,
    coefficients,
    copas_log,
    logistic,
    resolve_offence,
    round_half_up,
    term_value,
    validate_history,
    whole_percent,
)

COPAS_CAREER_BOOST = 10
BAND_THRESHOLDS = (50, 75, 90)
UNSCORABLE_CATEGORIES = frozenset({"NEED_DETAILS_OF_EXACT_OFFENCE", "NO_OGRS3_MAPPING", ""})

TERM_AGE_GENDER = "age_gender"
TERM_CONVICTION_STATUS = "conviction_status"
TERM_COPAS = "copas"
TERM_OFFENCE = "offence"


@dataclass(frozen=True)
class Ogrs3Offence:
    """The OGRS3 offence category and its weight, already resolved from the offence code."""

    category: str
    weight: float


@dataclass(frozen=True)
class Ogrs3Input:
    sex: Sex
    date_of_birth: date
    conviction_date: date
    start_of_follow_up: date
    total_sanctions: int
    age_at_first_sanction: int
    offence: Ogrs3Offence


@dataclass(frozen=True)
class Ogrs3Result:
    one_year: int
    two_year: int
    band: Band
    p_one_year: float
    p_two_year: float
    linear_sum: float
    terms: tuple[Term, ...]

    def term(self, name: str) -> float:
        return term_value(self.terms, name)


def _table() -> Mapping[str, object]:
    return coefficients()["legacy"]["ogrs3"]


def ogrs3_offence(category: str) -> Ogrs3Offence:
    """Offence weight for an OGRS3 category name from the coefficient table."""
    weights = _table()["offence_category"]
    if category not in weights:  # type: ignore[operator]
        raise OffenceNotScorable(f"no OGRS3 weight for category {category!r}")
    return Ogrs3Offence(category, coef("legacy", "ogrs3", "offence_category", category))


def ogrs3_offence_from_mapping(mapping: OffenceMapping) -> Ogrs3Offence:
    """OGRS3 category of a mapped offence code; codes needing a subcode are not scorable."""
    if mapping.ogrs3_category in UNSCORABLE_CATEGORIES or mapping.ogrs3_weight is None:
        raise OffenceNotScorable(
            f"offence code {mapping.code} has no OGRS3 category ({mapping.ogrs3_category or '-'})"
        )
    return Ogrs3Offence(mapping.ogrs3_category, mapping.ogrs3_weight)


def ogrs3_offence_for_code(
    code: str, table: Mapping[str, OffenceMapping] | None = None
) -> Ogrs3Offence:
    return ogrs3_offence_from_mapping(resolve_offence(code, table))


def age_gender_weight(age: int, sex: Sex, *, female_youth_negative: bool = True) -> float:
    """A(age, sex): banded by inclusive lower bounds 10, 12, 14, 16, 18, 21, 25, 30, 35, 40, 50."""
    if age < 10:
        raise ValueError("OGRS3 is not defined below age 10")
    bands = _table()["age_bands_lower_bound"]
    lower = max(int(b) for b in bands if int(b) <= age)  # type: ignore[union-attr]
    weight = coef("legacy", "ogrs3", "age_bands_lower_bound", str(lower), sex.value.lower())
    if sex is Sex.FEMALE and age < 16 and not female_youth_negative:
        weight = abs(weight)
    return weight


def ogrs3_probabilities(linear_sum: float) -> tuple[float, float]:
    """(p1, p2) to 5 dp from the sum of terms excluding the intercepts."""
    p1 = logistic(coef("legacy", "ogrs3", "intercept_1yr") + linear_sum)
    p2 = logistic(coef("legacy", "ogrs3", "intercept_2yr") + linear_sum)
    return round_half_up(p1, 5), round_half_up(p2, 5)


def ogrs3_band(two_year: int) -> Band:
    return band_for(two_year, BAND_THRESHOLDS)


def ogrs3(inp: Ogrs3Input, *, female_youth_negative: bool = True) -> Ogrs3Result:
    """Score OGRS3. Age band uses age at SoF; the Copas rate uses age at conviction."""
    age_at_conviction = age_on(inp.date_of_birth, inp.conviction_date)
    validate_history(inp.total_sanctions, inp.age_at_first_sanction, age_at_conviction)
    career = career_years(age_at_conviction, inp.age_at_first_sanction)
    age_at_sof = age_on(inp.date_of_birth, inp.start_of_follow_up)

    status = "first_sanction" if inp.total_sanctions == 1 else "repeat_sanction"
    terms = (
        Term(
            TERM_AGE_GENDER,
            age_gender_weight(age_at_sof, inp.sex, female_youth_negative=female_youth_negative),
        ),
        Term(TERM_CONVICTION_STATUS, coef("legacy", "ogrs3", status)),
        Term(
            TERM_COPAS,
            coef("legacy", "ogrs3", "copas_coefficient")
            * copas_log(inp.total_sanctions, career, COPAS_CAREER_BOOST),
        ),
        Term(TERM_OFFENCE, inp.offence.weight),
    )
    linear_sum = sum(t.value for t in terms)
    p1, p2 = ogrs3_probabilities(linear_sum)
    two_year = whole_percent(p2)
    return Ogrs3Result(
        one_year=whole_percent(p1),
        two_year=two_year,
        band=ogrs3_band(two_year),
        p_one_year=p1,
        p_two_year=p2,
        linear_sum=linear_sum,
        terms=terms,
    )
