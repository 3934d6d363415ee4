"""Shared arithmetic and reference data for the England & Wales actuarial predictors.

Every predictor module (OGRS3, OGP, OVP, SNSV, OSP, RSR, the 2026 ARP/VRP/SVRP/CSRP family)
needs the same few things: completed-years age, months in the community, the logistic link,
half-up rounding, band look-ups and the two reference files. They live here once so the
predictors cannot drift apart.

Sources (see steering/research/risk-tools.md §0): conventions for age, sanctions, start of
follow-up (SoF) and offence-free months (OFM); MoJ ``hmpps-arns-risk-actuarial-api`` [A]
(legacy tools at 1811fe74, 2026 tools at 016919c5) for the rounding and month arithmetic
(``ChronoUnit.MONTHS.between``). Coefficients: ``data/risk-predictor-coefficients.json``;
offence categories: ``data/offence-actuarial-map.csv`` (Home Office offence codes).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
COEFFICIENTS_FILE = DATA_DIR / "risk-predictor-coefficients.json"
OFFENCE_MAP_FILE = DATA_DIR / "offence-actuarial-map.csv"

OFM_CAP_MONTHS = 36


class Sex(StrEnum):
    MALE = "MALE"
    FEMALE = "FEMALE"


class Band(StrEnum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    VERY_HIGH = "VERY_HIGH"
    NOT_APPLICABLE = "NOT_APPLICABLE"


BANDS_IN_ORDER: tuple[Band, ...] = (Band.LOW, Band.MEDIUM, Band.HIGH, Band.VERY_HIGH)


class ModelType(StrEnum):
    """Static (criminal history only) or dynamic (history plus OASys need items)."""

    STATIC = "STATIC"
    DYNAMIC = "DYNAMIC"


class SupervisionStatus(StrEnum):
    COMMUNITY = "COMMUNITY"
    CUSTODY = "CUSTODY"
    REMAND = "REMAND"


class ProblemLevel(IntEnum):
    """The OASys 0-2 answer used by most scored need items."""

    NO_PROBLEMS = 0
    SOME_PROBLEMS = 1
    SIGNIFICANT_PROBLEMS = 2


class MotivationLevel(IntEnum):
    """OASys 8.8 motivation to tackle drug misuse; less motivation scores higher."""

    FULL_MOTIVATION = 0
    PARTIAL_MOTIVATION = 1
    NO_MOTIVATION = 2


class YesSometimesNo(IntEnum):
    """OASys awareness of consequences: 'no' is the risk answer, so it scores highest."""

    YES = 0
    SOMETIMES = 1
    NO = 2


class PreviousConviction(StrEnum):
    """OASys R1.2 ticks: previous offences that add weight to serious-violence models."""

    HOMICIDE = "HOMICIDE"
    WOUNDING_GBH = "WOUNDING_GBH"
    KIDNAPPING = "KIDNAPPING"
    FIREARMS = "FIREARMS"
    ROBBERY = "ROBBERY"
    AGGRAVATED_BURGLARY = "AGGRAVATED_BURGLARY"
    WEAPON = "WEAPON"
    CRIMINAL_DAMAGE = "CRIMINAL_DAMAGE"
    ARSON = "ARSON"


@dataclass(frozen=True)
class Term:
    """One named contribution (logit or points) so a practitioner can see why a score is high."""

    name: str
    value: float


def term_value(terms: Iterable[Term], name: str) -> float:
    """Look up a term by name; a missing term contributed nothing."""
    return sum(t.value for t in terms if t.name == name)


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------


def age_on(date_of_birth: date, on: date) -> int:
    """Completed years; a 29 Feb birthday is reached on 1 Mar in non-leap years."""
    if on < date_of_birth:
        raise ValueError("date is before date of birth")
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - int(before_birthday)


def add_years(day: date, years: int) -> date:
    """Anniversary of ``day``; 29 Feb rolls to 1 Mar in non-leap years (as ``age_on``)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def whole_months_between(start: date, end: date) -> int:
    """Whole calendar months from start to end, as Java's ``ChronoUnit.MONTHS.between``."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if months > 0 and end.day < start.day:
        months -= 1
    elif months < 0 and end.day > start.day:
        months += 1
    return months


def offence_free_months(start_of_follow_up: date, assessment_date: date) -> int:
    """OFM: months in the community since SoF, capped at 36; 0 while still before SoF."""
    if assessment_date < start_of_follow_up:
        return 0
    return min(whole_months_between(start_of_follow_up, assessment_date), OFM_CAP_MONTHS)


# ---------------------------------------------------------------------------------------------
# Criminal history
# ---------------------------------------------------------------------------------------------


def career_years(age_at_conviction: int, age_at_first_sanction: int) -> int:
    """Years from first sanction to the current conviction (the Copas-rate denominator)."""
    return age_at_conviction - age_at_first_sanction


def validate_history(
    total_sanctions: int,
    age_at_first_sanction: int,
    age_at_conviction: int,
    violent_sanctions: int | None = None,
) -> None:
    """Reject histories the formulas cannot score (validation rules from [A])."""
    if total_sanctions < 1:
        raise ValueError("total sanctions must include the current one (>= 1)")
    if age_at_conviction < 10:
        raise ValueError("age at current conviction must be at least 10")
    if age_at_first_sanction < 0 or age_at_first_sanction > age_at_conviction:
        raise ValueError("age at first sanction must be between 0 and age at conviction")
    if violent_sanctions is not None and not 0 <= violent_sanctions <= total_sanctions:
        raise ValueError("violent sanctions must be between 0 and total sanctions")


def copas_log(count: int, career: int, boost: int) -> float:
    """ln(count / (career + boost)): the Copas rate of offending used by every logistic model."""
    return math.log(count / (career + boost))


# ---------------------------------------------------------------------------------------------
# Arithmetic
# ---------------------------------------------------------------------------------------------


def logistic(z: float) -> float:
    """p = e^z / (1 + e^z), written to avoid overflow for large |z|."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    ez = math.exp(z)
    return ez / (1.0 + ez)


