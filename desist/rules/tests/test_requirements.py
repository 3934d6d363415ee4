"""Every limit on community and suspended sentence orders, on both sides of its boundary, and
the rules.md section 1 test cases."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules.release_dates import Term
from desist.rules.requirements import (
    CATEGORIES,
    CURFEW_2022,
    SA2026_PROHIBITIONS,
    SA2026_SSO,
    Order,
    ProposedRequirement,
    order_problems,
    requirement_problems,
    upw_extension_due,
)

START = date(2026, 4, 1)
THREE_YEAR_ORDER = Order(
    start=START,
    end=date(2029, 3, 31),
    conviction_date=date(2026, 3, 2),
    offence_date=date(2026, 4, 1),
    age_at_conviction=30,
)


def fields(category, length, *, order=THREE_YEAR_ORDER, **extra):
    proposed = ProposedRequirement(category, length, **extra)
    return [p.field for p in requirement_problems(proposed, order=order)]


@pytest.mark.parametrize(
    ("category", "low", "high"),
    [("UPW", 40, 300), ("ACR", 12, 36), ("AAMR", 1, 120), ("FTP", 1, 12), ("EXCL", 1, 24)],
)
def test_ranges_on_both_sides(category, low, high):
    order = THREE_YEAR_ORDER if category != "ACR" else _aged(24)
    assert fields(category, low, order=order) == []
    assert fields(category, high, order=order) == []
    assert fields(category, low - 1, order=order) == ["length"]
    assert fields(category, high + 1, order=order) == ["length"]


def _aged(age):
    return Order(**{**THREE_YEAR_ORDER.__dict__, "age_at_conviction": age})


def test_tc_upw_301_or_39_hours_rejected_but_39_on_breach_allowed():
    assert fields("UPW", 301) == ["length"]
    assert fields("UPW", 39) == ["length"]
    assert fields("UPW", 39, on_breach=True) == []
    assert fields("UPW", 20, on_breach=True) == []
    assert fields("UPW", 19, on_breach=True) == ["length"]
    assert fields("UPW", 301, on_breach=True) == ["length"]


def test_rar_and_programme_need_at_least_one_day():
    for category in ("RAR", "PROG"):
        assert fields(category, 1) == []
        assert fields(category, 0) == ["length"]
        assert fields(category, 400) == []  # no statutory maximum


def test_attendance_centre_is_for_under_25s():
    assert fields("ACR", 20, order=_aged(24)) == []
    assert fields("ACR", 20, order=_aged(25)) == ["category"]


def test_tc_curfew_limits_after_2022():
    assert fields("CURF", 6, hours_per_day=20, days_per_week=5) == []  # 100 hours a week
    assert fields("CURF", 6, hours_per_day=21, days_per_week=1) == ["hours_per_day"]
    assert fields("CURF", 6, hours_per_day=2, days_per_week=7) == []
    assert fields("CURF", 6, hours_per_day=1, days_per_week=7) == ["hours_per_day"]
    assert fields("CURF", 6, hours_per_day=16, days_per_week=7) == []  # exactly 112
    assert fields("CURF", 6, hours_per_day=20, days_per_week=6) == ["days_per_week"]  # 120
    assert fields("CURF", 6, hours_per_day=10, days_per_week=8) == ["days_per_week"]
    assert fields("CURF", 6) == ["hours_per_day"]  # the schedule is needed
    assert fields("CURF", 24, hours_per_day=8, days_per_week=7) == []
    assert fields("CURF", 25, hours_per_day=8, days_per_week=7) == ["length"]


def test_tc_the_conviction_date_picks_the_curfew_cap():
    before = Order(**{**THREE_YEAR_ORDER.__dict__, "conviction_date": CURFEW_2022 - timedelta(1)})
    on = Order(**{**THREE_YEAR_ORDER.__dict__, "conviction_date": CURFEW_2022})
    assert fields("CURF", 6, order=before, hours_per_day=16, days_per_week=7) == []
    assert fields("CURF", 6, order=before, hours_per_day=17, days_per_week=1) == ["hours_per_day"]
    assert fields("CURF", 6, order=on, hours_per_day=17, days_per_week=1) == []
    assert fields("CURF", 12, order=before, hours_per_day=8, days_per_week=7) == []
    assert fields("CURF", 13, order=before, hours_per_day=8, days_per_week=7) == ["length"]
    assert fields("CURF", 13, order=on, hours_per_day=8, days_per_week=7) == []


@pytest.mark.parametrize("category", ["DRIV", "PEVT", "DRNK", "RZON"])
def test_sa2026_prohibitions_only_for_offences_on_or_after_commencement(category):
    on = Order(**{**THREE_YEAR_ORDER.__dict__, "offence_date": SA2026_PROHIBITIONS})
    before = Order(
        **{**THREE_YEAR_ORDER.__dict__, "offence_date": SA2026_PROHIBITIONS - timedelta(1)}
    )
    assert fields(category, 6, order=on) == []
    assert fields(category, 6, order=before) == ["category"]


def test_duration_requirements_end_within_the_order():
    year = Order(**{**THREE_YEAR_ORDER.__dict__, "end": date(2027, 3, 31)})
    for category in ("PROH", "RESI", "MHTR", "DRR", "ATR", "EXCL"):
        assert fields(category, 12, order=year) == []
        assert fields(category, 13, order=year) == ["length"]


def test_unknown_category():
    assert fields("XYZ", 1) == ["category"]


def test_every_category_has_a_unit():
    assert {c.unit for c in CATEGORIES.values()} == {"hours", "days", "months"}


@settings(max_examples=60)
@given(hours=st.integers(0, 24), days=st.integers(0, 8), post_2022=st.booleans())
def test_curfew_accepted_exactly_within_its_limits(hours, days, post_2022):
    convicted = CURFEW_2022 if post_2022 else CURFEW_2022 - timedelta(1)
    order = Order(**{**THREE_YEAR_ORDER.__dict__, "conviction_date": convicted})
    ok = 2 <= hours <= (20 if post_2022 else 16) and 1 <= days <= 7
    ok = ok and (hours * days <= 112 or not post_2022)
    problems = fields("CURF", 6, order=order, hours_per_day=hours, days_per_week=days)
    assert (problems == []) == ok


@settings(max_examples=60)
@given(hours=st.integers(0, 400), breach=st.booleans())
def test_upw_accepted_exactly_within_its_limits(hours, breach):
    assert (fields("UPW", hours, on_breach=breach) == []) == (
        (20 if breach else 40) <= hours <= 300
    )


def co(length, start=START):
    return order_problems(kind="CO", conviction_date=start, sentence_date=start, length=length)


def test_a_community_order_is_at_most_three_years():
    assert co(Term(years=3)) == []
    assert co(Term(months=36)) == []
    assert [p.field for p in co(Term(months=36, days=1))] == ["length"]


def sso(length, *, convicted, operational=24, supervision=12):
    problems = order_problems(
        kind="SSO",
        conviction_date=convicted,
        sentence_date=convicted,
        length=length,
        operational_months=operational,
        supervision_months=supervision,
    )
    return [p.field for p in problems]


def test_sso_custodial_term_by_conviction_date():
    before, after = SA2026_SSO - timedelta(1), SA2026_SSO
    assert sso(Term(days=14), convicted=before) == []
    assert sso(Term(days=13), convicted=before) == ["length"]
    assert sso(Term(years=2), convicted=before) == []
    assert sso(Term(years=2, days=1), convicted=before) == ["length"]
    assert sso(Term(years=3), convicted=after, operational=36) == []
    assert sso(Term(years=3, days=1), convicted=after, operational=36) == ["length"]


def test_sso_operational_and_supervision_periods():
    before, after = SA2026_SSO - timedelta(1), SA2026_SSO
    assert sso(Term(months=6), convicted=before, operational=6, supervision=6) == []
    assert sso(Term(months=6), convicted=before, operational=5) == ["operational_months"]
    assert sso(Term(months=6), convicted=before, operational=25) == ["operational_months"]
    assert sso(Term(months=6), convicted=after, operational=36) == []
    assert sso(Term(months=6), convicted=after, operational=37) == ["operational_months"]
    assert sso(Term(months=6), convicted=after, operational=12, supervision=13) == [
        "supervision_months"
    ]


def test_custody_has_no_order_limits_here():
    assert (
        order_problems(kind="SDS", conviction_date=START, sentence_date=START, length=Term(years=9))
        == []
    )


def test_tc_upw_extension_before_the_sa2026_repeal_and_none_after():
    made = date(2025, 1, 10)
    due = upw_extension_due(order_date=made, ordered=100, worked=60, as_at=date(2026, 1, 1))
    assert due == date(2026, 1, 10)
    after = upw_extension_due(order_date=made, ordered=100, worked=60, as_at=date(2026, 6, 1))
    assert after is None
    done = upw_extension_due(order_date=made, ordered=100, worked=100, as_at=date(2026, 1, 1))
    assert done is None
