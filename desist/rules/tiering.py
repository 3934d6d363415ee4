"""HMPPS case tiering: the v2 (Protect A-D x Change 0-3) and v3 (A-G) models.

HMPPS runs both models side by side on every calculation, so Desist does too:

* **v2** is still what workload (WMT) points are keyed on (hmpps-workload reads the legacy
  endpoint, tiers ``A3``..``D0`` and ``A3S``..``D0S``), so we keep its levels, its points
  breakdown and the ``S`` (unsupervised) suffix.
* **v3** (added March 2026, revised June 2026, behind the ``tier-v3-calculation`` flag) is the
  newer single tier for allocation and supervision packages, with a ``provisional`` flag and
  the ``NOT_SUPERVISED`` / ``MISSING`` statuses.

Neither model replaces the other by date: :func:`calculate_tiers` always runs both and the
caller stores both (v2 levels, points and suffix; v3 tier and provisional flag), as the notes
advise. Only the rules carry dates: the 55-week OASys window (v2), the lifer/IPP release
windows (v3), and no age limit on v3 predictors (removed March 2026).

Every result carries its breakdown (which points or step produced what) so a practitioner can
see why a case is ``B2`` or ``C``, not just that it is.

Sources (the rule wording is ours; no source code is copied):

* ``ministryofjustice/hmpps-tier`` @ ``affac98aa31db76f1856de066cb9a65e54c43cee`` (2026-08-17):
  ``service/calculation/ProtectLevelCalculator.kt``, ``ChangeLevelCalculator.kt``,
  ``MandateForChange.kt``, ``AdditionalFactorsForWomen.kt``, ``TierCalculator.kt``,
  ``ProvisionalStatusCalculator.kt``, ``client/arns/NeedSection.kt``, ``SectionAnswer.kt``,
  ``domain/Registrations.kt`` and their tests.
* ``hmpps-assess-risks-and-needs`` (ARNS) for which OASys assessment counts (55 weeks).
* Desist practice notes: ``shared/practice/tiering-and-workload.md`` section 1 (and section 3
  for the vector format); vectors in ``desist/rules/tests/vectors/tiering.json`` (305).

Dates: the source uses the real clock; here "today" is always passed in as ``as_of`` so a
calculation can be replayed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import TypeVar

__all__ = [
    "ASSESSMENT_MAX_AGE",
    "Answer",
    "Assessment",
    "ChangeResult",
    "Conviction",
    "DcSrp",
    "DcSrpBand",
    "Gender",
    "MappaCategory",
    "MappaLevel",
    "Need",
    "NeedSeverity",
    "PointsItem",
    "Predictor",
    "PredictorType",
    "Predictors",
    "ProtectResult",
    "RawRegistration",
    "Registration",
    "RegistrationSummary",
    "Requirement",
    "Rosh",
    "Rule",
    "Step",
    "Tier",
    "TierCalculation",
    "TierCase",
    "TieringInputError",
    "V2Result",
    "V3Result",
    "V3Status",
    "WomenAnswers",
    "YesNo",
    "calculate_change",
    "calculate_protect",
    "calculate_tiers",
    "calculate_v2",
    "calculate_v3",
    "current_assessment",
    "has_mandate_for_change",
    "need_section_score",
    "need_section_severity",
    "registrations_from_raw",
    "reoffending_tier",
    "v3_provisional_reasons",
    "v3_step_tiers",
    "women_factor_points",
]


_E = TypeVar("_E", bound=StrEnum)


class TieringInputError(ValueError):
    """Input the source rejects (it throws), so we refuse to guess a tier."""


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------


class Gender(StrEnum):
    MALE = "MALE"
    FEMALE = "FEMALE"


class Rosh(StrEnum):
    """Risk of serious harm level, from the most recent RoSH registration."""

    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    VERY_HIGH = "VERY_HIGH"


class MappaLevel(StrEnum):
    M1 = "M1"
    M2 = "M2"
    M3 = "M3"


class MappaCategory(StrEnum):
    M1 = "M1"
    M2 = "M2"
    M3 = "M3"
    M4 = "M4"


class Registration(StrEnum):
    """Neutral names for the Delius registrations tiering reads (flags and complexity factors).

    ``CHILD_PROTECTION`` (RCPR) is both a v2 complexity factor and the v3 child-protection flag.
    """

    IOM = "IOM"
    LIFER_IPP = "LIFER_IPP"
    DOMESTIC_ABUSE = "DOMESTIC_ABUSE"
    STALKING = "STALKING"
    CHILD_PROTECTION = "CHILD_PROTECTION"
    UNSUPERVISED = "UNSUPERVISED"
    MENTAL_HEALTH = "MENTAL_HEALTH"
    SELF_HARM = "SELF_HARM"
    VULNERABILITY = "VULNERABILITY"
    CHILD_CONCERNS = "CHILD_CONCERNS"
    RISK_TO_CHILDREN = "RISK_TO_CHILDREN"
    PUBLIC_INTEREST = "PUBLIC_INTEREST"
    ADULT_AT_RISK = "ADULT_AT_RISK"
    STREET_GANGS = "STREET_GANGS"
    TERRORISM = "TERRORISM"


COMPLEXITY_FACTORS: frozenset[Registration] = frozenset(
    {
        Registration.MENTAL_HEALTH,
        Registration.SELF_HARM,
        Registration.VULNERABILITY,
        Registration.CHILD_CONCERNS,
        Registration.CHILD_PROTECTION,
        Registration.RISK_TO_CHILDREN,
        Registration.PUBLIC_INTEREST,
        Registration.ADULT_AT_RISK,
        Registration.STREET_GANGS,
        Registration.TERRORISM,
    }
)


class Need(StrEnum):
    """OASys criminogenic need sections used by the v2 change level."""

    ACCOMMODATION = "ACCOMMODATION"
    EDUCATION_TRAINING_AND_EMPLOYABILITY = "EDUCATION_TRAINING_AND_EMPLOYABILITY"
    RELATIONSHIPS = "RELATIONSHIPS"
    LIFESTYLE_AND_ASSOCIATES = "LIFESTYLE_AND_ASSOCIATES"
    DRUG_MISUSE = "DRUG_MISUSE"
    ALCOHOL_MISUSE = "ALCOHOL_MISUSE"
    THINKING_AND_BEHAVIOUR = "THINKING_AND_BEHAVIOUR"
    ATTITUDES = "ATTITUDES"
    FINANCIAL_MANAGEMENT_AND_INCOME = "FINANCIAL_MANAGEMENT_AND_INCOME"
    EMOTIONAL_WELL_BEING = "EMOTIONAL_WELL_BEING"


class NeedSeverity(StrEnum):
    NO_NEED = "NO_NEED"
    STANDARD = "STANDARD"
    SEVERE = "SEVERE"


class YesNo(StrEnum):
    YES = "YES"
    NO = "NO"
    UNKNOWN = "UNKNOWN"


class Answer(StrEnum):
    """Raw OASys answers. ``UNKNOWN`` is the yes/no unknown; ``FREQUENCY_UNKNOWN`` is not the
    same thing: it scores 0 but still counts as an answer, as in the source."""

    YES = "YES"
    NO = "NO"
    UNKNOWN = "UNKNOWN"
    NONE = "NONE"
    SOME = "SOME"
    SIGNIFICANT = "SIGNIFICANT"
    MISSING = "MISSING"
    NEVER = "NEVER"
    PREVIOUS = "PREVIOUS"
    CURRENTLY = "CURRENTLY"
    FREQUENCY_UNKNOWN = "FREQUENCY_UNKNOWN"


class PredictorType(StrEnum):
    STATIC = "STATIC"
    DYNAMIC = "DYNAMIC"


class DcSrpBand(StrEnum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    VERY_HIGH = "VERY_HIGH"
    NOT_APPLICABLE = "NOT_APPLICABLE"


class Tier(StrEnum):
    """v3 tier; A is the highest. Letters sort alphabetically, so ``min`` is the highest."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"
    G = "G"


