"""Workload points and capacity, as the current MoJ workload service computes them.

Allocation decisions lean on one number: "this practitioner is at 112%". This module works
out that number and, just as important, *why*: every result carries a breakdown a
practitioner can read (12 community cases at tier B2 x 115 points = 1,380 points, ...).

Current service (what Desist follows):
    ministryofjustice/hmpps-workload @ 1e70153e74662eb7c3f2979a1ca11e3e2067840e (2026-02-06):
    ``WorkloadCalculator`` (cases, court reports, contact adjustments), ``calculateCapacity`` and
    ``calculateAvailablePoints`` (capacity and available points), ``GetOffenderManagerService``
    (overview without a WMT record, impact of an allocation), ``V1_1__SEED_REF_DATA.sql``
    (published reference weightings).
Legacy batch WMT (kept because the old figures are still quoted and the rules are small):
    ministryofjustice/wmt-probation-rules @ daed1feee75b9dd1e79afd18ac44d7f63cc65f17
    (2021-06-28): ``app/points/*`` and ``app/context-map/om-grade-code.js``.
Our notes: ``practice/tiering-and-workload.md`` section 2; vectors ``tests/vectors/workload.json``.

Weightings are reference data, not code: ``Weightings`` carries an effective date so an
administrator can record new values; ``SEED_WEIGHTINGS`` holds the published seed.
Production weightings and the real S-tier weights are not public (the seed has S tiers at 0).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum
from types import MappingProxyType
from typing import Any

# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

#: v2 tiers without the S suffix, in the order the MoJ tables list them.
SUPERVISED_TIERS: tuple[str, ...] = tuple(f"{p}{c}" for p in "ABCD" for c in "3210")
#: v2 tiers with the S suffix (hmpps-tier adds it for unsupervised cases).
UNSUPERVISED_TIERS: tuple[str, ...] = tuple(f"{t}S" for t in SUPERVISED_TIERS)
#: The 32 columns of a current-service weighting table.
TIERS: tuple[str, ...] = SUPERVISED_TIERS + UNSUPERVISED_TIERS

Number = int | float | Decimal | str


class CaseType(StrEnum):
    """Case category as hmpps-workload names it (Delius spelling ``LICENSE``)."""

    COMMUNITY = "COMMUNITY"
    LICENSE = "LICENSE"
    CUSTODY = "CUSTODY"
    #: The source drops these cases; we keep them in the breakdown as "not counted".
    UNKNOWN = "UNKNOWN"


_CASE_TYPE_WORDS = {
    CaseType.COMMUNITY: "community",
    CaseType.LICENSE: "licence",
    CaseType.CUSTODY: "custody",
    CaseType.UNKNOWN: "unknown-type",
}


def _dec(value: Number) -> Decimal:
    """Exact decimal from a number; floats go through ``str`` so 1.8 stays 1.8."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(str(value))
    return Decimal(value)


def _freeze_ints(values: Mapping[str, Any], what: str) -> Mapping[str, int]:
    frozen: dict[str, int] = {}
    for key, raw in values.items():
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
            raise ValueError(f"{what}: weight for {key!r} must be a whole number >= 0, got {raw!r}")
        frozen[key] = raw
    return MappingProxyType(frozen)


# --------------------------------------------------------------------------------------
# Reference weightings
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseWeightTable:
    """One ``workload_points`` row: points per case by case type and tier, plus reports.

    All 32 tier columns are required so a missing S column fails loudly instead of
    silently scoring 0.
    """

    community: Mapping[str, int]
    licence: Mapping[str, int]
    custody: Mapping[str, int]
    standard_court_report: int
    fast_court_report: int

    def __post_init__(self) -> None:
        for name in ("community", "licence", "custody"):
            table = getattr(self, name)
            if set(table) != set(TIERS):
                missing = sorted(set(TIERS) - set(table))
                extra = sorted(set(table) - set(TIERS))
                raise ValueError(f"{name} weights: missing tiers {missing}, unknown tiers {extra}")
            object.__setattr__(self, name, _freeze_ints(table, f"{name} weights"))
        _freeze_ints(
            {"standard": self.standard_court_report, "fast": self.fast_court_report},
            "court report weights",
        )

    def for_case_type(self, case_type: CaseType) -> Mapping[str, int]:
        """The tier column for a case type (``LICENSE`` cases use the licence table)."""
        return {
            CaseType.COMMUNITY: self.community,
            CaseType.LICENSE: self.licence,
            CaseType.CUSTODY: self.custody,
        }[case_type]


@dataclass(frozen=True)
class CapacityDefaults:
    """Grade targets and default weekly hours used to turn hours into available points."""

    nominal_target_po: int
    nominal_target_spo: int
    default_hours_po: Decimal
    default_hours_pso: Decimal
    default_hours_spo: Decimal

    def __post_init__(self) -> None:
        for name in ("default_hours_po", "default_hours_pso", "default_hours_spo"):
            object.__setattr__(self, name, _dec(getattr(self, name)))