def round_half_up(value: float, places: int) -> float:
    """Half-up rounding of the decimal value as printed (Python's round() is half-even)."""
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def whole_percent(probability: float) -> int:
    """OASys whole-% score: p to 5 dp, x100, to a whole number, clamped to 1..99."""
    p5 = Decimal(repr(probability)).quantize(Decimal("0.00001"), rounding=ROUND_HALF_UP)
    pct = int((p5 * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return min(max(pct, 1), 99)


def percent_2dp(probability: float) -> float:
    """Percentage to 2 dp (SNSV, OSP and the 2026 predictors report this)."""
    pct = Decimal(repr(probability)) * 100
    return float(pct.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def polynomial(coefficients: Sequence[float], x: float) -> float:
    """c1*x + c2*x^2 + ...: the age and OFM curves are polynomials with no constant."""
    return sum(c * x ** (i + 1) for i, c in enumerate(coefficients))


def band_for(score: float, thresholds: Sequence[float]) -> Band:
    """Band from inclusive lower bounds of MEDIUM, HIGH (and VERY_HIGH when given)."""
    band = Band.LOW
    for threshold, candidate in zip(thresholds, BANDS_IN_ORDER[1:], strict=False):
        if score >= threshold:
            band = candidate
    return band


def points_percent(points: int, per_point: float, shift: float) -> int:
    """OGP/OVP: whole % from logistic(per_point * points - shift)."""
    return whole_percent(logistic(per_point * points - shift))


# ---------------------------------------------------------------------------------------------
# Coefficients
# ---------------------------------------------------------------------------------------------


@functools.cache
def coefficients() -> Mapping[str, Any]:
    """The coefficient file as parsed JSON (values are decimal strings; use ``coef``)."""
    with COEFFICIENTS_FILE.open(encoding="utf-8") as fh:
        return json.load(fh)


def coef(*path: str) -> float:
    """One coefficient by JSON path, as a float."""
    node: Any = coefficients()
    for key in path:
        node = node[key]
    return float(node)


def coef_list(*path: str) -> tuple[float, ...]:
    node: Any = coefficients()
    for key in path:
        node = node[key]
    return tuple(float(v) for v in node)


# ---------------------------------------------------------------------------------------------
# Offence map
# ---------------------------------------------------------------------------------------------


class OffenceNotScorable(ValueError):
    """The offence code cannot be scored by this tool (unknown, unmapped or needs a subcode)."""


@dataclass(frozen=True)
class SnsvOffenceWeights:
    """SNSV offence-group and VATP (violence-against-the-person type) weights for one code."""

    category: str
    static_weight: float
    dynamic_weight: float
    vatp_category: str
    vatp_static_weight: float
    vatp_dynamic_weight: float


@dataclass(frozen=True)
class OffenceMapping:
    """One row of the offence map: a Home Office code resolved for every tool."""

    code: str
    group: str
    offence: str
    detail: str
    category_2026: str
    ogrs3_category: str
    ogrs3_weight: float | None
    snsv: SnsvOffenceWeights | None
    opd_violent_or_sexual: bool
    is_violent_sanction: bool


def _float_or_none(text: str) -> float | None:
    return float(text) if text.strip() else None


def parse_offence_rows(rows: Iterable[Mapping[str, str]]) -> dict[str, OffenceMapping]:
    """Build the code -> mapping table from CSV-shaped rows (file or admin reference data)."""
    table: dict[str, OffenceMapping] = {}
    for row in rows:
        snsv = None
        if row["snsv_category"].strip():
            snsv = SnsvOffenceWeights(
                category=row["snsv_category"],
                static_weight=float(row["snsv_static_w"]),
                dynamic_weight=float(row["snsv_dynamic_w"]),
                vatp_category=row["snsv_vatp_category"],
                vatp_static_weight=float(row["snsv_vatp_static_w"] or 0),
                vatp_dynamic_weight=float(row["snsv_vatp_dynamic_w"] or 0),
            )
        code = row["ho_offence_code"].strip()
        table[code] = OffenceMapping(
            code=code,
            group=row["group"],
            offence=row["offence"],
            detail=row["detail"],
            category_2026=row["actuarial_category_2026"],
            ogrs3_category=row["ogrs3_category"],
            ogrs3_weight=_float_or_none(row["ogrs3_weight"]),
            snsv=snsv,
            opd_violent_or_sexual=row["opd_violent_or_sexual"] == "Y",
            is_violent_sanction=row["is_violent_sanction"] == "Y",
        )
    return table


OFFENCE_MAP_COLUMNS = (
    "ho_offence_code",
    "group",
    "offence",
    "detail",
    "actuarial_category_2026",
    "ogrs3_category",
    "ogrs3_weight",
    "snsv_category",
    "snsv_static_w",
    "snsv_dynamic_w",
    "snsv_vatp_category",
    "snsv_vatp_static_w",
    "snsv_vatp_dynamic_w",
    "opd_violent_or_sexual",
    "is_violent_sanction",
)
WEIGHT_COLUMNS = (
    "ogrs3_weight",
    "snsv_static_w",
    "snsv_dynamic_w",
    "snsv_vatp_static_w",
    "snsv_vatp_dynamic_w",
)
# OGRS3 categories that mean "not scored" rather than a weight (risk-tools.md §1).
OGRS3_NOT_SCORED = ("NEED_DETAILS_OF_EXACT_OFFENCE", "NO_OGRS3_MAPPING")
CATEGORY_2026_NOT_SCORED = "UNKNOWN"


def categories_2026() -> tuple[str, ...]:
    """The 2026 offence categories the predictors weight (the same in every 2026 model)."""
    table = coefficients()["new_2026"]["AllReoffendingPredictorStatic"]["offence_category"]
    return tuple(sorted(k for k in table if not k.endswith("__parts")))


def ogrs3_categories() -> tuple[str, ...]:
    return tuple(coefficients()["legacy"]["ogrs3"]["offence_category"])


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def offence_row_problems(row: Mapping[str, str]) -> list[tuple[str, str]]:
    """What is wrong with one offence-map row, as (column, message); empty when it is fit to
    score with. Checked before an administrator's change is saved, so a bad row can never stop
    the predictors (every predictor reads these columns)."""
    problems = []
    if not (row.get("ho_offence_code") or "").isdigit() or len(row["ho_offence_code"]) != 5:
        problems.append(("ho_offence_code", "must be 5 digits"))
    if not (row.get("offence") or "").strip():
        problems.append(("offence", "is empty"))
    category = row.get("actuarial_category_2026") or ""
    if category and category != CATEGORY_2026_NOT_SCORED and category not in categories_2026():
        problems.append(("actuarial_category_2026", f"{category!r} is not a 2026 category"))
    ogrs3_category = row.get("ogrs3_category") or ""
    if ogrs3_category and ogrs3_category not in (*ogrs3_categories(), *OGRS3_NOT_SCORED):
        problems.append(("ogrs3_category", f"{ogrs3_category!r} is not an OGRS3 category"))
    for column in WEIGHT_COLUMNS:
        if (row.get(column) or "").strip() and not _is_number(row[column]):
            problems.append((column, "must be a number"))
    if ogrs3_category in ogrs3_categories() and not (row.get("ogrs3_weight") or "").strip():
        problems.append(("ogrs3_weight", "is needed for an OGRS3 category"))
    if (row.get("snsv_category") or "").strip():
        for column in ("snsv_static_w", "snsv_dynamic_w"):
            if not (row.get(column) or "").strip():
                problems.append((column, "is needed for an SNSV category"))
    for column in ("opd_violent_or_sexual", "is_violent_sanction"):
        if row.get(column) not in ("Y", "N"):
            problems.append((column, "must be Y or N"))
    return problems


@dataclass(frozen=True)
class RowProblem:
    """A problem in an uploaded offence map, numbered as a spreadsheet shows the rows."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}, {self.column.replace('_', ' ')}: {self.message}"


def read_offence_map(text: str) -> tuple[list[dict[str, str]], list[RowProblem]]:
    """Every row of an offence-map CSV and every problem in it (the heading is row 1). A file
    without the expected headings is one problem; a code given twice is a problem on the second."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in OFFENCE_MAP_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        return [], [RowProblem(1, "headings", f"missing column {', '.join(missing)}")]
    rows, problems, seen = [], [], set()
    for number, raw in enumerate(reader, start=2):
        row = {c: (raw[c] or "").strip() for c in OFFENCE_MAP_COLUMNS}
        problems += [RowProblem(number, c, m) for c, m in offence_row_problems(row)]
        if row["ho_offence_code"] in seen:
            problems.append(RowProblem(number, "ho_offence_code", "is given twice"))
        seen.add(row["ho_offence_code"])
        rows.append(row)
    if not rows and not problems:
        problems.append(RowProblem(2, "ho_offence_code", "the file has no offences"))
    return rows, problems


@functools.cache
def offence_map() -> Mapping[str, OffenceMapping]:
    """The packaged offence map (the app may pass its own admin-maintained table instead)."""
    with OFFENCE_MAP_FILE.open(encoding="utf-8", newline="") as fh:
        return parse_offence_rows(csv.DictReader(fh))


def resolve_offence(code: str, table: Mapping[str, OffenceMapping] | None = None) -> OffenceMapping:
    """Look up a Home Office offence code (3-digit offence + 2-digit subcode)."""
    table = offence_map() if table is None else table
    try:
        return table[code.strip()]
    except KeyError:
        raise OffenceNotScorable(f"offence code {code!r} is not in the offence map") from None
