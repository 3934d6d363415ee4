"""Shared arithmetic, reference data and the risk.json vector harness used by the predictor tests.

The vectors use MoJ risk-actuarial API field names; each predictor's test module turns them into
our dataclasses and compares only the keys in ``expected`` (risk.json's own contract).
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules import actuarial
from desist.rules.actuarial import (
    Band,
    OffenceNotScorable,
    ProblemLevel,
    Sex,
    add_years,
    age_on,
    band_for,
    logistic,
    offence_free_months,
    offence_map,
    parse_offence_rows,
    percent_2dp,
    resolve_offence,
    round_half_up,
    whole_months_between,
    whole_percent,
)

VECTORS_FILE = Path(__file__).parent / "vectors" / "risk.json"
# Every tool in risk.json must be claimed by a test module (see test_every_vector_is_covered).
COVERED_TOOLS = {
    "test_ogrs3": {"OGRS3", "OGRS3_LOGISTIC", "OGRS3_BAND"},
    "test_ogp": {"OGP", "OGP_BAND"},
    "test_ovp": {"OVP", "OVP_BAND"},
    "test_snsv": {"SNSV"},
    "test_osp": {"OSP_DC", "OSP_IIC", "OSP_DC_POINTS_BAND"},
    "test_rsr": {"RSR", "RSR_BAND"},
    "test_predictors_2026": {
        "ARP",
        "VRP",
        "SVRP",
        "CSRP",
        "DC_SRP",
        "IIC_SRP",
        "ARP_BAND",
        "VRP_BAND",
        "SVRP_BAND",
        "CSRP_BAND",
    },
    "test_opd": {"OPD_SCREEN"},
}


def all_vectors() -> list[dict[str, Any]]:
    return json.loads(VECTORS_FILE.read_text(encoding="utf-8"))["vectors"]


def vector_params(*tools: str) -> list[Any]:
    """pytest params (id = vector id) for the given tools; fails loudly if none are found."""
    found = [pytest.param(v, id=v["id"]) for v in all_vectors() if v["tool"] in tools]
    assert found, f"no vectors for {tools}"
    return found


def _tolerance(expected: float) -> float:
    """Half a unit in the last decimal the vector states (exact for already-rounded values)."""
    text = repr(float(expected))
    decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 15
    return max(0.5 * 10.0**-decimals, 1e-10) if decimals < 10 else 1e-10


def assert_matches(expected: Any, actual: Any, path: str = "expected") -> None:
    """Compare only keys present in ``expected``; ints and bools exactly, floats to stated dp."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected a mapping, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{path}.{key}: not produced"
            assert_matches(value, actual[key], f"{path}.{key}")
    elif expected is None or isinstance(expected, bool | str):
        assert actual == expected and type(actual) is type(expected), (
            f"{path}: expected {expected!r}, got {actual!r}"
        )
    elif isinstance(expected, int):
        assert actual == expected and not isinstance(actual, bool), (
            f"{path}: expected {expected}, got {actual!r}"
        )
    else:
        assert isinstance(actual, int | float) and not isinstance(actual, bool), path
        assert abs(actual - expected) <= _tolerance(expected), (
            f"{path}: expected {expected}, got {actual!r}"
        )


def d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def level(text: str | None) -> ProblemLevel | None:
    return ProblemLevel[text] if text else None


def start_of_follow_up(inp: dict[str, Any]) -> date:
    for key in (
        "dateAtStartOfFollowupCalculated",
        "dateAtStartOfFollowupUserInput",
        "dateAtStartOfFollowup",
    ):
        if inp.get(key):
            return date.fromisoformat(inp[key])
    raise KeyError("no start of follow-up")


# ---------------------------------------------------------------------------------------------
# Harness self-tests: the comparison must be able to fail.
# ---------------------------------------------------------------------------------------------