@dataclass(frozen=True)
class LegacyExtras:
    """Seed values only the legacy batch WMT used (dropped by hmpps-workload)."""

    parole_report: int
    parole_reports_enabled: bool
    arms_community: Decimal
    arms_licence: Decimal
    inactive_weighting_percent: Mapping[str, Decimal]

    def __post_init__(self) -> None:
        object.__setattr__(self, "arms_community", _dec(self.arms_community))
        object.__setattr__(self, "arms_licence", _dec(self.arms_licence))
        object.__setattr__(
            self,
            "inactive_weighting_percent",
            MappingProxyType({k: _dec(v) for k, v in self.inactive_weighting_percent.items()}),
        )


@dataclass(frozen=True)
class Weightings:
    """All workload reference data in force from ``effective_from``.

    ``capacity`` may be ``None`` for points-only tables (e.g. a what-if calculation);
    capacity functions then refuse to run rather than guess targets.
    """

    effective_from: date
    normal: CaseWeightTable
    t2a: CaseWeightTable
    capacity: CapacityDefaults | None = None
    legacy: LegacyExtras | None = None

    def table(self, *, t2a: bool) -> CaseWeightTable:
        """T2A cases use their own table; hmpps-workload currently builds every case as non-T2A."""
        return self.t2a if t2a else self.normal

    def require_capacity(self) -> CapacityDefaults:
        if self.capacity is None:
            raise ValueError("these weightings carry no nominal targets or default hours")
        return self.capacity


def weightings_in_force(history: Iterable[Weightings], on: date) -> Weightings:
    """The newest weightings that had started by ``on`` (an admin may schedule new ones)."""
    started = [w for w in history if w.effective_from <= on]
    if not started:
        raise LookupError(f"no workload weightings in force on {on.isoformat()}")
    return max(started, key=lambda w: w.effective_from)


def _table_from_mapping(data: Mapping[str, Any]) -> CaseWeightTable:
    return CaseWeightTable(
        community=data["community"],
        licence=data["licence"],
        custody=data["custody"],
        standard_court_report=data["standard_court_report"],
        fast_court_report=data["fast_court_report"],
    )


def weightings_from_mapping(data: Mapping[str, Any], *, effective_from: date) -> Weightings:
    """Build ``Weightings`` from the JSON shape of the vectors' ``reference_weightings_seed``.

    Grade targets, default hours and legacy extras sit under ``normal`` and are optional
    (absent means "not provided", never a silent default).
    """
    normal = data["normal"]
    capacity = None
    if "nominal_target" in normal or "default_contracted_hours" in normal:
        targets = normal["nominal_target"]
        hours = normal["default_contracted_hours"]
        capacity = CapacityDefaults(
            nominal_target_po=targets["PO"],
            nominal_target_spo=targets["SPO"],
            default_hours_po=_dec(hours["PO"]),
            default_hours_pso=_dec(hours["PSO"]),
            default_hours_spo=_dec(hours["SPO"]),
        )
    legacy = None
    if "parole_report" in normal:
        legacy = LegacyExtras(
            parole_report=normal["parole_report"],
            parole_reports_enabled=normal["parole_reports_enabled"],
            arms_community=_dec(normal["arms_community"]),
            arms_licence=_dec(normal["arms_licence"]),
            inactive_weighting_percent=normal["inactive_weighting_percent"],
        )
    return Weightings(
        effective_from=effective_from,
        normal=_table_from_mapping(normal),
        t2a=_table_from_mapping(data["t2a"]),
        capacity=capacity,
        legacy=legacy,
    )


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def weightings_to_mapping(weightings: Weightings) -> dict[str, Any]:
    """Inverse of ``weightings_from_mapping`` (for storing an admin's edits as JSON)."""

    def table(t: CaseWeightTable) -> dict[str, Any]:
        return {
            "community": dict(t.community),
            "custody": dict(t.custody),
            "licence": dict(t.licence),
            "standard_court_report": t.standard_court_report,
            "fast_court_report": t.fast_court_report,
        }

    normal = table(weightings.normal)
    if weightings.legacy is not None:
        lg = weightings.legacy
        normal |= {
            "parole_report": lg.parole_report,
            "parole_reports_enabled": lg.parole_reports_enabled,
            "arms_community": _plain(lg.arms_community),
            "arms_licence": _plain(lg.arms_licence),
            "inactive_weighting_percent": {
                k: _plain(v) for k, v in lg.inactive_weighting_percent.items()
            },
        }
    if weightings.capacity is not None:
        cap = weightings.capacity
        normal |= {
            "nominal_target": {"PO": cap.nominal_target_po, "SPO": cap.nominal_target_spo},
            "default_contracted_hours": {
                "PO": _plain(cap.default_hours_po),
                "PSO": _plain(cap.default_hours_pso),
                "SPO": _plain(cap.default_hours_spo),
            },
        }
    return {"normal": normal, "t2a": table(weightings.t2a)}