class V3Status(StrEnum):
    """v3 outcomes that are not a tier."""

    NOT_SUPERVISED = "NOT_SUPERVISED"
    MISSING = "MISSING"


class Step(StrEnum):
    """The v3 steps, each of which may propose a tier."""

    REOFFENDING = "REOFFENDING"
    SEXUAL_REOFFENDING = "SEXUAL_REOFFENDING"
    MAPPA_ROSH = "MAPPA_ROSH"
    LIFER_IPP = "LIFER_IPP"
    DOMESTIC_ABUSE = "DOMESTIC_ABUSE"
    STALKING = "STALKING"
    CHILD_PROTECTION = "CHILD_PROTECTION"
    SEXUAL_OFFENCES = "SEXUAL_OFFENCES"


class Rule(StrEnum):
    """Where v2 points came from (names follow the source's ``CalculationRule``)."""

    RSR = "RSR"
    ROSH = "ROSH"
    MAPPA = "MAPPA"
    COMPLEXITY = "COMPLEXITY"
    ADDITIONAL_FACTORS_FOR_WOMEN = "ADDITIONAL_FACTORS_FOR_WOMEN"
    NEEDS = "NEEDS"
    OGRS = "OGRS"
    IOM = "IOM"
    NO_MANDATE_FOR_CHANGE = "NO_MANDATE_FOR_CHANGE"
    NO_VALID_ASSESSMENT = "NO_VALID_ASSESSMENT"


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def _decimal(value: Decimal | float | int | str) -> Decimal:
    """Decimal from its shortest decimal text, as the source's ``BigDecimal`` parsing does."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a score cannot be a bool")
    return Decimal(str(value))


def _opt_enum(kind: type[_E], value: str | None) -> _E | None:
    return None if value is None else kind(value)


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


@dataclass(frozen=True)
class Requirement:
    """A community requirement on a conviction (only its main category and restrictiveness
    matter for the mandate for change)."""

    main_category_code: str
    restrictive: bool


@dataclass(frozen=True)
class Conviction:
    """A current event: sentence type code (``NC``/``SC`` are custodial), termination, and
    requirements."""

    sentence_type_code: str
    terminated: bool = False
    requirements: tuple[Requirement, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "requirements", tuple(self.requirements))


@dataclass(frozen=True)
class WomenAnswers:
    """The OASys answers behind the women's additional factors (None = unanswered).

    Parenting is OASys 6.9; impulsivity 11.2 and temper control 11.4 are scored 0-2.
    """

    parenting_responsibilities: YesNo | None = None
    impulsivity: int | None = None
    temper_control: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "parenting_responsibilities",
            _opt_enum(YesNo, self.parenting_responsibilities),
        )


@dataclass(frozen=True)
class Assessment:
    """The latest OASys Layer 3 assessment that ARNS would supply (COMPLETE or
    LOCKED_INCOMPLETE). Its age is checked against ``as_of`` by :func:`current_assessment`."""

    completed_date: dt.date
    san_indicator: bool = False
    needs: Mapping[Need, NeedSeverity] = field(default_factory=dict)
    parenting_responsibilities: YesNo | None = None
    impulsivity: int | None = None
    temper_control: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "completed_date", _date(self.completed_date))
        needs = {Need(k): NeedSeverity(v) for k, v in self.needs.items()}
        object.__setattr__(self, "needs", MappingProxyType(needs))
        object.__setattr__(
            self,
            "parenting_responsibilities",
            _opt_enum(YesNo, self.parenting_responsibilities),
        )

    def __hash__(self) -> int:  # the needs mapping is read-only, so hash its items
        return hash(
            (
                self.completed_date,
                self.san_indicator,
                tuple(sorted(self.needs.items())),
                self.women_answers,
            )
        )

    @property
    def women_answers(self) -> WomenAnswers:
        return WomenAnswers(self.parenting_responsibilities, self.impulsivity, self.temper_control)


@dataclass(frozen=True)
class Predictor:
    """An OGRS4-era predictor (ARP or CSRP): a percentage score and whether it is static."""

    score: Decimal
    type: PredictorType

    def __post_init__(self) -> None:
        object.__setattr__(self, "score", _decimal(self.score))
        object.__setattr__(self, "type", PredictorType(self.type))


@dataclass(frozen=True)
class DcSrp:
    """Direct-contact sexual reoffending predictor: score and band (either may be absent)."""

    score: Decimal | None
    band: DcSrpBand | None

    def __post_init__(self) -> None:
        if self.score is not None:
            object.__setattr__(self, "score", _decimal(self.score))
        object.__setattr__(self, "band", _opt_enum(DcSrpBand, self.band))


@dataclass(frozen=True)
class Predictors:
    """The latest OGRS4 predictor set (no age limit since March 2026)."""

    arp: Predictor | None = None
    csrp: Predictor | None = None
    dc_srp: DcSrp | None = None


@dataclass(frozen=True)
class TierCase:
    """Everything both models read about one case, under the neutral names of the notes'
    input table. Strings are accepted for the enum fields and coerced."""

    has_active_event: bool = True
    gender: Gender = Gender.MALE
    rsr_percent: Decimal | None = None
    ogrs_percent: int | None = None
    rosh: Rosh | None = None
    mappa_level: MappaLevel | None = None
    mappa_category: MappaCategory | None = None
    registrations: frozenset[Registration] = frozenset()
    latest_release_date: dt.date | None = None
    previous_enforcement_activity: bool = False
    convictions: tuple[Conviction, ...] = ()
    assessment: Assessment | None = None
    predictors: Predictors | None = None
    ever_committed_sexual_offence: bool = False

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "gender", Gender(str(self.gender).upper()))
        if self.rsr_percent is not None:
            set_(self, "rsr_percent", _decimal(self.rsr_percent))
        set_(self, "rosh", _opt_enum(Rosh, self.rosh))
        set_(self, "mappa_level", _opt_enum(MappaLevel, self.mappa_level))
        set_(self, "mappa_category", _opt_enum(MappaCategory, self.mappa_category))
        set_(self, "registrations", frozenset(Registration(r) for r in self.registrations))
        set_(self, "latest_release_date", _date(self.latest_release_date))
        set_(self, "convictions", tuple(self.convictions))

    @property
    def complexity_factors(self) -> frozenset[Registration]:
        return self.registrations & COMPLEXITY_FACTORS


# --------------------------------------------------------------------------------------------
# Registrations from raw Delius codes
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RawRegistration:
    """A Delius registration as received: type code, MAPPA level/category, registration date."""

    code: str
    date: dt.date
    level: str | None = None
    category: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "date", _date(self.date))


@dataclass(frozen=True)
class RegistrationSummary:
    """What tiering reads from the registrations list."""

    rosh: Rosh | None
    mappa_level: MappaLevel | None
    mappa_category: MappaCategory | None
    registrations: frozenset[Registration]

    @property
    def complexity_factors(self) -> frozenset[Registration]:
        return self.registrations & COMPLEXITY_FACTORS


_ROSH_CODES = {"RVHR": Rosh.VERY_HIGH, "RHRH": Rosh.HIGH, "RMRH": Rosh.MEDIUM, "RLRH": Rosh.LOW}
# Flag codes match exactly (source behaviour); complexity codes match case-insensitively.
_FLAG_CODES = {
    "IIOM": Registration.IOM,
    "INLL": Registration.LIFER_IPP,
    "ADVP": Registration.DOMESTIC_ABUSE,
    "REG30": Registration.DOMESTIC_ABUSE,
    "SPO": Registration.STALKING,
    "RCPR": Registration.CHILD_PROTECTION,
    "PRC": Registration.UNSUPERVISED,
}
_COMPLEXITY_CODES = {
    "RMDO": Registration.MENTAL_HEALTH,
    "ALSH": Registration.SELF_HARM,
    "RVLN": Registration.VULNERABILITY,
    "RCCO": Registration.CHILD_CONCERNS,
    "RCPR": Registration.CHILD_PROTECTION,
    "RCHD": Registration.RISK_TO_CHILDREN,
    "RPIR": Registration.PUBLIC_INTEREST,
    "RVAD": Registration.ADULT_AT_RISK,
    "STRG": Registration.STREET_GANGS,
    "RTAO": Registration.TERRORISM,
}


def registrations_from_raw(raw: Iterable[RawRegistration]) -> RegistrationSummary:
    """Read RoSH, MAPPA and flags from Delius registrations the way hmpps-tier does.

    ``HREG`` (historic) is dropped; the rest are sorted newest first (stable) and the first
    match wins. An invalid MAPPA level (e.g. ``M0``) gives no level, but an older valid
    ``MAPP`` registration can still supply one.
    """
    current = sorted((r for r in raw if r.code != "HREG"), key=lambda r: r.date, reverse=True)
    rosh = next(
        (_ROSH_CODES[r.code.upper()] for r in current if r.code.upper() in _ROSH_CODES), None
    )
    mappa = [r for r in current if r.code == "MAPP"]
    level = next(
        (
            MappaLevel(r.level.upper())
            for r in mappa
            if r.level is not None and r.level.upper() in MappaLevel.__members__
        ),
        None,
    )
    category = None
    latest_category = (mappa[0].category or "").upper() if mappa else ""
    if latest_category in MappaCategory.__members__:
        category = MappaCategory(latest_category)
    flags: set[Registration] = set()
    for r in current:
        if r.code in _FLAG_CODES:
            flags.add(_FLAG_CODES[r.code])
        if r.code.upper() in _COMPLEXITY_CODES:
            flags.add(_COMPLEXITY_CODES[r.code.upper()])
    return RegistrationSummary(rosh, level, category, frozenset(flags))


# --------------------------------------------------------------------------------------------
# OASys need sections (raw answers -> severity)
# --------------------------------------------------------------------------------------------

_ANSWER_SCORE = {
    Answer.YES: 2,
    Answer.NO: 0,
    Answer.UNKNOWN: 0,
    Answer.NONE: 0,
    Answer.SOME: 1,
    Answer.SIGNIFICANT: 2,
    Answer.MISSING: 0,
    Answer.NEVER: 0,
    Answer.PREVIOUS: 1,
    Answer.CURRENTLY: 2,
    Answer.FREQUENCY_UNKNOWN: 0,
}
_UNANSWERED = frozenset({Answer.MISSING, Answer.UNKNOWN})

# (standard, severe) thresholds, and the SAN (Strengths and Needs) overrides where they exist.
_NEED_THRESHOLDS: Mapping[Need, tuple[int, int]] = {
    Need.ACCOMMODATION: (2, 7),
    Need.EDUCATION_TRAINING_AND_EMPLOYABILITY: (3, 7),
    Need.RELATIONSHIPS: (2, 5),
    Need.LIFESTYLE_AND_ASSOCIATES: (2, 5),
    Need.DRUG_MISUSE: (2, 8),
    Need.ALCOHOL_MISUSE: (4, 7),
    Need.THINKING_AND_BEHAVIOUR: (4, 7),
    Need.ATTITUDES: (2, 7),
}
_SAN_THRESHOLDS: Mapping[Need, tuple[int, int]] = {
    Need.ACCOMMODATION: (3, 5),
    Need.DRUG_MISUSE: (2, 6),
    Need.ALCOHOL_MISUSE: (2, 4),
    Need.THINKING_AND_BEHAVIOUR: (3, 5),
    Need.ATTITUDES: (1, 5),
}


def need_section_score(answers: Mapping[str, Answer | str]) -> int | None:
    """Sum of a section's answers; None when nothing was really answered (all Missing or
    yes/no Unknown), so an empty section is left out of the change points rather than
    scoring as "no need"."""
    values = [Answer(a) for a in answers.values()]
    if all(a in _UNANSWERED for a in values):
        return None
    return sum(_ANSWER_SCORE[a] for a in values)


def need_section_severity(
    section: Need | str, answers: Mapping[str, Answer | str], san_indicator: bool
) -> NeedSeverity | None:
    """Severity of one OASys section; SAN assessments use the lower override thresholds
    where the source defines them."""
    section = Need(section)
    if section not in _NEED_THRESHOLDS:
        raise TieringInputError(f"{section} has no severity thresholds")
    score = need_section_score(answers)
    if score is None:
        return None
    standard, severe = _NEED_THRESHOLDS[section]
    if san_indicator and section in _SAN_THRESHOLDS:
        standard, severe = _SAN_THRESHOLDS[section]
    if score >= severe:
        return NeedSeverity.SEVERE
    if score >= standard:
        return NeedSeverity.STANDARD
    return NeedSeverity.NO_NEED


# --------------------------------------------------------------------------------------------
# v2: shared pieces
# --------------------------------------------------------------------------------------------

#: An assessment completed exactly this long before ``as_of`` still counts.
ASSESSMENT_MAX_AGE = dt.timedelta(weeks=55)


def current_assessment(assessment: Assessment | None, as_of: dt.date) -> Assessment | None:
    """The assessment if ARNS would still supply it (completed within 55 weeks, inclusive)."""
    if assessment is None or assessment.completed_date < as_of - ASSESSMENT_MAX_AGE:
        return None
    return assessment


@dataclass(frozen=True)
class PointsItem:
    """One line of a v2 points breakdown. ``counted`` is False for the lower of RSR and RoSH,
    which is shown (so nobody wonders where it went) but not added."""

    rule: Rule
    points: int
    detail: str
    counted: bool = True


_CUSTODIAL_SENTENCE_TYPES = frozenset({"NC", "SC"})
_UNPAID_WORK_CATEGORIES = frozenset({"W", "W1"})  # unpaid work, order extended


def has_mandate_for_change(convictions: Iterable[Conviction]) -> bool:
    """Whether supervision can work on change: a current custodial sentence, or a current
    non-restrictive requirement other than unpaid work. Without it the change level is 0."""
    for conviction in convictions:
        if conviction.terminated:
            continue
        if conviction.sentence_type_code in _CUSTODIAL_SENTENCE_TYPES:
            return True
        if any(
            not r.restrictive and r.main_category_code not in _UNPAID_WORK_CATEGORIES
            for r in conviction.requirements
        ):
            return True
    return False


def women_factor_points(
    female: bool, answers: WomenAnswers | None, previous_enforcement_activity: bool
) -> int:
    """Women's additional protect points: parenting 2, impulsivity/temper 2 (once),
    breach/recall 2. Men get 0; with no assessment only the breach/recall part can score."""
    if not female:
        return 0
    points = 2 if previous_enforcement_activity else 0
    if answers is not None:
        if answers.parenting_responsibilities == YesNo.YES:
            points += 2
        if (answers.impulsivity or 0) > 0 or (answers.temper_control or 0) > 0:
            points += 2
    return points


# --------------------------------------------------------------------------------------------
# v2: protect level
# --------------------------------------------------------------------------------------------

PROTECT_A = 150
PROTECT_B = 20
PROTECT_C = 10

# The source builds its RSR bands from binary doubles: ``Decimal(99.99)`` is 99.98999..., so
# exactly 99.99 falls outside the 20-point band, while ``Decimal(6.99)`` is 6.99000...02 and
# 6.99 stays inside the 10-point band. Reproduced deliberately (notes 1.4.1 "artefact").
_RSR_BANDS: tuple[tuple[Decimal, Decimal, int], ...] = (
    (Decimal(7.00), Decimal(99.99), 20),
    (Decimal(3.00), Decimal(6.99), 10),
)
_ROSH_POINTS = {Rosh.VERY_HIGH: 150, Rosh.HIGH: 20, Rosh.MEDIUM: 10, Rosh.LOW: 0}
_MAPPA_POINTS = {MappaLevel.M3: 150, MappaLevel.M2: 150, MappaLevel.M1: 5}


def _rsr_points(rsr: Decimal) -> int:
    for low, high, points in _RSR_BANDS:
        if low <= rsr <= high:
            return points
    return 0


@dataclass(frozen=True)
class ProtectResult:
    """v2 protect level (A-D, risk of harm) with the points behind it."""

    level: str
    points: int
    breakdown: tuple[PointsItem, ...]

    def points_for(self, rule: Rule) -> int:
        return sum(i.points for i in self.breakdown if i.rule == rule)


def _protect_level(points: int) -> str:
    if points >= PROTECT_A:
        return "A"
    if points >= PROTECT_B:
        return "B"
    if points >= PROTECT_C:
        return "C"
    return "D"


def calculate_protect(case: TierCase, as_of: dt.date) -> ProtectResult:
    """v2 protect points: the higher of RSR and RoSH, plus MAPPA level, complexity factors and
    (for women) the additional factors."""
    rsr = case.rsr_percent if case.rsr_percent is not None else Decimal(0)
    rsr_points = _rsr_points(rsr)
    rosh_points = _ROSH_POINTS.get(case.rosh, 0) if case.rosh else 0
    rsr_counts = rsr_points >= rosh_points
    factors = sorted(case.complexity_factors)
    assessment = current_assessment(case.assessment, as_of)
    female = case.gender == Gender.FEMALE
    women = women_factor_points(
        female,
        assessment.women_answers if assessment else None,
        case.previous_enforcement_activity,
    )
    lower_note = " (not counted: only the higher of RSR and RoSH counts)"
    items = (
        PointsItem(
            Rule.RSR,
            rsr_points,
            f"RSR {rsr}%" + ("" if rsr_counts else lower_note),
            counted=rsr_counts,
        ),
        PointsItem(
            Rule.ROSH,
            rosh_points,
            f"RoSH {case.rosh or 'none'}" + ("" if not rsr_counts else lower_note),
            counted=not rsr_counts,
        ),
        PointsItem(
            Rule.MAPPA,
            _MAPPA_POINTS.get(case.mappa_level, 0) if case.mappa_level else 0,
            f"MAPPA level {case.mappa_level or 'none'}",
        ),
        PointsItem(
            Rule.COMPLEXITY,
            2 * len(factors),
            "complexity factors: " + (", ".join(factors) if factors else "none"),
        ),
        PointsItem(
            Rule.ADDITIONAL_FACTORS_FOR_WOMEN,
            women,
            "women's additional factors" if female else "women's additional factors (n/a)",
        ),
    )
    total = sum(i.points for i in items if i.counted)
    return ProtectResult(_protect_level(total), total, items)


# --------------------------------------------------------------------------------------------
# v2: change level
# --------------------------------------------------------------------------------------------

CHANGE_3 = 20
CHANGE_2 = 10
IOM_POINTS = 2

_NEED_WEIGHT = {
    Need.ACCOMMODATION: 1,
    Need.EDUCATION_TRAINING_AND_EMPLOYABILITY: 1,
    Need.RELATIONSHIPS: 1,
    Need.LIFESTYLE_AND_ASSOCIATES: 1,
    Need.DRUG_MISUSE: 1,
    Need.ALCOHOL_MISUSE: 1,
    Need.THINKING_AND_BEHAVIOUR: 2,
    Need.ATTITUDES: 2,
    Need.FINANCIAL_MANAGEMENT_AND_INCOME: 0,
    Need.EMOTIONAL_WELL_BEING: 0,
}
_SEVERITY_SCORE = {NeedSeverity.NO_NEED: 0, NeedSeverity.STANDARD: 1, NeedSeverity.SEVERE: 2}


@dataclass(frozen=True)
class ChangeResult:
    """v2 change level (0-3, need and capacity to change) with the points behind it.

    ``need_points`` shows each assessed section: (section, severity, weighted points).
    """

    level: int
    points: int
    breakdown: tuple[PointsItem, ...]
    need_points: tuple[tuple[Need, NeedSeverity, int], ...] = ()

    def points_for(self, rule: Rule) -> int:
        return sum(i.points for i in self.breakdown if i.rule == rule)


def calculate_change(case: TierCase, as_of: dt.date) -> ChangeResult:
    """v2 change level: 0 without a mandate for change, 2 without a valid assessment, else
    weighted needs + OGRS/10 + IOM banded at 10 and 20."""
    if not has_mandate_for_change(case.convictions):
        item = PointsItem(Rule.NO_MANDATE_FOR_CHANGE, 0, "no current custody or change work")
        return ChangeResult(0, 0, (item,))
    assessment = current_assessment(case.assessment, as_of)
    if assessment is None:
        item = PointsItem(Rule.NO_VALID_ASSESSMENT, 0, "no OASys Layer 3 within 55 weeks")
        return ChangeResult(2, 0, (item,))
    needs = tuple(
        (need, severity, _NEED_WEIGHT[need] * _SEVERITY_SCORE[severity])
        for need, severity in sorted(assessment.needs.items())
    )
    needs_total = sum(p for _, _, p in needs)
    ogrs = case.ogrs_percent or 0
    ogrs_points = int(ogrs) // 10
    iom = Registration.IOM in case.registrations
    items = (
        PointsItem(
            Rule.NEEDS,
            needs_total,
            "; ".join(f"{n} {s} {p}" for n, s, p in needs if p) or "no weighted needs",
        ),
        PointsItem(Rule.OGRS, ogrs_points, f"OGRS {ogrs}% / 10"),
        PointsItem(Rule.IOM, IOM_POINTS if iom else 0, "IOM nominal" if iom else "not IOM"),
    )
    total = sum(i.points for i in items)
    level = 3 if total >= CHANGE_3 else 2 if total >= CHANGE_2 else 1
    return ChangeResult(level, total, items, needs)


# --------------------------------------------------------------------------------------------
# v2: result
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class V2Result:
    """v2 tier: protect letter + change digit + ``S`` when unsupervised (PRC registration)."""

    protect: ProtectResult
    change: ChangeResult
    unsupervised: bool

    @property
    def tier(self) -> str:
        return f"{self.protect.level}{self.change.level}{'S' if self.unsupervised else ''}"


def calculate_v2(case: TierCase, as_of: dt.date) -> V2Result:
    """The v2 (Protect x Change) tier with its breakdown."""
    return V2Result(
        calculate_protect(case, as_of),
        calculate_change(case, as_of),
        Registration.UNSUPERVISED in case.registrations,
    )


# --------------------------------------------------------------------------------------------
# v3
# --------------------------------------------------------------------------------------------

_CSRP_ROWS = (Decimal("6.9"), Decimal("3.0"), Decimal("1.0"), Decimal("0.5"), Decimal(0))
_ARP_COLUMNS = (Decimal(90), Decimal(75), Decimal(50), Decimal(25), Decimal(15), Decimal(0))
_REOFFENDING_TABLE: tuple[tuple[Tier, ...], ...] = tuple(
    tuple(Tier(c) for c in row.split())
    for row in (
        "A A B B B B",  # CSRP >= 6.9
        "A B C C C C",  # CSRP >= 3.0
        "B C D E E E",  # CSRP >= 1.0
        "C D E E F F",  # CSRP >= 0.5
        "D D E F F G",  # CSRP >= 0
    )
)

# Medium DC-SRP: first pair without risk reduction, second pair with it (odd, but the source).
_DC_SRP_MEDIUM = (
    (Decimal("3.36"), Tier.C),
    (Decimal("2.11"), Tier.D),
    (Decimal("1.12"), Tier.C),
    (Decimal("0.60"), Tier.D),
)


def _first_index(score: Decimal, thresholds: Sequence[Decimal]) -> int:
    for i, threshold in enumerate(thresholds):
        if score >= threshold:
            return i
    raise TieringInputError(f"negative predictor score {score}")


def reoffending_tier(arp: Decimal | float | None, csrp: Decimal | float | None) -> Tier:
    """Table 1: ARP x CSRP. ``None`` stands for "+infinity" (used when a static predictor's
    best possible tier is needed for the provisional check)."""
    row = 0 if csrp is None else _first_index(_decimal(csrp), _CSRP_ROWS)
    col = 0 if arp is None else _first_index(_decimal(arp), _ARP_COLUMNS)
    return _REOFFENDING_TABLE[row][col]


def _sexual_reoffending_tier(dc: DcSrp | None) -> Tier | None:
    if dc is None or dc.score is None or dc.score <= 0:
        return None
    if dc.band is None or dc.band == DcSrpBand.NOT_APPLICABLE:
        return None
    if dc.band == DcSrpBand.VERY_HIGH:
        return Tier.A
    if dc.band == DcSrpBand.HIGH:
        return Tier.B
    if dc.band == DcSrpBand.MEDIUM:
        for threshold, tier in _DC_SRP_MEDIUM:
            if dc.score >= threshold:
                return tier
        raise TieringInputError(f"DC-SRP band MEDIUM with score {dc.score} below 0.60")
    return Tier.E


def _mappa_rosh_tier(rosh: Rosh | None, mappa_category: MappaCategory | None) -> Tier | None:
    if mappa_category is not None:
        with_mappa = {Rosh.VERY_HIGH: Tier.A, Rosh.HIGH: Tier.C, Rosh.MEDIUM: Tier.D}
        return with_mappa.get(rosh, Tier.E) if rosh is not None else Tier.E
    without_mappa = {Rosh.VERY_HIGH: Tier.C, Rosh.HIGH: Tier.D}
    return without_mappa.get(rosh) if rosh is not None else None


def _years_before(day: dt.date, years: int) -> dt.date:
    """``day`` minus whole years; 29 February becomes 28 February (as java.time does)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _lifer_tier(case: TierCase, as_of: dt.date) -> Tier | None:
    if Registration.LIFER_IPP not in case.registrations or case.latest_release_date is None:
        return None
    if case.latest_release_date >= _years_before(as_of, 1):
        return Tier.B
    if case.latest_release_date >= _years_before(as_of, 5):
        return Tier.D
    return Tier.E