def test_every_vector_is_covered() -> None:
    claimed = set().union(*COVERED_TOOLS.values())
    tools = {v["tool"] for v in all_vectors()}
    assert tools == claimed
    assert len(all_vectors()) == 109


def test_vector_ids_are_unique() -> None:
    ids = [v["id"] for v in all_vectors()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        (0.24, 0.25),
        (17, 18),
        ("LOW", "MEDIUM"),
        (None, "LOW"),
        (True, 1),
        ({"a": 1}, {}),
        (-2.8166361950725585, -2.81663619),
        (-3.46147, -3.4614),
    ],
)
def test_assert_matches_rejects_mismatches(expected: Any, actual: Any) -> None:
    with pytest.raises(AssertionError):
        assert_matches(expected, actual)


def test_assert_matches_accepts_rounded_summaries_and_extra_keys() -> None:
    assert_matches({"x": -3.46147, "y": 0.24}, {"x": -3.461472, "y": 0.24, "z": 9})


# ---------------------------------------------------------------------------------------------
# Arithmetic
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dob", "on", "age"),
    [
        (date(2004, 6, 1), date(2025, 6, 1), 21),  # birthday counts on the day
        (date(2004, 6, 1), date(2025, 5, 31), 20),
        (date(2000, 2, 29), date(2021, 2, 28), 20),  # leapling: a year older on 1 March
        (date(2000, 2, 29), date(2021, 3, 1), 21),
        (date(2000, 2, 29), date(2024, 2, 29), 24),
    ],
)
def test_age_on(dob: date, on: date, age: int) -> None:
    assert age_on(dob, on) == age


def test_age_before_birth_is_an_error() -> None:
    with pytest.raises(ValueError):
        age_on(date(2000, 1, 2), date(2000, 1, 1))


def test_add_years_rolls_29_february_to_1_march() -> None:
    assert add_years(date(2020, 2, 29), 5) == date(2025, 3, 1)
    assert add_years(date(2020, 2, 29), 4) == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2024, 1, 1), date(2025, 1, 1), 12),
        (date(2024, 1, 5), date(2025, 6, 12), 17),
        (date(2024, 1, 31), date(2024, 2, 29), 0),  # Java ChronoUnit.MONTHS semantics
        (date(2024, 1, 31), date(2024, 3, 31), 2),
    ],
)
def test_whole_months_between(start: date, end: date, months: int) -> None:
    assert whole_months_between(start, end) == months


def test_offence_free_months_is_zero_before_sof_and_capped_at_36() -> None:
    assert offence_free_months(date(2027, 1, 1), date(2025, 1, 1)) == 0
    assert offence_free_months(date(2021, 12, 12), date(2026, 8, 1)) == 36
    assert offence_free_months(date(2024, 1, 1), date(2026, 12, 31)) == 35


def test_half_up_rounding_differs_from_bankers_rounding() -> None:
    assert round_half_up(0.125, 2) == 0.13
    assert round_half_up(2.5, 0) == 3.0
    assert whole_percent(0.005) == 1  # clamped
    assert whole_percent(0.999) == 99
    assert whole_percent(0.20500) == 21
    assert percent_2dp(0.02385) == 2.39  # half-even would give 2.38


@given(st.floats(min_value=-700, max_value=700, allow_nan=False))
@settings(max_examples=200, deadline=None)
def test_logistic_is_a_probability_and_monotone(z: float) -> None:
    p = logistic(z)
    assert 0.0 <= p <= 1.0
    assert logistic(z + 0.5) >= p
    assert math.isclose(p + logistic(-z), 1.0, abs_tol=1e-12)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0.99, Band.LOW),
        (1, Band.MEDIUM),
        (2.99, Band.MEDIUM),
        (3, Band.HIGH),
        (6.89, Band.HIGH),
        (6.9, Band.VERY_HIGH),
    ],
)
def test_band_for_uses_inclusive_lower_bounds(score: float, band: Band) -> None:
    assert band_for(score, (1, 3, 6.9)) is band