def _row(values: str, s_values: str = "") -> dict[str, int]:
    """A tier column from 16 published values; S tiers default to 0 as in the seed."""
    numbers = [int(v) for v in values.split()]
    s_numbers = [int(v) for v in s_values.split()] or [0] * 16
    return dict(zip(TIERS, numbers + s_numbers, strict=True))


#: The seed has no real start date in the repositories; ``date.min`` means "always in force
#: until an administrator records newer weightings".
SEED_EFFECTIVE_FROM = date.min

_T2A_ROW = "75 60 59 0 59 48 47 0 30 24 23 0 17 14 13 0"

#: Published defaults: hmpps-workload ``V1_1__SEED_REF_DATA.sql`` (same values in wmt-worker).
SEED_WEIGHTINGS = Weightings(
    effective_from=SEED_EFFECTIVE_FROM,
    normal=CaseWeightTable(
        community=_row("206 158 146 110 146 115 102 72 79 63 50 35 51 41 29 29"),
        custody=_row("75 60 59 0 59 48 47 0 30 24 23 0 17 14 13 0"),
        licence=_row("219 175 163 0 161 132 119 0 77 65 52 0 51 43 31 0"),
        standard_court_report=138,
        fast_court_report=65,
    ),
    t2a=CaseWeightTable(
        community=_row(_T2A_ROW),
        custody=_row(_T2A_ROW),
        licence=_row(_T2A_ROW),
        standard_court_report=0,
        fast_court_report=0,
    ),
    capacity=CapacityDefaults(
        nominal_target_po=2176,
        nominal_target_spo=2176,
        default_hours_po=Decimal(37),
        default_hours_pso=Decimal(37),
        default_hours_spo=Decimal(0),
    ),
    legacy=LegacyExtras(
        parole_report=120,
        parole_reports_enabled=True,
        arms_community=Decimal(69),
        arms_licence=Decimal(35),
        inactive_weighting_percent={
            "warrants": Decimal(0),
            "unpaid_work": Decimal(100),
            "overdue_termination": Decimal(0),
        },
    ),
)


# --------------------------------------------------------------------------------------
# Workload points with a readable breakdown
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseClassification:
    """What the weighting depends on. ``tier=None`` is an untiered case (scores 0)."""

    tier: str | None
    case_type: CaseType
    t2a: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "case_type", CaseType(self.case_type))
        if self.tier is not None and self.tier not in TIERS:
            raise ValueError(f"unknown v2 tier {self.tier!r}")


@dataclass(frozen=True)
class CaseCount:
    """``count`` cases sharing one classification (a caseload is a list of these)."""

    classification: CaseClassification
    count: int = 1

    def __post_init__(self) -> None:
        if self.count < 0:
            raise ValueError("a case count cannot be negative")


class LineKind(StrEnum):
    CASES = "cases"
    CASES_NOT_COUNTED = "cases_not_counted"
    STANDARD_COURT_REPORTS = "standard_court_reports"
    FAST_COURT_REPORTS = "fast_court_reports"
    CONTACTS_OUTSIDE_CASELOAD = "contacts_outside_caseload"
    CONTACTS_BY_OTHERS = "contacts_by_others"


@dataclass(frozen=True)
class BreakdownLine:
    """One line of "why": ``count`` x ``weight`` = ``subtotal`` (negative for others' contacts)."""

    kind: LineKind
    count: int
    weight: int
    subtotal: int
    classification: CaseClassification | None = None
    contact_type: str | None = None

    @property
    def description(self) -> str:
        """The line in plain words, e.g. "12 community cases at tier B2 x 115 points = 1,380"."""
        what = self._what()
        if self.kind is LineKind.CASES_NOT_COUNTED:
            return f"{what}: not counted (0 points)"
        each = f"{_n(self.weight)} {_plural(self.weight, 'point')}"
        if self.subtotal < 0:
            return f"{what} x {each} = minus {_n(-self.subtotal)} points"
        return f"{what} x {each} = {_n(self.subtotal)} {_plural(self.subtotal, 'point')}"

    def _what(self) -> str:
        c, n = self.classification, self.count
        if self.kind in (LineKind.CASES, LineKind.CASES_NOT_COUNTED):
            assert c is not None
            t2a = " (transition to adulthood)" if c.t2a else ""
            tier = f"at tier {c.tier}" if c.tier else "with no tier"
            case_type = _CASE_TYPE_WORDS[c.case_type]
            return f"{_n(n)} {case_type} {_plural(n, 'case')}{t2a} {tier}"
        if self.kind is LineKind.STANDARD_COURT_REPORTS:
            return f"{_n(n)} standard court {_plural(n, 'report')}"
        if self.kind is LineKind.FAST_COURT_REPORTS:
            return f"{_n(n)} fast court {_plural(n, 'report')}"
        if self.kind is LineKind.CONTACTS_OUTSIDE_CASELOAD:
            where = "on cases outside the caseload"
        else:
            where = "by others on the caseload"
        unweighted = "" if self.weight else " (no weighting for this contact type)"
        return f"{_n(n)} {self.contact_type} {_plural(n, 'contact')} {where}{unweighted}"