def v3_step_tiers(case: TierCase, as_of: dt.date) -> dict[Step, Tier | None]:
    """Each v3 step's proposed tier (None = the step gives no tier). Needs ARP and CSRP."""
    predictors = case.predictors
    if predictors is None or predictors.arp is None or predictors.csrp is None:
        raise TieringInputError("v3 steps need ARP and CSRP scores")
    regs = case.registrations
    return {
        Step.REOFFENDING: reoffending_tier(predictors.arp.score, predictors.csrp.score),
        Step.SEXUAL_REOFFENDING: _sexual_reoffending_tier(predictors.dc_srp),
        Step.MAPPA_ROSH: _mappa_rosh_tier(case.rosh, case.mappa_category),
        Step.LIFER_IPP: _lifer_tier(case, as_of),
        Step.DOMESTIC_ABUSE: Tier.E if Registration.DOMESTIC_ABUSE in regs else None,
        Step.STALKING: Tier.F if Registration.STALKING in regs else None,
        Step.CHILD_PROTECTION: Tier.F if Registration.CHILD_PROTECTION in regs else None,
        Step.SEXUAL_OFFENCES: Tier.E if case.ever_committed_sexual_offence else None,
    }


def _highest(tiers: Iterable[Tier | None]) -> Tier:
    """The highest (alphabetically first) tier, G when none."""
    return min((t for t in tiers if t is not None), default=Tier.G)


