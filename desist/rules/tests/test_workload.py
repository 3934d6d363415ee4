"""Workload points and capacity against the published vectors, plus properties.

Vectors: ``vectors/workload.json`` (copied from the shared practice notes so CI on a clean
clone has them). Only the keys in each vector's ``expected`` are compared. Every vector
applies here: legacy batch WMT rules are small, so ``workload.py`` supports them too.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules import workload as wl

VECTORS_PATH = Path(__file__).parent / "vectors" / "workload.json"
DATA = json.loads(VECTORS_PATH.read_text(encoding="utf-8"))
VECTORS: list[dict[str, Any]] = DATA["vectors"]
ANY_DAY = date(2026, 6, 15)


# --------------------------------------------------------------------------------------
# Adapters: vector input -> module call -> dict of outputs named as in "expected"
# --------------------------------------------------------------------------------------


def _weightings(raw: dict[str, Any] | None) -> wl.Weightings:
    if raw is None:
        return wl.SEED_WEIGHTINGS
    return wl.weightings_from_mapping(raw, effective_from=ANY_DAY)


def _classification(raw: dict[str, Any]) -> wl.CaseClassification:
    return wl.CaseClassification(
        tier=raw["tier"], case_type=wl.CaseType(raw["case_type"]), t2a=raw.get("t2a", False)
    )


def _recorded(raw: dict[str, Any] | None) -> wl.RecordedWorkload | None:
    if raw is None:
        return None
    return wl.RecordedWorkload(
        total_points=raw["total_points"],
        available_points=raw["available_points"],
        contracted_hours=raw.get("contracted_hours"),
    )


def run_available_points(inp: dict[str, Any]) -> dict[str, Any]:
    result = wl.available_points(
        nominal_target=inp["points_for_grade"],
        default_contracted_hours=inp["contracted_hours_for_grade"],
        weekly_hours=inp["weekly_hours"],
        reduction_hours=inp["reduction_hours"],
    )
    return {"available_points": result.points}


def run_workload_points(inp: dict[str, Any]) -> dict[str, Any]:
    result = wl.workload_points(
        _weightings(inp["weights"]),
        cases=[wl.CaseCount(_classification(case), case["count"]) for case in inp["cases"]],
        standard_court_reports=inp["court_reports"]["standard"],
        fast_court_reports=inp["court_reports"]["fast"],
        contacts_outside_caseload=inp["contacts_outside_caseload"],
        contacts_by_others_on_caseload=inp["contacts_by_others_on_caseload"],
        contact_type_weightings=inp["contact_type_weightings"],
    )
    return {"workload_points": result.total}


def run_impact(inp: dict[str, Any]) -> dict[str, Any]:
    case = _classification(inp["potential_case"])
    result = wl.allocation_impact(
        _weightings(inp["weights"]),
        inp["grade"],
        recorded=_recorded(inp["current"]),
        case=case,
        # The vector says the case is already held, classified the same as now.
        currently_on_caseload_as=case if inp["case_already_on_caseload"] else None,
    )
    return {
        "capacity_percent": result.capacity_before,
        "potential_capacity_percent": result.capacity_after,
        # The source's assertion coerces to Integer (truncation): see the vector notes.
        "potential_capacity_integer_part": int(result.capacity_after),
    }


def run_overview(inp: dict[str, Any]) -> dict[str, Any]:
    # An overview with a WMT record carries its own hours, so no grade is consulted.
    result = wl.workload_overview(
        _weightings(inp.get("weights")),
        inp.get("grade"),
        recorded=_recorded(inp["current"]),
        reductions=[wl.Reduction(r["hours"], r["status"]) for r in inp.get("reductions", [])],
    )
    return {
        "capacity_percent": result.capacity_percent,
        "weekly_hours": result.weekly_hours,
        "total_reduction_hours": result.total_reduction_hours,
        "points_available": result.points_available,
        "points_used": result.points_used,
        "points_remaining": result.points_remaining,
    }


def _legacy_default_hours(raw: dict[str, Any]) -> dict[str, Any]:
    return {
        "default_hours_po": raw["PO"],
        "default_hours_pso": raw["PSO"],
        "default_hours_spo": raw["SPO"],
    }


def run_legacy_available_points(inp: dict[str, Any]) -> dict[str, Any]:
    points = wl.legacy_available_points(
        nominal_target=inp["nominal_target"],
        om_type_id=inp["om_type_id"],
        contracted_hours=inp["contracted_hours"],
        reduction_hours=inp["reduction_hours"],
        **_legacy_default_hours(inp["default_contracted_hours"]),
    )
    return {"available_points": points}


def run_legacy_contracted_hours(inp: dict[str, Any]) -> dict[str, Any]:
    result = wl.legacy_contracted_hours(
        inp["om_type_id"],
        inp["contracted_hours"],
        **_legacy_default_hours(inp["default_contracted_hours"]),
    )
    if result is None:
        return {"result": None}
    return {
        "result": result,
        "base_hours": result.base_hours,
        "default_hours_for_band": result.default_hours_for_band,
    }


def run_legacy_nominal_target(inp: dict[str, Any]) -> dict[str, Any]:
    targets = inp["default_nominal_targets"]
    target = wl.legacy_nominal_target(
        inp["om_type_id"], po_target=targets["PO"], pso_target=targets["PSO"]
    )
    return {"nominal_target": target}


def run_legacy_arms_points(inp: dict[str, Any]) -> dict[str, Any]:
    points = wl.legacy_arms_points(
        community_cases=inp["community_cases"],
        licence_cases=inp["licence_cases"],
        community_weighting=inp["community_weighting"],
        licence_weighting=inp["licence_weighting"],
    )
    return {"points": points}


def run_legacy_parom_points(inp: dict[str, Any]) -> dict[str, Any]:
    points = wl.legacy_parom_points(
        inp["paroms_completed_last_30_days"], inp["parom_weighting"], enabled=inp["paroms_enabled"]
    )
    return {"points": points}


def run_legacy_sdr_points(inp: dict[str, Any]) -> dict[str, Any]:
    return {"points": wl.legacy_sdr_points(inp["reports"], inp["weighting"])}


def _tier_counts(raw: dict[str, Any]) -> wl.LegacyTierCounts:
    return wl.LegacyTierCounts(
        total=raw["total"],
        warrants=raw["warrants"],
        unpaid_work=raw["unpaid_work"],
        overdue_termination=raw["overdue_termination"],
    )


def run_legacy_points_for_tier(inp: dict[str, Any]) -> dict[str, Any]:
    points = wl.legacy_points_for_tier(
        _tier_counts(dict(inp, total=inp["total_cases"])),
        inp["tier_points"],
        inactive_weighting_percent=inp["inactive_weighting_percent"],
        subtract_inactive=inp["subtract_inactive"],
    )
    return {"points": points}


def _legacy_weights(raw: dict[str, Any]) -> wl.LegacyWeightings:
    return wl.LegacyWeightings(**raw)


def _legacy_counts(raw: dict[str, Any]) -> dict[str, dict[str, wl.LegacyTierCounts]]:
    return {
        location: {tier: _tier_counts(c) for tier, c in tiers.items()}
        for location, tiers in raw.items()
    }


def run_legacy_workload_total(inp: dict[str, Any]) -> dict[str, Any]:
    result = wl.legacy_workload_points(
        weights=_legacy_weights(inp["weights"]),
        t2a_weights=_legacy_weights(inp["t2a_weights"]),
        filtered_tier_counts=_legacy_counts(inp["filtered_tier_counts"]),
        t2a_tier_counts=_legacy_counts(inp["t2a_tier_counts"]),
        monthly_sdrs=inp["monthly_sdrs"],
        sdr_conversions_last_30_days=inp["sdr_conversions_last_30_days"],
        paroms_completed_last_30_days=inp["paroms_completed_last_30_days"],
        arms_community_cases=inp["arms_community_cases"],
        arms_licence_cases=inp["arms_licence_cases"],
    )
    return {
        "total": result.total,
        "arms_points": result.arms_points,
        "sdr_points": result.sdr_points,
        "sdr_conversion_points": result.sdr_conversion_points,
        "paroms_points": result.paroms_points,
    }


def run_legacy_grade_code(inp: dict[str, Any]) -> dict[str, Any]:
    grades = {wl.legacy_grade_from_delius_code(code) for code in inp["delius_grade_codes"]}
    # Every code in the list must map to the one expected grade.
    return {"grade": grades.pop() if len(grades) == 1 else sorted(grades)}


RUNNERS = {
    "available_points": run_available_points,
    "workload_points": run_workload_points,
    "impact": run_impact,
    "overview_default": run_overview,
    "overview": run_overview,
    "legacy_available_points": run_legacy_available_points,
    "legacy_contracted_hours": run_legacy_contracted_hours,
    "legacy_nominal_target": run_legacy_nominal_target,
    "legacy_arms_points": run_legacy_arms_points,
    "legacy_parom_points": run_legacy_parom_points,
    "legacy_sdr_points": run_legacy_sdr_points,
    "legacy_points_for_tier": run_legacy_points_for_tier,
    "legacy_workload_total": run_legacy_workload_total,
    "legacy_grade_code": run_legacy_grade_code,
}

#: Vectors we deliberately do not run, with the reason. Empty: every vector applies.
SKIPPED: dict[str, str] = {}


def _assert_same(actual: Any, expected: Any, key: str) -> None:
    if expected is None or isinstance(expected, (bool, str)):
        assert actual == expected, key
    elif isinstance(expected, (int, float)):
        assert isinstance(actual, (int, Decimal)) and not isinstance(actual, bool), key
        assert abs(Decimal(actual) - Decimal(str(expected))) <= Decimal("1e-9"), (
            f"{key}: got {actual}, expected {expected}"
        )
    else:
        raise AssertionError(f"{key}: unexpected expected value {expected!r}")


@pytest.mark.parametrize("vector", VECTORS, ids=[v["id"] for v in VECTORS])
def test_vector(vector: dict[str, Any]) -> None:
    if vector["id"] in SKIPPED:
        pytest.skip(SKIPPED[vector["id"]])
    actual = RUNNERS[vector["kind"]](vector["input"])
    for key, expected in vector["expected"].items():
        assert key in actual, f"{vector['id']}: the adapter does not produce {key!r}"
        _assert_same(actual[key], expected, f"{vector['id']}.{key}")


def test_vector_file_is_complete() -> None:
    assert len(VECTORS) == 58
    assert len({v["id"] for v in VECTORS}) == 58
    assert {v["kind"] for v in VECTORS} <= set(RUNNERS)


def test_seed_matches_published_reference_weightings() -> None:
    seed = DATA["reference_weightings_seed"]
    assert wl.weightings_to_mapping(wl.SEED_WEIGHTINGS) == seed
    loaded = wl.weightings_from_mapping(seed, effective_from=wl.SEED_EFFECTIVE_FROM)
    assert loaded == wl.SEED_WEIGHTINGS


def test_seed_spot_values() -> None:
    seed = wl.SEED_WEIGHTINGS
    assert seed.normal.community["B2"] == 115
    assert seed.normal.licence["A3"] == 219
    assert seed.normal.custody["D0"] == 0
    assert seed.normal.community["B2S"] == 0
    assert seed.t2a.licence["A1"] == 59


# --------------------------------------------------------------------------------------
# Behaviour the vectors do not pin down
# --------------------------------------------------------------------------------------


def _b2(count: int) -> wl.CaseCount:
    return wl.CaseCount(wl.CaseClassification("B2", wl.CaseType.COMMUNITY), count)


def test_breakdown_reads_as_plain_words() -> None:
    workload = wl.workload_points(
        wl.SEED_WEIGHTINGS,
        cases=[_b2(10), _b2(2)],
        standard_court_reports=1,
        contacts_by_others_on_caseload={"CX": 2},
        contact_type_weightings={"CX": 5},
    )
    lines = [line.description for line in workload.lines]
    assert lines == [
        "12 community cases at tier B2 x 115 points = 1,380 points",
        "1 standard court report x 138 points = 138 points",
        "2 CX contacts by others on the caseload x 5 points = minus 10 points",
    ]
    available = wl.available_points_for_grade(wl.SEED_WEIGHTINGS, "PO")
    text = wl.explain_capacity(wl.capacity(workload, available))
    assert "Capacity: 1,508 / 2,176 = 69.3%" in text
    assert lines[0] in text


def test_untiered_and_unknown_cases_are_listed_but_score_nothing() -> None:
    workload = wl.workload_points(
        wl.SEED_WEIGHTINGS,
        cases=[
            wl.CaseCount(wl.CaseClassification(None, wl.CaseType.LICENSE), 2),
            wl.CaseCount(wl.CaseClassification("A3", wl.CaseType.UNKNOWN), 1),
        ],
    )
    assert workload.total == 0
    assert [line.kind for line in workload.lines] == [wl.LineKind.CASES_NOT_COUNTED] * 2
    assert "not counted" in wl.explain_workload(workload)


def test_t2a_cases_use_the_t2a_table() -> None:
    t2a_case = wl.CaseClassification("A3", wl.CaseType.COMMUNITY, t2a=True)
    assert wl.case_points(wl.SEED_WEIGHTINGS, t2a_case) == 75
    assert wl.case_points(wl.SEED_WEIGHTINGS, dataclasses.replace(t2a_case, t2a=False)) == 206


def test_zero_available_points_are_explained_not_hidden() -> None:
    workload = wl.workload_points(wl.SEED_WEIGHTINGS, cases=[_b2(3)])
    spo = wl.available_points_for_grade(wl.SEED_WEIGHTINGS, "SPO")
    result = wl.capacity(workload, spo)
    assert spo.points == 0
    assert result.percent == 0
    assert result.no_available_points
    assert "not because there is no work" in wl.explain_capacity(result)


@pytest.mark.parametrize(
    ("grade", "target", "hours"),
    [("PO", 2176, 37), ("PQiP", 2176, 37), ("PSO", 2176, 37), ("SPO", 2176, 0), ("DMY", 2176, 0)],
)
def test_grade_defaults(grade: str, target: int, hours: int) -> None:
    assert wl.nominal_target_for_grade(wl.SEED_WEIGHTINGS, grade) == target
    assert wl.default_hours_for_grade(wl.SEED_WEIGHTINGS, grade) == hours


def test_spo_has_its_own_nominal_target() -> None:
    # The seed sets both targets to 2176, so use distinct values to tell them apart.
    capacity = dataclasses.replace(wl.SEED_WEIGHTINGS.require_capacity(), nominal_target_spo=1000)
    w = dataclasses.replace(wl.SEED_WEIGHTINGS, capacity=capacity)
    assert wl.nominal_target_for_grade(w, "SPO") == 1000
    assert wl.nominal_target_for_grade(w, "PSO") == 2176
    assert wl.nominal_target_for_grade(w, None) == 2176


@pytest.mark.parametrize(("percent", "points"), [(150, 10), (100, 10), (-10, 9), (0, 9)])
def test_legacy_inactive_percent_is_clamped(percent: int, points: int) -> None:
    counts = wl.LegacyTierCounts(total=10, warrants=1)
    weights = {"warrants": percent, "unpaid_work": 100, "overdue_termination": 100}
    result = wl.legacy_points_for_tier(
        counts, 1, inactive_weighting_percent=weights, subtract_inactive=True
    )
    assert result == points


def test_reallocating_a_case_replaces_its_old_points() -> None:
    held_as = wl.CaseClassification("C1", wl.CaseType.COMMUNITY)
    new = wl.CaseClassification("A3", wl.CaseType.LICENSE)
    impact = wl.allocation_impact(
        wl.SEED_WEIGHTINGS,
        "PO",
        recorded=wl.RecordedWorkload(1000, 2000),
        case=new,
        currently_on_caseload_as=held_as,
    )
    assert impact.points_after == 1000 - 50 + 219
    assert impact.capacity_after == Decimal("58.5")
    assert "already on this caseload at 50 points" in wl.explain_impact(impact)


def test_weightings_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        wl.SEED_WEIGHTINGS.effective_from = ANY_DAY  # type: ignore[misc]
    with pytest.raises(TypeError):
        wl.SEED_WEIGHTINGS.normal.community["B2"] = 1  # type: ignore[index]


def test_missing_tier_column_is_rejected() -> None:
    raw = wl.weightings_to_mapping(wl.SEED_WEIGHTINGS)
    del raw["normal"]["community"]["B2S"]
    with pytest.raises(ValueError, match="B2S"):
        wl.weightings_from_mapping(raw, effective_from=ANY_DAY)


def test_points_only_weightings_refuse_capacity_questions() -> None:
    raw = wl.weightings_to_mapping(wl.SEED_WEIGHTINGS)
    del raw["normal"]["nominal_target"], raw["normal"]["default_contracted_hours"]
    points_only = wl.weightings_from_mapping(raw, effective_from=ANY_DAY)
    assert points_only.capacity is None
    with pytest.raises(ValueError, match="nominal targets"):
        wl.available_points_for_grade(points_only, "PO")


def test_bad_inputs_are_rejected() -> None:
    with pytest.raises(ValueError):
        wl.CaseClassification("E1", wl.CaseType.COMMUNITY)
    with pytest.raises(ValueError):
        _b2(-1)
    with pytest.raises(ValueError):
        wl.capacity_percent(10, -1)


def test_weightings_in_force_picks_newest_started() -> None:
    later = dataclasses.replace(wl.SEED_WEIGHTINGS, effective_from=date(2026, 7, 1))
    history = [wl.SEED_WEIGHTINGS, later]
    assert wl.weightings_in_force(history, date(2026, 6, 30)) is wl.SEED_WEIGHTINGS
    assert wl.weightings_in_force(history, date(2026, 7, 1)) is later
    with pytest.raises(LookupError):
        wl.weightings_in_force([later], date(2026, 1, 1))


def test_legacy_total_without_arms_and_parom_matches_note() -> None:
    # The vectors' note: the later wmt-worker copy drops ARMS and PAROM (5028 - 13 - 48).
    vector = next(v for v in VECTORS if v["id"] == "W051")
    inp = vector["input"]
    weights = dict(inp["weights"], paroms_enabled=False, arms_community=0, arms_licence=0)
    inp = dict(inp, weights=weights)
    assert run_legacy_workload_total(inp)["total"] == 4967


# --------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------

weights_32 = st.lists(st.integers(0, 300), min_size=32, max_size=32).map(
    lambda values: dict(zip(wl.TIERS, values, strict=True))
)
tables = st.builds(
    wl.CaseWeightTable,
    community=weights_32,
    licence=weights_32,
    custody=weights_32,
    standard_court_report=st.integers(0, 300),
    fast_court_report=st.integers(0, 300),
)
weightings = st.builds(wl.Weightings, effective_from=st.just(ANY_DAY), normal=tables, t2a=tables)
classifications = st.builds(
    wl.CaseClassification,
    tier=st.none() | st.sampled_from(wl.TIERS),
    case_type=st.sampled_from(list(wl.CaseType)),
    t2a=st.booleans(),
)
case_counts = st.builds(wl.CaseCount, classification=classifications, count=st.integers(0, 60))
contact_codes = st.sampled_from(["C1", "C2", "C3"])
contacts = st.dictionaries(contact_codes, st.integers(0, 30), max_size=3)
contact_weights = st.dictionaries(contact_codes, st.integers(0, 20), max_size=3)


@settings(max_examples=75, deadline=None)
@given(
    weightings,
    st.lists(case_counts, max_size=8),
    case_counts,
    contacts,
    contacts,
    contact_weights,
)
def test_adding_a_case_never_lowers_points(
    w: wl.Weightings,
    cases: list[wl.CaseCount],
    extra: wl.CaseCount,
    outside: dict[str, int],
    by_others: dict[str, int],
    contact_weightings: dict[str, int],
) -> None:
    def total(caseload: list[wl.CaseCount]) -> wl.WorkloadPoints:
        return wl.workload_points(
            w,
            cases=caseload,
            standard_court_reports=2,
            contacts_outside_caseload=outside,
            contacts_by_others_on_caseload=by_others,
            contact_type_weightings=contact_weightings,
        )

    before, after = total(cases), total([*cases, extra])
    assert after.total >= before.total
    assert after.total - before.total == extra.count * wl.case_points(w, extra.classification)
    # The breakdown always explains the whole total, line by line.
    assert sum(line.subtotal for line in after.lines) == after.total
    for line in after.lines:
        sign = -1 if line.kind is wl.LineKind.CONTACTS_BY_OTHERS else 1
        assert line.subtotal == sign * line.count * line.weight


def _half_up_percent(total: int, available: int) -> Decimal:
    """Independent oracle: round(total/available, 3 dp, half away from zero) x 100."""
    exact = Fraction(abs(total) * 1000, available)
    thousandths = int(exact + Fraction(1, 2))  # floor for non-negative values
    return Decimal(thousandths if total >= 0 else -thousandths) / 10


@settings(max_examples=200, deadline=None)
@given(st.integers(-5_000, 50_000), st.integers(1, 10_000))
def test_capacity_is_points_over_available_rounded_half_up(total: int, available: int) -> None:
    percent = wl.capacity_percent(total, available)
    assert percent == _half_up_percent(total, available)
    assert abs(Fraction(percent) - Fraction(total * 100, available)) <= Fraction(1, 20)
    assert percent == percent.quantize(Decimal("0.1"))


@given(st.integers(-5_000, 50_000))
def test_zero_available_gives_zero_capacity(total: int) -> None:
    assert wl.capacity_percent(total, 0) == 0


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 5000),
    st.integers(1, 60),
    st.decimals(0, 60, places=2),
    st.decimals(0, 60, places=2),
)
def test_available_points_shrink_with_reductions(
    target: int, default_hours: int, weekly: Decimal, reduction: Decimal
) -> None:
    more = wl.available_points(
        nominal_target=target,
        default_contracted_hours=default_hours,
        weekly_hours=weekly,
        reduction_hours=reduction,
    )
    none = wl.available_points(
        nominal_target=target, default_contracted_hours=default_hours, weekly_hours=weekly
    )
    assert 0 <= more.points <= none.points
    assert none.points <= Fraction(target) * Fraction(weekly) / default_hours
    if reduction >= weekly:
        assert more.points == 0


@settings(max_examples=75, deadline=None)
@given(weightings, classifications, st.integers(0, 3000), st.integers(0, 3000))
def test_impact_adds_the_case_once(
    w: wl.Weightings, case: wl.CaseClassification, total: int, available: int
) -> None:
    recorded = wl.RecordedWorkload(total, available)
    new = wl.allocation_impact(w, "PO", recorded=recorded, case=case)
    held = wl.allocation_impact(
        w, "PO", recorded=recorded, case=case, currently_on_caseload_as=case
    )
    assert new.points_after == total + wl.case_points(w, case)
    assert new.capacity_after >= new.capacity_before
    assert held.points_after == total
    assert held.capacity_after == held.capacity_before


@settings(max_examples=50, deadline=None)
@given(weightings)
def test_weightings_round_trip_through_mapping(w: wl.Weightings) -> None:
    assert wl.weightings_from_mapping(wl.weightings_to_mapping(w), effective_from=ANY_DAY) == w