@dataclass(frozen=True)
class WorkloadPoints:
    """Total points and the lines that make it up (lines always sum to ``total``)."""

    total: int
    lines: tuple[BreakdownLine, ...]
    weightings_effective_from: date


def case_points(weightings: Weightings, classification: CaseClassification) -> int:
    """Points for one case: weight[table][case type][tier]; untiered or UNKNOWN type score 0."""
    if classification.tier is None or classification.case_type is CaseType.UNKNOWN:
        return 0
    table = weightings.table(t2a=classification.t2a)
    return table.for_case_type(classification.case_type)[classification.tier]


def workload_points(
    weightings: Weightings,
    *,
    cases: Iterable[CaseCount] = (),
    standard_court_reports: int = 0,
    fast_court_reports: int = 0,
    contacts_outside_caseload: Mapping[str, int] | None = None,
    contacts_by_others_on_caseload: Mapping[str, int] | None = None,
    contact_type_weightings: Mapping[str, int] | None = None,
) -> WorkloadPoints:
    """Workload points = cases + court reports + contacts outside caseload - others' contacts.

    Contact counts are per contact type code; a type with no weighting adds nothing (and is
    still listed, so the practitioner can see it was not counted).
    """
    if standard_court_reports < 0 or fast_court_reports < 0:
        raise ValueError("court report counts cannot be negative")
    contact_weights = contact_type_weightings or {}

    grouped: dict[CaseClassification, int] = {}
    for case in cases:
        grouped[case.classification] = grouped.get(case.classification, 0) + case.count
    type_order = list(CaseType)

    def case_sort(c: CaseClassification) -> tuple[int, bool, int]:
        return (type_order.index(c.case_type), c.t2a, TIERS.index(c.tier) if c.tier else 99)

    lines: list[BreakdownLine] = []
    for c in sorted(grouped, key=case_sort):
        count = grouped[c]
        if count == 0:
            continue
        counted = c.tier is not None and c.case_type is not CaseType.UNKNOWN
        weight = case_points(weightings, c)
        kind = LineKind.CASES if counted else LineKind.CASES_NOT_COUNTED
        lines.append(BreakdownLine(kind, count, weight, count * weight, classification=c))

    # Court reports are always weighted from the normal (non-T2A) row, as in the source.
    for kind, count, weight in (
        (
            LineKind.STANDARD_COURT_REPORTS,
            standard_court_reports,
            weightings.normal.standard_court_report,
        ),
        (LineKind.FAST_COURT_REPORTS, fast_court_reports, weightings.normal.fast_court_report),
    ):
        if count:
            lines.append(BreakdownLine(kind, count, weight, count * weight))

    for kind, contacts, sign in (
        (LineKind.CONTACTS_OUTSIDE_CASELOAD, contacts_outside_caseload or {}, 1),
        (LineKind.CONTACTS_BY_OTHERS, contacts_by_others_on_caseload or {}, -1),
    ):
        for code in sorted(contacts):
            count = contacts[code]
            if count < 0:
                raise ValueError(f"contact count for {code!r} cannot be negative")
            if count == 0:
                continue
            weight = contact_weights.get(code, 0)
            lines.append(
                BreakdownLine(kind, count, weight, sign * count * weight, contact_type=code)
            )

    return WorkloadPoints(
        total=sum(line.subtotal for line in lines),
        lines=tuple(lines),
        weightings_effective_from=weightings.effective_from,
    )


# --------------------------------------------------------------------------------------
# Available points and capacity
# --------------------------------------------------------------------------------------


def _grade_key(grade: str | None) -> str:
    return (grade or "").strip().upper()


def nominal_target_for_grade(weightings: Weightings, grade: str | None) -> int:
    """SPO has its own target; every other grade (including unknown) uses the PO target."""
    cap = weightings.require_capacity()
    return cap.nominal_target_spo if _grade_key(grade) == "SPO" else cap.nominal_target_po


def default_hours_for_grade(weightings: Weightings, grade: str | None) -> Decimal:
    """PO and PQiP use PO hours, PSO its own; anything else (SPO, unknown) the SPO hours.

    The seed sets SPO hours to 0, so an SPO (or an unknown grade) has no available points.
    """
    cap = weightings.require_capacity()
    key = _grade_key(grade)
    if key in ("PO", "PQIP"):
        return cap.default_hours_po
    if key == "PSO":
        return cap.default_hours_pso
    return cap.default_hours_spo


@dataclass(frozen=True)
class AvailablePoints:
    """Available points and the figures they came from (for the breakdown)."""

    points: int
    nominal_target: int
    default_contracted_hours: Decimal
    weekly_hours: Decimal
    reduction_hours: Decimal

    @property
    def available_hours(self) -> Decimal:
        return self.weekly_hours - self.reduction_hours


