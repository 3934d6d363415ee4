"""Grade suitability, the ranking of suggestions and the contact intervals (rules.allocation)."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from desist.rules import allocation as rules

TODAY = date(2026, 11, 23)
GRADES = ["PSO", "PO", "SPO", "PQIP", "OTHER", "", None, "pqip"]
ROSH = ["LOW", "MEDIUM", "HIGH", "VERY_HIGH", "", None]


def test_a_pso_or_pqip_learner_is_not_suitable_for_a_very_high_rosh_case():
    for grade in ("PSO", "PQIP", "pqip"):
        result = rules.grade_suitability(grade, "VERY_HIGH")
        assert not result.suitable
        assert "very high risk of serious harm" in result.reason
    assert "PQiP learner" in rules.grade_suitability("PQIP", "VERY_HIGH").reason


@given(st.sampled_from(GRADES), st.sampled_from(ROSH))
def test_only_the_very_high_rosh_learner_or_pso_pairing_is_unsuitable(grade, rosh):
    unsuitable = rosh == "VERY_HIGH" and (grade or "").upper() in ("PSO", "PQIP")
    assert rules.grade_suitability(grade, rosh).suitable is not unsuitable


def test_an_exception_needs_a_written_reason_only_when_unsuitable():
    unsuitable = rules.grade_suitability("PSO", "VERY_HIGH")
    assert rules.needs_exception_reason(unsuitable, "   ")
    assert not rules.needs_exception_reason(unsuitable, "Co-worked with the PO for a year")
    assert not rules.needs_exception_reason(rules.grade_suitability("PO", "VERY_HIGH"), "")


def _c(pk, *, suitable=True, held=False, after="50", points=True):
    return rules.Candidate(pk, suitable, held, Decimal(after), points)


def test_ranking_puts_suitability_then_continuity_then_lowest_capacity():
    ranked = rules.rank_candidates(
        [
            _c(1, after="10", suitable=False),
            _c(2, after="90"),
            _c(3, after="95", held=True),
            _c(4, after="20"),
            _c(5, after="0", points=False),
        ]
    )
    assert [c.staff_id for c in ranked] == [3, 4, 2, 5, 1]


@given(st.lists(st.tuples(st.booleans(), st.booleans(), st.integers(0, 300)), max_size=12))
def test_ranking_keeps_everyone_and_never_puts_unsuitable_before_suitable(rows):
    candidates = [_c(i, suitable=s, held=h, after=str(a)) for i, (s, h, a) in enumerate(rows)]
    ranked = rules.rank_candidates(candidates)
    assert sorted(c.staff_id for c in ranked) == list(range(len(rows)))
    suitability = [c.suitable for c in ranked]
    assert suitability == sorted(suitability, reverse=True)


def test_expected_contact_interval_by_protect_letter():
    assert rules.expected_contact_days("A3") == 7
    assert rules.expected_contact_days("B2S") == 14
    assert rules.expected_contact_days("D0") == 42
    assert rules.expected_contact_days(None) == rules.UNTIERED_CONTACT_DAYS
    assert rules.expected_contact_days("") == rules.UNTIERED_CONTACT_DAYS


def test_seen_in_time_counts_the_last_day_of_the_interval():
    assert rules.seen_in_time("B1", TODAY - timedelta(days=14), TODAY)
    assert not rules.seen_in_time("B1", TODAY - timedelta(days=15), TODAY)
    assert not rules.seen_in_time("D1", None, TODAY)


def test_share_percent():
    assert rules.share_percent(0, 0) == 0
    assert rules.share_percent(2, 3) == 67
    assert rules.share_percent(3, 3) == 100