def _at_least(tier: Tier, bar: Tier) -> bool:
    return tier <= bar  # A < B alphabetically, so "at least as high" is <=


def v3_provisional_reasons(
    rosh: Rosh | None,
    mappa_category: MappaCategory | None,
    arp: Predictor,
    csrp: Predictor,
    step_tiers: Mapping[Step, Tier | None],
) -> tuple[str, ...]:
    """Why a v3 tier is provisional (empty = not provisional).

    Static predictors, or a missing RoSH, leave the tier provisional unless some other step
    already reaches the tier the missing information could have produced.
    """
    steps = {Step(k): (None if v is None else Tier(v)) for k, v in step_tiers.items()}
    reasons: list[str] = []
    arp_static = arp.type == PredictorType.STATIC
    csrp_static = csrp.type == PredictorType.STATIC
    without_reoffending = _highest(v for k, v in steps.items() if k != Step.REOFFENDING)
    if arp_static and csrp_static:
        bar: Tier | None = Tier.A
    elif arp_static:
        bar = reoffending_tier(None, csrp.score)
    elif csrp_static:
        bar = reoffending_tier(arp.score, None)
    else:
        bar = None
    if bar is not None and not _at_least(without_reoffending, bar):
        which = "ARP and CSRP" if arp_static and csrp_static else "ARP" if arp_static else "CSRP"
        reasons.append(f"static {which}: no other step reaches tier {bar}")

    if rosh is None:
        dynamic = not arp_static and not csrp_static
        others = _highest(
            v
            for k, v in steps.items()
            if k != Step.MAPPA_ROSH and (k != Step.REOFFENDING or dynamic)
        )
        bar = Tier.A if mappa_category is not None else Tier.C
        if not _at_least(others, bar):
            reasons.append(f"RoSH missing: no step other than MAPPA/RoSH reaches tier {bar}")
    return tuple(reasons)