def available_points(
    *,
    nominal_target: int,
    default_contracted_hours: Number,
    weekly_hours: Number,
    reduction_hours: Number = 0,
) -> AvailablePoints:
    """floor(target x (weekly - reductions) / default hours), ratio to 15 dp HALF_UP.

    0 when no hours are left or the grade has no default hours (the source's guard).
    """
    default = _dec(default_contracted_hours)
    weekly = _dec(weekly_hours)
    reductions = _dec(reduction_hours)
    hours = weekly - reductions
    points = 0
    if hours > 0 and default != 0:
        with localcontext() as ctx:
            ctx.prec = 60
            ratio = (hours / default).quantize(Decimal("1e-15"), rounding=ROUND_HALF_UP)
            points = int((Decimal(nominal_target) * ratio).to_integral_value(ROUND_FLOOR))
    return AvailablePoints(points, nominal_target, default, weekly, reductions)


def available_points_for_grade(
    weightings: Weightings,
    grade: str | None,
    *,
    weekly_hours: Number | None = None,
    reduction_hours: Number = 0,
) -> AvailablePoints:
    """Available points for a grade; weekly hours default to the grade's contracted hours."""
    default = default_hours_for_grade(weightings, grade)
    return available_points(
        nominal_target=nominal_target_for_grade(weightings, grade),
        default_contracted_hours=default,
        weekly_hours=default if weekly_hours is None else weekly_hours,
        reduction_hours=reduction_hours,
    )


def capacity_percent(total_points: int, available: int) -> Decimal:
    """(total / available, 3 dp HALF_UP) x 100, so one decimal place; 0 if either is 0.

    Note the source reports 0% when available points are 0 even with cases held;
    ``Capacity.no_available_points`` makes that case visible instead of looking "free".
    """
    if available < 0:
        raise ValueError("available points cannot be negative")
    if total_points == 0 or available == 0:
        return Decimal("0.0")
    # Integer arithmetic: exact HALF_UP (ties away from zero, as BigDecimal does).
    quotient, remainder = divmod(abs(total_points) * 1000, available)
    if 2 * remainder >= available:
        quotient += 1
    thousandths = quotient if total_points > 0 else -quotient
    return Decimal(thousandths).scaleb(-1)


@dataclass(frozen=True)
class Capacity:
    """Capacity % with its workings: the "why 112%" a practitioner can check."""

    workload: WorkloadPoints
    available: AvailablePoints
    percent: Decimal

    @property
    def no_available_points(self) -> bool:
        """True when the 0%/any% figure means "no capacity at all", not "no work"."""
        return self.available.points == 0


def capacity(workload: WorkloadPoints, available: AvailablePoints) -> Capacity:
    return Capacity(workload, available, capacity_percent(workload.total, available.points))


# --------------------------------------------------------------------------------------
# Overview and the impact of an allocation
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordedWorkload:
    """The officer's figures from the WMT record (total and available points, hours)."""

    total_points: int
    available_points: int
    contracted_hours: Decimal | None = None

    def __post_init__(self) -> None:
        if self.contracted_hours is not None:
            object.__setattr__(self, "contracted_hours", _dec(self.contracted_hours))


class ReductionStatus(StrEnum):
    ACTIVE = "ACTIVE"
    SCHEDULED = "SCHEDULED"
    ARCHIVED = "ARCHIVED"
    DELETED = "DELETED"


@dataclass(frozen=True)
class Reduction:
    hours: Decimal
    status: ReductionStatus

    def __post_init__(self) -> None:
        object.__setattr__(self, "hours", _dec(self.hours))
        object.__setattr__(self, "status", ReductionStatus(self.status))


def active_reduction_hours(reductions: Iterable[Reduction]) -> Decimal:
    """Only ACTIVE reductions count now; scheduled ones start later, others are gone."""
    return sum(
        (r.hours for r in reductions if r.status is ReductionStatus.ACTIVE), start=Decimal(0)
    )


@dataclass(frozen=True)
class Overview:
    capacity_percent: Decimal
    weekly_hours: Decimal
    total_reduction_hours: Decimal
    points_available: int
    points_used: int
    points_remaining: int
    has_workload_record: bool


def workload_overview(
    weightings: Weightings,
    grade: str | None,
    *,
    recorded: RecordedWorkload | None,
    reductions: Iterable[Reduction] = (),
) -> Overview:
    """The officer overview. With no WMT record: 0 points used, the grade's target available."""
    if recorded is None:
        target = nominal_target_for_grade(weightings, grade)
        return Overview(
            capacity_percent=capacity_percent(0, target),
            weekly_hours=default_hours_for_grade(weightings, grade),
            total_reduction_hours=Decimal(0),
            points_available=target,
            points_used=0,
            points_remaining=target,
            has_workload_record=False,
        )
    weekly = recorded.contracted_hours
    if weekly is None:
        weekly = default_hours_for_grade(weightings, grade)
    return Overview(
        capacity_percent=capacity_percent(recorded.total_points, recorded.available_points),
        weekly_hours=weekly,
        total_reduction_hours=active_reduction_hours(reductions),
        points_available=recorded.available_points,
        points_used=recorded.total_points,
        points_remaining=recorded.available_points - recorded.total_points,
        has_workload_record=True,
    )