# ---------------------------------------------------------------------------------------------
# Offence map
# ---------------------------------------------------------------------------------------------


def test_offence_map_loads_every_code() -> None:
    table = offence_map()
    assert len(table) == 3039
    assert all(len(code) == 5 for code in table)


def test_resolve_offence_by_code_not_name() -> None:
    supply = resolve_offence("09230")  # Class A supply
    assert supply.ogrs3_category == "Drug import/export/production"
    assert supply.category_2026 == "DRUG_POSSESSION_OR_SUPPLY"  # the 2026 map differs


def test_unknown_code_is_not_scorable() -> None:
    with pytest.raises(OffenceNotScorable):
        resolve_offence("99999")


def test_resolver_accepts_an_injected_table() -> None:
    row = {
        "ho_offence_code": "12345",
        "group": "g",
        "offence": "o",
        "detail": "x",
        "actuarial_category_2026": "OTHER_OFFENCES",
        "ogrs3_category": "Other offence",
        "ogrs3_weight": "-0.0607",
        "snsv_category": "",
        "snsv_static_w": "",
        "snsv_dynamic_w": "",
        "snsv_vatp_category": "",
        "snsv_vatp_static_w": "",
        "snsv_vatp_dynamic_w": "",
        "opd_violent_or_sexual": "N",
        "is_violent_sanction": "N",
    }
    table = parse_offence_rows([row])
    mapping = resolve_offence("12345", table)
    assert mapping.ogrs3_weight == -0.0607 and mapping.snsv is None
    with pytest.raises(OffenceNotScorable):
        resolve_offence("09230", table)


def test_vector_offence_lookups_agree_with_the_packaged_map() -> None:
    """input.resolved in risk.json must be what our map resolves (bar the one mocked weight)."""
    checked = 0
    for vector in all_vectors():
        resolved = vector["input"].get("resolved")
        if not resolved or resolved.get("offence_code") is None:
            continue
        mapping = resolve_offence(resolved["offence_code"])
        category = resolved.get("ogrs3_category", "")
        if category and not category.startswith("(mocked"):
            assert mapping.ogrs3_category == category
            assert mapping.ogrs3_weight == resolved["ogrs3_weight"]
        if "snsv_static_weight" in resolved:
            assert mapping.snsv is not None
            assert mapping.snsv.static_weight == resolved["snsv_static_weight"]
            assert mapping.snsv.vatp_dynamic_weight == resolved["snsv_vatp_dynamic_weight"]
        if "actuarial_category" in resolved:
            assert mapping.category_2026 == resolved["actuarial_category"]
        if "opd_violent_or_sexual" in resolved:
            assert mapping.opd_violent_or_sexual is resolved["opd_violent_or_sexual"]
        checked += 1
    assert checked > 30


def test_sex_enum_matches_api_spelling() -> None:
    assert Sex("FEMALE") is Sex.FEMALE


# ---------------------------------------------------------------------------------------------
# Vector adapters shared by several predictor tests (MoJ API names -> our dataclasses)
# ---------------------------------------------------------------------------------------------

_DRUG_FIELDS = {
    "hasHeroinUsage": "HEROIN",
    "hasMethadoneUsage": "METHADONE",
    "hasOtherOpiateUsage": "OTHER_OPIATE",
    "hasCrackCocaineUsage": "CRACK_COCAINE",
    "hasPowderCocaineUsage": "POWDER_COCAINE",
    "hasMisusedPrescriptionDrugUsage": "PRESCRIPTION_DRUG_MISUSE",
    "hasBenzodiazepinesUsage": "BENZODIAZEPINES",
    "hasCannabisUsage": "CANNABIS",
    "hasSteroidsUsage": "STEROIDS",
    "hasOtherDrugsUsage": "OTHER_DRUGS",
}


