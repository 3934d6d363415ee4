"""Enforcement, recall type and the Probation Reset: rules.md §3 cases, boundaries, properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules.enforcement import (
    FTR56_TRANCHES,
    ActionKind,
    DueKind,
    EnforcementAction,
    EnforcementAssessment,
    EnforcementHistory,
    EnforcementPolicy,
    Failure,
    FailureKind,
    OrderType,
    RecallCase,
    RecallType,
    Rosh,
    SupervisionPeriod,
    action_from_code,
    enforcement_due,
    failure_from_outcome,
    final_third,
    ftr56_tranche_date,
    recall_type_suggested,
)
from desist.rules.release_dates import PSS_REPEAL, Term
from desist.rules.working_days import add_working_days, is_working_day

CO = OrderType.COMMUNITY_ORDER
SSO = OrderType.SUSPENDED_SENTENCE_ORDER
LICENCE = OrderType.LICENCE
PSS = OrderType.POST_SENTENCE_SUPERVISION
FTA = FailureKind.FAILED_TO_ATTEND
FTC = FailureKind.FAILED_TO_COMPLY


def warning(on: date, code: str = "EA02") -> EnforcementAction:
    return EnforcementAction(on, ActionKind.WARNING, code)


def assess(
    order: OrderType,
    failures: list[date] | list[Failure],
    actions: list[EnforcementAction],
    today: date,
    policy: EnforcementPolicy | None = None,
) -> EnforcementAssessment:
    recorded = tuple(f if isinstance(f, Failure) else Failure(f, FTA) for f in failures)
    return enforcement_due(EnforcementHistory(order, recorded, tuple(actions)), today, policy)


def only(assessment: EnforcementAssessment):
    assert len(assessment.due) == 1, assessment.due
    return assessment.due[0]


# --- rules.md §3 test cases ---------------------------------------------------------------------


def test_tc_warning_then_failure_within_12_months_breach_due_in_10_working_days() -> None:
    """TC: warning 2025-03-01, second unacceptable failure 2026-02-20 -> breach due, +10 wd."""
    result = assess(CO, [date(2026, 2, 20)], [warning(date(2025, 3, 1))], date(2026, 2, 23))
    action = only(result)
    assert action.kind is DueKind.BREACH
    assert action.due == add_working_days(date(2026, 2, 20), 10) == date(2026, 3, 6)
    assert action.prior_warning == date(2025, 3, 1)
    assert not action.overdue
    assert "mandatory" in action.reason and "PC 43/2004" in action.reason
    assert "Sch 10 para 6" in action.reason


def test_tc_second_failure_outside_12_months_another_warning_allowed() -> None:
    """TC: second failure 2026-03-02 (outside 12 months) -> another warning is allowed."""
    result = assess(CO, [date(2026, 3, 2)], [warning(date(2025, 3, 1))], date(2026, 3, 2))
    action = only(result)
    assert action.kind is DueKind.WARNING
    assert "another warning is allowed" in action.reason
    assert action.prior_warning is None


def test_tc_recall_sds_3_years_mappa_1_is_fixed_term_56_days() -> None:
    """TC: SDS 3 years, MAPPA 1, non-compliance, returned 2026-05-01 -> FTR, PRRD 2026-06-25."""
    case = RecallCase(
        recall_date=date(2026, 5, 1),
        sentence_length=Term(years=3),
        mappa_level=1,
        returned_to_custody=date(2026, 5, 1),
    )
    suggestion = recall_type_suggested(case)
    assert suggestion.recall_type is RecallType.FIXED_TERM
    assert suggestion.fixed_term_days == 56
    assert suggestion.post_recall_release_date == date(2026, 6, 25)


def test_tc_recall_moj_vector_ftr56_return_plus_55_days() -> None:
    """MoJ vector ftr-56/crs-2462-ac1-1: return 2026-09-12 -> PRRD 2026-11-06."""
    case = RecallCase(date(2026, 9, 12), Term(years=3), returned_to_custody=date(2026, 9, 12))
    assert recall_type_suggested(case).post_recall_release_date == date(2026, 11, 6)


def test_tc_recall_same_case_at_mappa_level_2_is_standard() -> None:
    case = RecallCase(date(2026, 5, 1), Term(years=3), mappa_level=2)
    suggestion = recall_type_suggested(case)
    assert suggestion.recall_type is RecallType.STANDARD
    assert suggestion.fixed_term_days is None
    assert suggestion.post_recall_release_date is None
    assert "MAPPA level 2" in suggestion.reasons[0]


def test_tc_final_third_licence_low_rosh_non_mappa() -> None:
    """TC: licence 2026-01-01 -> 2026-12-31, low RoSH, non-MAPPA: nothing routine after
    2026-09-01 except one follow-up around 2026-11-01."""
    plan = final_third(SupervisionPeriod(LICENCE, date(2026, 1, 1), date(2026, 12, 31)))
    assert plan.applies
    assert plan.starts == date(2026, 9, 1)
    assert plan.routine_appointments_expected(date(2026, 8, 31))
    assert not plan.routine_appointments_expected(date(2026, 9, 2))
    assert not plan.routine_appointments_expected(date(2026, 12, 31))
    assert plan.follow_up is not None
    assert abs((plan.follow_up - date(2026, 11, 1)).days) <= 3
    assert plan.follow_up == date(2026, 11, 2)  # 1 Nov 2026 is a Sunday
    assert plan.appointment_expected(plan.follow_up)
    final_days = [date(2026, 9, 2) + timedelta(days=i) for i in range(121)]
    assert [d for d in final_days if plan.appointment_expected(d)] == [plan.follow_up]


def test_tc_final_third_same_case_at_mappa_level_1_appointments_still_due() -> None:
    period = SupervisionPeriod(LICENCE, date(2026, 1, 1), date(2026, 12, 31), mappa_level=1)
    plan = final_third(period)
    assert not plan.applies
    assert plan.exemptions == ("MAPPA case",)
    assert plan.routine_appointments_expected(date(2026, 10, 15))


def test_tc_pss_breach_begun_before_repeal_can_still_be_prosecuted() -> None:
    """rules.md §2 TC: a PSS breach that began 2026-04-01 can still be prosecuted."""
    result = assess(PSS, [date(2026, 4, 1)], [warning(date(2026, 1, 5))], date(2026, 5, 20))
    action = only(result)
    assert action.kind is DueKind.BREACH
    assert action.overdue


def test_pss_failures_after_the_repeal_need_nothing() -> None:
    result = assess(PSS, [PSS_REPEAL], [warning(date(2026, 1, 5))], PSS_REPEAL)
    assert result.due == ()


# --- The 12-month boundary ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("warned", "failed", "expected"),
    [
        (date(2025, 3, 1), date(2026, 2, 28), DueKind.BREACH),
        (date(2025, 3, 1), date(2026, 3, 1), DueKind.BREACH),  # the corresponding date
        (date(2025, 3, 1), date(2026, 3, 2), DueKind.WARNING),
        (date(2024, 2, 29), date(2025, 2, 28), DueKind.BREACH),  # no 29 Feb: month end
        (date(2024, 2, 29), date(2025, 3, 1), DueKind.WARNING),
        (date(2025, 3, 1), date(2025, 3, 2), DueKind.BREACH),  # the very next day
    ],
    ids=str,
)
def test_twelve_month_boundary(warned: date, failed: date, expected: DueKind) -> None:
    assert only(assess(CO, [failed], [warning(warned)], failed)).kind is expected


def test_failure_on_the_day_of_the_warning_is_answered_by_it() -> None:
    same_day = date(2026, 1, 12)
    assert assess(CO, [same_day], [warning(same_day)], same_day).due == ()
    later = assess(
        CO, [same_day, same_day + timedelta(days=1)], [warning(same_day)], date(2026, 2, 1)
    )
    assert only(later).kind is DueKind.BREACH


def test_the_latest_live_warning_counts() -> None:
    warnings = [warning(date(2024, 1, 10)), warning(date(2025, 6, 1))]
    action = only(assess(SSO, [date(2026, 2, 1)], warnings, date(2026, 2, 2)))
    assert action.kind is DueKind.BREACH
    assert action.prior_warning == date(2025, 6, 1)
    assert "Sch 16" in action.reason


# --- The 10-working-day boundary ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("failed", "due"),
    [
        (date(2026, 2, 20), date(2026, 3, 6)),
        (date(2026, 4, 2), date(2026, 4, 20)),  # across Good Friday and Easter Monday
        (date(2026, 3, 27), date(2026, 4, 14)),  # Easter inside the ten days
        (date(2026, 12, 24), date(2027, 1, 12)),  # across Christmas, substitute and New Year
        (date(2025, 12, 19), date(2026, 1, 7)),  # 25, 26 Dec and 1 Jan skipped
    ],
    ids=str,
)
def test_breach_due_date_and_overdue_on_both_sides(failed: date, due: date) -> None:
    history = [warning(failed - timedelta(days=30))]
    on_the_day = only(assess(CO, [failed], history, due))
    assert on_the_day.due == due
    assert not on_the_day.overdue
    assert not only(assess(CO, [failed], history, due - timedelta(days=1))).overdue
    assert only(assess(CO, [failed], history, due + timedelta(days=1))).overdue


def test_warning_due_date_across_easter() -> None:
    action = only(assess(CO, [date(2026, 4, 2)], [], date(2026, 4, 21)))
    assert action.kind is DueKind.WARNING
    assert action.due == date(2026, 4, 20)
    assert action.overdue


def test_policy_changes_the_deadlines() -> None:
    policy = EnforcementPolicy(warning_working_days=5, breach_working_days=3)
    first = only(assess(CO, [date(2026, 3, 2)], [], date(2026, 3, 2), policy))
    assert first.due == date(2026, 3, 9)
    second = only(
        assess(CO, [date(2026, 3, 20)], [warning(date(2026, 3, 3))], date(2026, 3, 20), policy)
    )
    assert second.due == date(2026, 3, 25)


# --- What answers a due action ------------------------------------------------------------------


def test_first_failure_needs_a_warning_with_the_required_content() -> None:
    action = only(assess(CO, [Failure(date(2026, 3, 2), FTC, ref="C1")], [], date(2026, 3, 3)))
    assert action.kind is DueKind.WARNING
    assert action.failure.ref == "C1"
    assert action.warning_must[0] == "describe the failure: failed to comply on 2026-03-02"
    assert "unacceptable" in action.warning_must[1]
    assert "within 12 months" in action.warning_must[2] and "court" in action.warning_must[2]
    assert "Sch 10 para 5" in action.reason


def test_licence_warning_says_recall_not_court() -> None:
    action = only(assess(LICENCE, [date(2026, 3, 2)], [], date(2026, 3, 3)))
    assert "recalled" in action.warning_must[2]


def test_one_warning_answers_every_failure_before_it() -> None:
    failures = [date(2026, 3, 2), date(2026, 3, 4)]
    assert assess(CO, failures, [warning(date(2026, 3, 5))], date(2026, 3, 6)).due == ()


def test_breach_instead_of_a_warning_answers_the_failure() -> None:
    breach = EnforcementAction(date(2026, 3, 3), ActionKind.BREACH, "BRE")
    assert assess(CO, [date(2026, 3, 2)], [breach], date(2026, 3, 4)).due == ()


def test_breach_action_answers_the_breach() -> None:
    actions = [warning(date(2025, 3, 1)), EnforcementAction(date(2026, 2, 25), ActionKind.BREACH)]
    result = assess(CO, [date(2026, 2, 20)], actions, date(2026, 3, 10))
    assert result.due == ()
    assert result.summary.breach_actions == 1


def test_a_warning_does_not_answer_a_mandatory_breach() -> None:
    actions = [warning(date(2025, 3, 1)), warning(date(2026, 2, 21), "EA03")]
    assert only(assess(CO, [date(2026, 2, 20)], actions, date(2026, 3, 10))).kind is DueKind.BREACH


def test_an_earlier_breach_does_not_answer_a_later_failure() -> None:
    actions = [warning(date(2025, 9, 1)), EnforcementAction(date(2026, 1, 5), ActionKind.BREACH)]
    assert only(assess(CO, [date(2026, 2, 20)], actions, date(2026, 3, 1))).kind is DueKind.BREACH


def test_licence_failure_after_warning_needs_recall_consideration() -> None:
    action = only(
        assess(LICENCE, [date(2026, 2, 20)], [warning(date(2025, 3, 1), "LCL")], date(2026, 2, 20))
    )
    assert action.kind is DueKind.RECALL_CONSIDERATION
    assert action.due == date(2026, 2, 23)
    assert "s.254" in action.reason


@pytest.mark.parametrize("answer", [ActionKind.RECALL_REQUEST, ActionKind.DECISION_NOT_TO_RECALL])
def test_recall_consideration_is_answered_by_a_decision(answer: ActionKind) -> None:
    actions = [warning(date(2025, 3, 1)), EnforcementAction(date(2026, 2, 21), answer)]
    result = assess(LICENCE, [date(2026, 2, 20)], actions, date(2026, 3, 1))
    assert result.due == ()


def test_withdrawn_warning_does_not_count() -> None:
    actions = [
        warning(date(2025, 3, 1)),
        EnforcementAction(date(2025, 4, 1), ActionKind.WARNING_WITHDRAWN, "EA06"),
    ]
    assert only(assess(CO, [date(2026, 2, 20)], actions, date(2026, 2, 20))).kind is DueKind.WARNING


def test_withdrawal_names_its_warning() -> None:
    actions = [
        warning(date(2025, 3, 1)),
        warning(date(2025, 6, 1), "EA03"),
        EnforcementAction(
            date(2025, 7, 1), ActionKind.WARNING_WITHDRAWN, withdraws=date(2025, 6, 1)
        ),
    ]
    action = only(assess(CO, [date(2026, 2, 20)], actions, date(2026, 2, 20)))
    assert action.prior_warning == date(2025, 3, 1)


def test_withdrawal_with_nothing_to_withdraw_is_ignored() -> None:
    actions = [
        EnforcementAction(date(2025, 2, 1), ActionKind.WARNING_WITHDRAWN),
        EnforcementAction(
            date(2025, 2, 2), ActionKind.WARNING_WITHDRAWN, withdraws=date(2025, 1, 1)
        ),
        warning(date(2025, 3, 1)),
    ]
    assert only(assess(CO, [date(2026, 2, 20)], actions, date(2026, 2, 20))).kind is DueKind.BREACH


def test_withdrawing_a_warning_that_answered_a_failure_makes_it_due_again() -> None:
    actions = [
        warning(date(2026, 3, 3)),
        EnforcementAction(date(2026, 3, 10), ActionKind.WARNING_WITHDRAWN, "EA07"),
    ]
    assert only(assess(CO, [date(2026, 3, 2)], actions, date(2026, 3, 11))).kind is DueKind.WARNING


def test_records_after_today_are_ignored() -> None:
    result = assess(
        CO, [date(2026, 3, 2), date(2026, 5, 1)], [warning(date(2026, 3, 3))], date(2026, 3, 2)
    )
    action = only(result)
    assert action.failure.on == date(2026, 3, 2) and action.kind is DueKind.WARNING


def test_acceptable_absences_are_ignored() -> None:
    failures = [Failure(date(2026, 3, 2), FTA, acceptable=True)]
    result = assess(CO, failures, [], date(2026, 4, 1))
    assert result.due == ()
    assert result.summary.unacceptable_failures_last_12_months == 0


def test_compliance_summary() -> None:
    failures = [date(2025, 1, 6), date(2025, 6, 2), date(2025, 7, 1), date(2026, 2, 20)]
    actions = [
        warning(date(2025, 1, 8)),
        warning(date(2025, 6, 3)),
        EnforcementAction(date(2025, 7, 2), ActionKind.BREACH, "BRE"),
        warning(date(2025, 8, 1)),
        EnforcementAction(date(2025, 8, 5), ActionKind.WARNING_WITHDRAWN, "EA06"),
    ]
    summary = assess(CO, failures, actions, date(2026, 3, 1)).summary
    assert summary.unacceptable_failures_last_12_months == 3  # 6 Jan 2025 is out
    assert summary.warnings_last_12_months == 1  # 8 Jan 2025 out; 1 Aug withdrawn
    assert summary.breach_actions == 1
    assert summary.recall_requests == 0
    assert summary.live_warning == date(2025, 6, 3)
    assert summary.live_warning_until == date(2026, 6, 3)


# --- Code mappings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "kind", "acceptable"),
    [
        ("AFTA", FTA, False),
        ("UAAB", FTA, False),
        ("AFTC", FTC, False),
        ("ATSH", FTC, False),
        ("AAME", FTA, True),
        ("aacl", FTA, True),
        ("CO05", FTA, True),
        ("CO10", FTA, True),
    ],
)
def test_outcome_codes(code: str, kind: FailureKind, acceptable: bool) -> None:
    failure = failure_from_outcome(code, date(2026, 3, 2), ref="X")
    assert failure == Failure(date(2026, 3, 2), kind, acceptable, "X")


@pytest.mark.parametrize("code", ["ATTC", "ATSS", "RSSR", "RSOF"])
def test_outcomes_that_are_no_failure(code: str) -> None:
    assert failure_from_outcome(code, date(2026, 3, 2)) is None


@pytest.mark.parametrize(
    ("code", "order", "kind"),
    [
        ("EA02", CO, ActionKind.WARNING),
        ("EA03", SSO, ActionKind.WARNING),
        ("LCL", LICENCE, ActionKind.WARNING),
        ("EA08", CO, ActionKind.BREACH),
        ("BRE", CO, ActionKind.BREACH),
        ("IBR", CO, ActionKind.BREACH),
        ("IMB", LICENCE, ActionKind.RECALL_REQUEST),
        ("IBR", LICENCE, ActionKind.RECALL_REQUEST),
        ("EA11", LICENCE, ActionKind.RECALL_REQUEST),
        ("EA06", CO, ActionKind.WARNING_WITHDRAWN),
        ("EA07", CO, ActionKind.WARNING_WITHDRAWN),
        ("NFA", CO, ActionKind.OTHER),
        ("ROM", CO, ActionKind.OTHER),
        ("C173", CO, ActionKind.OTHER),
    ],
)
def test_enforcement_codes(code: str, order: OrderType, kind: ActionKind) -> None:
    assert action_from_code(code, date(2026, 3, 2), order).kind is kind


def test_withdrawal_code_keeps_its_target() -> None:
    action = action_from_code("EA06", date(2026, 3, 2), CO, withdraws=date(2026, 1, 1))
    assert action.withdraws == date(2026, 1, 1)
    assert (
        action_from_code("EA02", date(2026, 3, 2), CO, withdraws=date(2026, 1, 1)).withdraws is None
    )


def test_unknown_codes_are_refused() -> None:
    with pytest.raises(ValueError):
        failure_from_outcome("ZZZZ", date(2026, 3, 2))
    with pytest.raises(ValueError):
        action_from_code("EA99", date(2026, 3, 2), CO)


# --- Recall type --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"mappa_level": 3}, "MAPPA level 3"),
        ({"mappa_category": 4}, "category 4"),
        ({"extended_determinate_sentence": True}, "extended determinate"),
        ({"charged_with_new_offence": True}, "new offence"),
        ({"terrorist_or_state_threat_offence": True}, "state-threat"),
    ],
)
def test_standard_recall_grounds(changes: dict[str, object], why: str) -> None:
    case = RecallCase(date(2026, 5, 1), Term(years=3), **changes)  # type: ignore[arg-type]
    suggestion = recall_type_suggested(case)
    assert suggestion.recall_type is RecallType.STANDARD
    assert why in suggestion.reasons[0]


def test_every_standard_ground_is_listed() -> None:
    case = RecallCase(date(2026, 5, 1), Term(years=3), mappa_level=2, charged_with_new_offence=True)
    assert len(recall_type_suggested(case).reasons) == 2


@pytest.mark.parametrize(
    ("recall_date", "term", "days", "release"),
    [
        (date(2025, 1, 10), Term(months=11), 14, date(2025, 1, 23)),
        (date(2025, 1, 10), Term(months=12), 28, date(2025, 2, 6)),
        (date(2026, 3, 30), Term(years=3), 28, date(2026, 4, 26)),  # day before SA2026
        (date(2026, 3, 31), Term(years=3), 56, date(2026, 5, 25)),  # SA2026 from 31 Mar
        (date(2026, 3, 31), Term(months=6), 56, date(2026, 5, 25)),
    ],
    ids=str,
)
def test_fixed_term_length_by_law(recall_date: date, term: Term, days: int, release: date) -> None:
    case = RecallCase(recall_date, term, returned_to_custody=recall_date)
    suggestion = recall_type_suggested(case)
    assert suggestion.recall_type is RecallType.FIXED_TERM
    assert suggestion.fixed_term_days == days
    assert suggestion.post_recall_release_date == release


def test_ftr48_reason_only_for_short_sentences_after_september_2025() -> None:
    short = recall_type_suggested(RecallCase(date(2025, 10, 1), Term(years=3)))
    long = recall_type_suggested(RecallCase(date(2025, 10, 1), Term(years=4)))
    before = recall_type_suggested(RecallCase(date(2025, 9, 1), Term(years=3)))
    assert any("FTR48" in r for r in short.reasons)
    assert not any("FTR48" in r for r in long.reasons + before.reasons)
    assert short.post_recall_release_date is None  # not yet returned


@pytest.mark.parametrize(
    ("term", "tranche"),
    [
        (Term(years=4, months=11), date(2026, 3, 31)),
        (Term(years=5), date(2026, 4, 14)),
        (Term(years=6), date(2026, 4, 21)),
        (Term(years=7), date(2026, 4, 28)),
        (Term(years=8, months=6), date(2026, 5, 5)),
        (Term(years=9), date(2026, 5, 12)),
        (Term(years=20), date(2026, 5, 12)),
    ],
    ids=str,
)
def test_ftr56_tranche_by_sentence_length(term: Term, tranche: date) -> None:
    assert ftr56_tranche_date(RecallCase(date(2026, 6, 1), term)) == tranche


def test_ftr56_release_never_before_the_tranche_date() -> None:
    # A return on commencement day with a long sentence: return + 55 (25 May) is already after
    # the last tranche (12 May), so the tranche never binds a new recall.
    case = RecallCase(date(2026, 3, 31), Term(years=12), returned_to_custody=date(2026, 3, 31))
    assert recall_type_suggested(case).post_recall_release_date == date(2026, 5, 25)
    assert FTR56_TRANCHES[-1][1] < date(2026, 5, 25)


# --- Probation Reset final third ----------------------------------------------------------------


def test_co_with_rar_stops_at_two_thirds_with_no_follow_up() -> None:
    period = SupervisionPeriod(CO, date(2026, 1, 1), date(2026, 12, 31), has_rar=True)
    plan = final_third(period)
    assert plan.applies and plan.starts == date(2026, 9, 1)
    assert plan.follow_up is None
    assert not plan.appointment_expected(date(2026, 11, 2))


def test_co_without_rar_is_outside_the_reset() -> None:
    plan = final_third(SupervisionPeriod(SSO, date(2026, 1, 1), date(2026, 12, 31)))
    assert not plan.applies and "rehabilitation activity requirement" in plan.reason
    assert plan.routine_appointments_expected(date(2026, 12, 1))


def test_pss_is_outside_the_reset() -> None:
    assert not final_third(SupervisionPeriod(PSS, date(2026, 1, 1), date(2026, 12, 31))).applies


@pytest.mark.parametrize(
    ("changes", "exemption"),
    [
        ({"mappa_category": 1}, "MAPPA case"),
        ({"rosh": Rosh.VERY_HIGH}, "very high risk of serious harm"),
        ({"national_security": True}, "National Security Division case"),
        ({"active_child_protection": True}, "active child protection"),
        ({"intensive_supervision_court": True}, "intensive supervision court"),
    ],
)
def test_reset_exemptions(changes: dict[str, object], exemption: str) -> None:
    period = SupervisionPeriod(LICENCE, date(2026, 1, 1), date(2026, 12, 31), **changes)  # type: ignore[arg-type]
    plan = final_third(period)
    assert not plan.applies
    assert plan.exemptions == (exemption,)


def test_high_rosh_is_not_exempt() -> None:
    period = SupervisionPeriod(LICENCE, date(2026, 1, 1), date(2026, 12, 31), rosh=Rosh.HIGH)
    assert final_third(period).applies


def test_period_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError):
        final_third(SupervisionPeriod(LICENCE, date(2026, 2, 1), date(2026, 1, 1)))


@settings(max_examples=100, deadline=None)
@given(st.dates(date(2024, 1, 1), date(2030, 12, 31)), st.integers(min_value=3, max_value=3000))
def test_final_third_points_fall_inside_the_licence(start: date, length: int) -> None:
    end = start + timedelta(days=length - 1)
    plan = final_third(SupervisionPeriod(LICENCE, start, end))
    assert plan.starts is not None and plan.follow_up is not None
    assert start < plan.starts <= plan.follow_up <= end
    before = (plan.starts - start).days
    assert before * 3 <= 2 * length < (before + 1) * 3  # floor of two-thirds


# --- Properties ---------------------------------------------------------------------------------

DAYS = st.dates(date(2024, 1, 1), date(2027, 6, 30))
failures_st = st.lists(
    st.builds(Failure, DAYS, st.sampled_from(list(FailureKind)), st.booleans()), max_size=6
)
ACTION_KINDS = [k for k in ActionKind if k is not ActionKind.WARNING_WITHDRAWN]
actions_st = st.lists(
    st.one_of(
        st.builds(EnforcementAction, DAYS, st.sampled_from(ACTION_KINDS)),
        st.builds(
            EnforcementAction,
            DAYS,
            st.just(ActionKind.WARNING_WITHDRAWN),
            withdraws=st.none() | DAYS,
        ),
    ),
    max_size=6,
)
histories = st.builds(
    EnforcementHistory,
    st.sampled_from(list(OrderType)),
    failures_st.map(tuple),
    actions_st.map(tuple),
)
TODAY = st.dates(date(2024, 1, 1), date(2027, 12, 31))


def _add_months_12(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@settings(max_examples=150, deadline=None)
@given(histories, TODAY)
def test_breach_or_recall_never_due_without_a_prior_warning(
    history: EnforcementHistory, today: date
) -> None:
    warned = {a.on for a in history.actions if a.kind is ActionKind.WARNING and a.on <= today}
    for action in enforcement_due(history, today).due:
        if action.kind is DueKind.WARNING:
            assert action.prior_warning is None
            continue
        assert action.prior_warning in warned
        assert action.prior_warning < action.failure.on <= _add_months_12(action.prior_warning)


@settings(max_examples=150, deadline=None)
@given(histories, TODAY, DAYS, st.sampled_from(list(FailureKind)))
def test_adding_an_acceptable_absence_never_changes_anything(
    history: EnforcementHistory, today: date, on: date, kind: FailureKind
) -> None:
    extra = Failure(on, kind, acceptable=True)
    more = EnforcementHistory(history.order_type, (*history.failures, extra), history.actions)
    assert enforcement_due(more, today) == enforcement_due(history, today)


@settings(max_examples=150, deadline=None)
@given(histories, TODAY)
def test_due_dates_are_working_days_after_the_failure(
    history: EnforcementHistory, today: date
) -> None:
    for action in enforcement_due(history, today).due:
        assert is_working_day(action.due)
        assert action.due > action.failure.on
        assert action.overdue == (today > action.due)
        assert not action.failure.acceptable and action.failure.on <= today
        if action.kind is DueKind.BREACH:
            assert action.due == add_working_days(action.failure.on, 10)


@settings(max_examples=150, deadline=None)
@given(histories, TODAY)
def test_order_type_decides_breach_or_recall(history: EnforcementHistory, today: date) -> None:
    kinds = {a.kind for a in enforcement_due(history, today).due}
    if history.order_type is OrderType.LICENCE:
        assert DueKind.BREACH not in kinds
    else:
        assert DueKind.RECALL_CONSIDERATION not in kinds


@settings(max_examples=100, deadline=None)
@given(histories, TODAY, st.randoms(use_true_random=False))
def test_record_order_does_not_matter(history: EnforcementHistory, today: date, rnd) -> None:
    failures, actions = list(history.failures), list(history.actions)
    rnd.shuffle(failures)
    rnd.shuffle(actions)
    shuffled = EnforcementHistory(history.order_type, tuple(failures), tuple(actions))
    assert enforcement_due(shuffled, today) == enforcement_due(history, today)


@settings(max_examples=100, deadline=None)
@given(histories, TODAY, DAYS)
def test_a_withdrawn_warning_is_the_same_as_none(
    history: EnforcementHistory, today: date, warned: date
) -> None:
    clean = tuple(a for a in history.actions if a.kind is not ActionKind.WARNING_WITHDRAWN)
    without = EnforcementHistory(history.order_type, history.failures, clean)
    withdrawn = EnforcementHistory(
        history.order_type,
        history.failures,
        (
            *clean,
            warning(warned),
            EnforcementAction(warned, ActionKind.WARNING_WITHDRAWN, withdraws=warned),
        ),
    )
    assert enforcement_due(withdrawn, today).due == enforcement_due(without, today).due


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(list(OrderType)), failures_st, TODAY)
def test_with_no_actions_every_unacceptable_failure_needs_something(
    order: OrderType, failures: list[Failure], today: date
) -> None:
    result = enforcement_due(EnforcementHistory(order, tuple(failures)), today)
    expected = [
        f
        for f in failures
        if not f.acceptable
        and f.on <= today
        and not (order is OrderType.POST_SENTENCE_SUPERVISION and f.on >= PSS_REPEAL)
    ]
    assert sorted(a.failure.on for a in result.due) == sorted(f.on for f in expected)
    assert all(a.kind is DueKind.WARNING for a in result.due)


@settings(max_examples=100, deadline=None)
@given(histories, TODAY)
def test_taking_the_due_breaches_answers_them(history: EnforcementHistory, today: date) -> None:
    before = enforcement_due(history, today)
    breach = EnforcementAction(today, ActionKind.BREACH)
    recall = EnforcementAction(today, ActionKind.RECALL_REQUEST)
    acted = EnforcementHistory(
        history.order_type, history.failures, (*history.actions, breach, recall)
    )
    after = enforcement_due(acted, today)
    assert after.due == ()
    assert after.summary.breach_actions == before.summary.breach_actions + 1