@dataclass(frozen=True)
class AllocationImpact:
    """Capacity before and after allocating one case to one officer."""

    case: CaseClassification
    case_points: int
    #: Points of the case as it already sits on this officer's caseload (0 if it does not).
    points_replaced: int
    points_before: int
    points_after: int
    available_points: int
    capacity_before: Decimal
    capacity_after: Decimal
    has_workload_record: bool


def allocation_impact(
    weightings: Weightings,
    grade: str | None,
    *,
    recorded: RecordedWorkload | None,
    case: CaseClassification,
    currently_on_caseload_as: CaseClassification | None = None,
) -> AllocationImpact:
    """Capacity after = (total - the case's points if already held + its new points) / available.

    ``currently_on_caseload_as`` is how the case is recorded on this officer's caseload, so
    re-allocating a case they already hold does not count it twice.
    """
    if recorded is None:
        before, available = 0, nominal_target_for_grade(weightings, grade)
    else:
        before, available = recorded.total_points, recorded.available_points
    new_points = case_points(weightings, case)
    replaced = case_points(weightings, currently_on_caseload_as) if currently_on_caseload_as else 0
    after = before - replaced + new_points
    return AllocationImpact(
        case=case,
        case_points=new_points,
        points_replaced=replaced,
        points_before=before,
        points_after=after,
        available_points=available,
        capacity_before=capacity_percent(before, available),
        capacity_after=capacity_percent(after, available),
        has_workload_record=recorded is not None,
    )


# --------------------------------------------------------------------------------------
# Plain-words rendering
# --------------------------------------------------------------------------------------


def _n(value: int | Decimal) -> str:
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return f"{value.normalize():,f}"
    return f"{int(value):,}"


def _plural(count: int | Decimal, word: str) -> str:
    return word if count == 1 else f"{word}s"


def explain_workload(workload: WorkloadPoints) -> str:
    """The points breakdown as short plain sentences, one line per item."""
    if not workload.lines:
        return "No cases, court reports or contact adjustments: 0 points."
    rows = [f"- {line.description}" for line in workload.lines]
    rows.append(f"Total: {_n(workload.total)} points.")
    return "\n".join(rows)


def explain_available(available: AvailablePoints) -> str:
    """How contracted hours and reductions give the available points."""
    a = available
    if a.points == 0 and a.default_contracted_hours == 0:
        return (
            "Available: 0 points. This grade has no default contracted hours in the "
            "weightings, so it has no workload capacity."
        )
    if a.points == 0:
        return (
            f"Available: 0 points. Reductions of {_n(a.reduction_hours)} hours leave no hours "
            f"out of {_n(a.weekly_hours)} weekly hours."
        )
    return (
        f"Available: {_n(a.points)} points = target {_n(a.nominal_target)} x "
        f"({_n(a.weekly_hours)} weekly hours - {_n(a.reduction_hours)} reduction hours) / "
        f"{_n(a.default_contracted_hours)} contracted hours for the grade, rounded down."
    )


def explain_capacity(result: Capacity) -> str:
    """The full "why": points lines, available points, then the percentage."""
    parts = [
        f"Capacity {result.percent}% (weightings from "
        f"{_effective(result.workload.weightings_effective_from)}).",
        explain_workload(result.workload),
        explain_available(result.available),
    ]
    if result.no_available_points:
        parts.append(
            "Capacity is shown as 0% because there are no available points, not because "
            "there is no work; do not read it as spare capacity."
        )
    else:
        parts.append(
            f"Capacity: {_n(result.workload.total)} / {_n(result.available.points)} = "
            f"{result.percent}% (rounded to one decimal place)."
        )
    return "\n".join(parts)


def explain_impact(impact: AllocationImpact) -> str:
    """One or two sentences on what allocating the case would do to capacity."""
    c = impact.case
    tier = f"at tier {c.tier}" if c.tier else "with no tier"
    what = f"this {_CASE_TYPE_WORDS[c.case_type]} case {tier} ({_n(impact.case_points)} points)"
    text = (
        f"Allocating {what} takes capacity from {impact.capacity_before}% to "
        f"{impact.capacity_after}% ({_n(impact.points_before)} to {_n(impact.points_after)} "
        f"of {_n(impact.available_points)} available points)."
    )
    if impact.points_replaced:
        text += (
            f" The case is already on this caseload at {_n(impact.points_replaced)} points, "
            "so those are replaced, not added twice."
        )
    if not impact.has_workload_record:
        text += " No workload record yet: available points are the grade's nominal target."
    if impact.available_points == 0:
        text += " There are no available points, so capacity shows 0%: this is not spare capacity."
    return text