def history_from(inp: dict[str, Any]) -> Any:
    from desist.rules.logit_model import CriminalHistory

    return CriminalHistory(
        sex=Sex(inp["gender"]),
        date_of_birth=date.fromisoformat(inp["dateOfBirth"]),
        conviction_date=date.fromisoformat(inp["dateOfCurrentConviction"]),
        start_of_follow_up=start_of_follow_up(inp),
        assessment_date=date.fromisoformat(inp["assessmentDate"]),
        total_sanctions=inp["totalNumberOfSanctionsForAllOffences"],
        age_at_first_sanction=inp["ageAtFirstSanction"],
        violent_sanctions=inp.get("totalNumberOfViolentSanctions") or 0,
    )


def dynamic_from(inp: dict[str, Any]) -> Any:
    """Only answers present in the vector are set; the rest stay unanswered (None)."""
    from desist.rules.actuarial import MotivationLevel, PreviousConviction
    from desist.rules.logit_model import Drug, DynamicItems

    drugs = None
    if any(k in inp for k in _DRUG_FIELDS):
        drugs = frozenset(Drug(v) for k, v in _DRUG_FIELDS.items() if inp.get(k))
    status = inp.get("currentRelationshipStatus")
    previous = inp.get("previousConvictions")
    motivation = inp.get("motivationToTackleDrugMisuse")
    return DynamicItems(
        weapon=inp.get("didOffenceInvolveCarryingOrUsingWeapon"),
        accommodation_suitability=level(inp.get("suitabilityOfAccommodation")),
        unemployed=inp.get("isUnemployed"),
        living_with_partner=None if status is None else status == "IN_RELATIONSHIP_LIVING_TOGETHER",
        partner_relationship=level(inp.get("currentRelationshipWithPartner")),
        domestic_abuse_perpetrator=inp.get("evidenceOfDomesticAbuse"),
        domestic_abuse_against_partner=inp.get("domesticAbuseAgainstPartner"),
        activities_encourage_offending=level(inp.get("regularOffendingActivities")),
        motivation_to_tackle_drug_misuse=MotivationLevel[motivation] if motivation else None,
        current_alcohol_use=level(inp.get("currentAlcoholUseProblems")),
        binge_drinking=level(inp.get("excessiveAlcoholUse")),
        impulsivity=level(inp.get("impulsivityProblems")),
        temper_control=level(inp.get("temperControl")),
        pro_criminal_attitudes=level(inp.get("proCriminalAttitudes")),
        drugs_used=drugs,
        previous_convictions=None
        if previous is None
        else frozenset(PreviousConviction(p) for p in previous),
    )


def sexual_from(inp: dict[str, Any]) -> Any:
    from desist.rules.actuarial import SupervisionStatus
    from desist.rules.osp import OspDcInput, SexualHistory

    status = inp.get("supervisionStatus")
    return OspDcInput(
        sexual=SexualHistory(
            sex=Sex(inp["gender"]),
            has_sexual_offence_history=bool(inp.get("hasEverCommittedSexualOffence")),
            contact_adult_sanctions=inp.get("totalContactAdultSexualSanctions") or 0,
            contact_child_sanctions=inp.get("totalContactChildSexualSanctions") or 0,
            non_contact_sanctions=inp.get("totalNonContactSexualOffences") or 0,
            image_sanctions=inp.get("totalIndecentImageSanctions") or 0,
        ),
        date_of_birth=date.fromisoformat(inp["dateOfBirth"]) if "dateOfBirth" in inp else date.min,
        start_of_follow_up=start_of_follow_up(inp) if "dateOfBirth" in inp else date.min,
        total_sanctions=inp.get("totalNumberOfSanctionsForAllOffences") or 0,
        most_recent_sexual_sanction_date=d(inp.get("dateOfMostRecentSexualOffence")),
        stranger_victim=bool(inp.get("isCurrentOffenceAgainstVictimStranger")),
        supervision_status=SupervisionStatus(status) if status else None,
        assessment_date=d(inp.get("assessmentDate")),
        most_recent_offence_date=d(inp.get("mostRecentOffenceDate")),
    )