@dataclass(frozen=True)
class V3Result:
    """v3 tier (A-G) or status, whether it is provisional and why, and each step's tier."""

    tier: Tier | V3Status
    provisional: bool = False
    steps: Mapping[Step, Tier | None] = field(default_factory=dict)
    provisional_reasons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", MappingProxyType(dict(self.steps)))

    def __hash__(self) -> int:
        return hash((self.tier, self.provisional, tuple(self.steps.items())))

    @property
    def deciding_steps(self) -> tuple[Step, ...]:
        """The step(s) that set the tier; empty for G-by-default and for statuses."""
        return tuple(k for k, v in self.steps.items() if v is not None and v == self.tier)


def calculate_v3(case: TierCase, as_of: dt.date) -> V3Result:
    """The v3 tier: NOT_SUPERVISED without an active event, MISSING without ARP and CSRP,
    otherwise the highest step tier (G by default). Raises :class:`TieringInputError` where
    the source throws (a Medium DC-SRP scored below 0.60)."""
    if not case.has_active_event:
        return V3Result(V3Status.NOT_SUPERVISED)
    predictors = case.predictors
    if predictors is None or predictors.arp is None or predictors.csrp is None:
        return V3Result(V3Status.MISSING)
    steps = v3_step_tiers(case, as_of)
    reasons = v3_provisional_reasons(
        case.rosh, case.mappa_category, predictors.arp, predictors.csrp, steps
    )
    return V3Result(_highest(steps.values()), bool(reasons), steps, reasons)


# --------------------------------------------------------------------------------------------
# Both
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TierCalculation:
    """One calculation, both models, as HMPPS stores it."""

    as_of: dt.date
    v2: V2Result
    v3: V3Result


def calculate_tiers(case: TierCase, as_of: dt.date) -> TierCalculation:
    """Run both models for ``case`` with ``as_of`` as "today"."""
    return TierCalculation(as_of, calculate_v2(case, as_of), calculate_v3(case, as_of))