def _effective(day: date) -> str:
    return "the published seed" if day == SEED_EFFECTIVE_FROM else day.isoformat()


# --------------------------------------------------------------------------------------
# Legacy batch WMT (wmt-probation-rules)
# --------------------------------------------------------------------------------------

#: Offender manager type ids as the legacy batch used them.
LEGACY_OM_TYPE_SPO = 2
LEGACY_OM_TYPE_PSO = (3, 7)
LEGACY_OM_TYPE_UNSUPPORTED = 5

_LEGACY_GRADES: dict[str, frozenset[str]] = {
    "PO": frozenset("M E D O J H N G F CRCM CRCO CRCN NPSM NPSO NPSN PSM PSO PSN".split()),
    "SPO": frozenset("C NPSC PSC CRCB CRCA NPSB PSB PSA B A".split()),
    "TPO": frozenset(
        ["P", "L", "K", "CRCP", "NPSP", "PSP", "CPQF"]
        + [
            f"{org}{sep}PQF"
            for org in ("CRC", "NPS")
            for sep in (" - ", "-", " — ", "—", " – ", "–")
        ]
    ),
    "PSO": frozenset("Q Z Y CRCQ NPSQ PSQ CRC1 CRC2 CRCC PS4".split()),
}


def legacy_grade_from_delius_code(code: str | None) -> str:
    """Delius staff grade code -> PO/SPO/TPO/PSO, else DMY. Exact match, as the source.

    Oddity kept from the source: the Delius code ``PSO`` maps to grade PO.
    """
    for grade, codes in _LEGACY_GRADES.items():
        if code in codes:
            return grade
    return "DMY"


@dataclass(frozen=True)
class LegacyHours:
    base_hours: Decimal
    default_hours_for_band: Decimal


def legacy_contracted_hours(
    om_type_id: int,
    contracted_hours: Number | None,
    *,
    default_hours_po: Number,
    default_hours_pso: Number,
    default_hours_spo: Number,
) -> LegacyHours | None:
    """Band hours by OM type (PSO 3/7, SPO 2, else PO); ``None`` for the unsupported type 5."""
    if om_type_id == LEGACY_OM_TYPE_UNSUPPORTED:
        return None
    if om_type_id in LEGACY_OM_TYPE_PSO:
        band = _dec(default_hours_pso)
    elif om_type_id == LEGACY_OM_TYPE_SPO:
        band = _dec(default_hours_spo)
    else:
        band = _dec(default_hours_po)
    base = band if contracted_hours is None else _dec(contracted_hours)
    return LegacyHours(base_hours=base, default_hours_for_band=band)


def legacy_nominal_target(om_type_id: int, *, po_target: int, pso_target: int) -> int:
    """PSO type 3 uses the PSO target, every other type the PO target (source behaviour)."""
    return pso_target if om_type_id == 3 else po_target


def legacy_available_points(
    *,
    nominal_target: Number,
    om_type_id: int,
    contracted_hours: Number | None,
    reduction_hours: Number,
    default_hours_po: Number,
    default_hours_pso: Number,
    default_hours_spo: Number,
) -> int:
    """trunc(target x base/bandDefault x (base - reductions)/base), computed exactly.

    Where the JS divided by zero (SPO band with 0 hours, or 0 base hours) it produced NaN;
    we return 0, as the current service does for no hours.
    """
    hours = legacy_contracted_hours(
        om_type_id,
        contracted_hours,
        default_hours_po=default_hours_po,
        default_hours_pso=default_hours_pso,
        default_hours_spo=default_hours_spo,
    )
    if hours is None or hours.default_hours_for_band == 0 or hours.base_hours == 0:
        return 0
    with localcontext() as ctx:
        ctx.prec = 60
        base, band = hours.base_hours, hours.default_hours_for_band
        value = _dec(nominal_target) * base * (base - _dec(reduction_hours)) / (band * base)
        return int(value)  # int() truncates toward zero, like parseInt


@dataclass(frozen=True)
class LegacyTierCounts:
    total: int
    warrants: int = 0
    unpaid_work: int = 0
    overdue_termination: int = 0


_INACTIVE_KINDS = ("warrants", "unpaid_work", "overdue_termination")


def legacy_points_for_tier(
    counts: LegacyTierCounts,
    tier_points: Number,
    *,
    inactive_weighting_percent: Mapping[str, Number],
    subtract_inactive: bool,
) -> Decimal:
    """count x points, less inactive cases x points x (100 - p)/100 when subtracting (T2A).

    p >= 100 subtracts nothing and p <= 0 subtracts the whole case.
    """
    points = _dec(tier_points)
    result = counts.total * points
    if subtract_inactive:
        for kind in _INACTIVE_KINDS:
            p = min(max(_dec(inactive_weighting_percent[kind]), Decimal(0)), Decimal(100))
            result -= getattr(counts, kind) * points * (100 - p) / 100
    return result