def model_force(inp: dict[str, Any]) -> Any:
    from desist.rules.actuarial import ModelType

    forced = inp.get("snsvStaticOrDynamic")
    return ModelType(forced) if forced else None


# ---------------------------------------------------------------------------------------------
# Offence map as reference data: checking rows before they are saved
# ---------------------------------------------------------------------------------------------

GOOD_ROW = {
    "ho_offence_code": "10400",
    "group": "Violence against the person",
    "offence": "Assault",
    "detail": "",
    "actuarial_category_2026": "VIOLENCE_AGAINST_THE_PERSON_SUB_ABH",
    "ogrs3_category": "Violence",
    "ogrs3_weight": "0.0",
    "snsv_category": "Violence against the person",
    "snsv_static_w": "0.01927038224",
    "snsv_dynamic_w": "-0.006538498404",
    "snsv_vatp_category": "",
    "snsv_vatp_static_w": "",
    "snsv_vatp_dynamic_w": "",
    "opd_violent_or_sexual": "Y",
    "is_violent_sanction": "Y",
}


def test_every_packaged_row_is_fit_to_score_with():
    text = actuarial.OFFENCE_MAP_FILE.read_text(encoding="utf-8")
    rows, problems = actuarial.read_offence_map(text)
    assert problems == []
    assert actuarial.parse_offence_rows(rows) == actuarial.offence_map()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"ho_offence_code": "1040"}, ("ho_offence_code", "must be 5 digits")),
        ({"ho_offence_code": "1040a"}, ("ho_offence_code", "must be 5 digits")),
        ({"offence": " "}, ("offence", "is empty")),
        (
            {"actuarial_category_2026": "VIOLENCE"},
            ("actuarial_category_2026", "'VIOLENCE' is not a 2026 category"),
        ),
        ({"ogrs3_category": "Violent"}, ("ogrs3_category", "'Violent' is not an OGRS3 category")),
        ({"ogrs3_weight": "nan"}, ("ogrs3_weight", "must be a number")),
        ({"ogrs3_weight": ""}, ("ogrs3_weight", "is needed for an OGRS3 category")),
        ({"snsv_dynamic_w": ""}, ("snsv_dynamic_w", "is needed for an SNSV category")),
        ({"snsv_vatp_static_w": "x"}, ("snsv_vatp_static_w", "must be a number")),
        ({"is_violent_sanction": "y"}, ("is_violent_sanction", "must be Y or N")),
    ],
)
def test_a_bad_row_is_explained_by_column(change, problem):
    assert actuarial.offence_row_problems(GOOD_ROW) == []
    assert actuarial.offence_row_problems(GOOD_ROW | change) == [problem]


def test_codes_that_need_a_subcode_have_no_weight():
    row = GOOD_ROW | {"ogrs3_category": "NEED_DETAILS_OF_EXACT_OFFENCE", "ogrs3_weight": ""}
    assert actuarial.offence_row_problems(row) == []


def test_reading_a_map_numbers_rows_as_a_spreadsheet_does():
    header = ",".join(actuarial.OFFENCE_MAP_COLUMNS)
    good = ",".join(GOOD_ROW[c] for c in actuarial.OFFENCE_MAP_COLUMNS)
    bad = good.replace(",Y,Y", ",Y,maybe")
    rows, problems = actuarial.read_offence_map("\n".join([header, good, bad, good]))
    assert len(rows) == 3
    assert [str(p) for p in problems] == [
        "Row 3, is violent sanction: must be Y or N",
        "Row 3, ho offence code: is given twice",
        "Row 4, ho offence code: is given twice",
    ]
    assert actuarial.read_offence_map("code\n1")[1][0].column == "headings"
    assert str(actuarial.read_offence_map(header)[1][0]) == (
        "Row 2, ho offence code: the file has no offences"
    )