def legacy_arms_points(
    *,
    community_cases: int,
    licence_cases: int,
    community_weighting: Number,
    licence_weighting: Number,
) -> Decimal:
    """ARMS assessments: one hour each x weighting (removed from WMT in Jan 2023)."""
    return community_cases * _dec(community_weighting) + licence_cases * _dec(licence_weighting)


def legacy_parom_points(reports: int, weighting: int, *, enabled: bool) -> int:
    """Parole reports by the OM in the last 30 days, only when PAROM points are enabled."""
    return reports * weighting if enabled else 0


def legacy_sdr_points(reports: int, weighting: int) -> int:
    return reports * weighting


@dataclass(frozen=True)
class LegacyWeightings:
    location_tier_points: Mapping[str, Mapping[str, Number]]
    inactive_weighting_percent: Mapping[str, Number]
    sdr: int
    sdr_conversion: int
    parom: int
    paroms_enabled: bool
    arms_community: Number
    arms_licence: Number


@dataclass(frozen=True)
class LegacyWorkloadPoints:
    total: int
    case_points: Decimal
    arms_points: Decimal
    sdr_points: int
    sdr_conversion_points: int
    paroms_points: int


LEGACY_LOCATIONS = ("community", "custody", "licence")


def _legacy_location_points(
    counts: Mapping[str, Mapping[str, LegacyTierCounts]],
    weights: LegacyWeightings,
    *,
    subtract_inactive: bool,
) -> Decimal:
    total = Decimal(0)
    for location in LEGACY_LOCATIONS:
        table = weights.location_tier_points[location]
        for tier, tier_counts in counts.get(location, {}).items():
            if tier == "UNTIERED":  # untiered cases score 0 in the legacy model
                continue
            total += legacy_points_for_tier(
                tier_counts,
                table[tier],
                inactive_weighting_percent=weights.inactive_weighting_percent,
                subtract_inactive=subtract_inactive,
            )
    return total


def legacy_workload_points(
    *,
    weights: LegacyWeightings,
    t2a_weights: LegacyWeightings,
    filtered_tier_counts: Mapping[str, Mapping[str, LegacyTierCounts]],
    t2a_tier_counts: Mapping[str, Mapping[str, LegacyTierCounts]],
    monthly_sdrs: int,
    sdr_conversions_last_30_days: int,
    paroms_completed_last_30_days: int,
    arms_community_cases: int,
    arms_licence_cases: int,
    cms_adjustment_points: int = 0,
) -> LegacyWorkloadPoints:
    """The legacy composite total, rounded like JS ``Math.round`` (halves go up).

    Non-T2A counts come from the filtered extract (inactive cases already removed), so only
    the T2A counts have inactive cases subtracted.
    """
    cases = _legacy_location_points(filtered_tier_counts, weights, subtract_inactive=False)
    cases += _legacy_location_points(t2a_tier_counts, t2a_weights, subtract_inactive=True)
    arms = legacy_arms_points(
        community_cases=arms_community_cases,
        licence_cases=arms_licence_cases,
        community_weighting=weights.arms_community,
        licence_weighting=weights.arms_licence,
    )
    sdr = legacy_sdr_points(monthly_sdrs, weights.sdr)
    conversions = legacy_sdr_points(sdr_conversions_last_30_days, weights.sdr_conversion)
    paroms = legacy_parom_points(
        paroms_completed_last_30_days, weights.parom, enabled=weights.paroms_enabled
    )
    raw = cases + arms + sdr + conversions + paroms + cms_adjustment_points
    return LegacyWorkloadPoints(
        total=math.floor(raw + Decimal("0.5")),
        case_points=cases,
        arms_points=arms,
        sdr_points=sdr,
        sdr_conversion_points=conversions,
        paroms_points=paroms,
    )


__all__ = [
    "SEED_WEIGHTINGS",
    "TIERS",
    "AllocationImpact",
    "AvailablePoints",
    "BreakdownLine",
    "Capacity",
    "CaseClassification",
    "CaseCount",
    "CaseType",
    "CaseWeightTable",
    "CapacityDefaults",
    "LegacyHours",
    "LegacyTierCounts",
    "LegacyWeightings",
    "LegacyWorkloadPoints",
    "LineKind",
    "Overview",
    "RecordedWorkload",
    "Reduction",
    "ReductionStatus",
    "Weightings",
    "WorkloadPoints",
    "allocation_impact",
    "available_points",
    "available_points_for_grade",
    "capacity",
    "capacity_percent",
    "case_points",
    "explain_available",
    "explain_capacity",
    "explain_impact",
    "explain_workload",
    "legacy_arms_points",
    "legacy_available_points",
    "legacy_contracted_hours",
    "legacy_grade_from_delius_code",
    "legacy_nominal_target",
    "legacy_parom_points",
    "legacy_points_for_tier",
    "legacy_sdr_points",
    "legacy_workload_points",
    "weightings_from_mapping",
    "weightings_in_force",
    "weightings_to_mapping",
    "workload_overview",
    "workload_points",
]
