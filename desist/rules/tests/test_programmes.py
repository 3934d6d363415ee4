from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desist.rules.programmes import (
    capacity_problem,
    evening_problem,
    is_evening,
    progress,
    session_dates,
)
from desist.rules.working_days import bank_holidays


def test_a_monday_and_thursday_group_skips_easter_monday():
    # Easter Monday 2026 is 6 April; Good Friday 3 April is not a meeting day.
    dates = session_dates(date(2026, 3, 30), [0, 3], 4)
    assert dates == [date(2026, 3, 30), date(2026, 4, 2), date(2026, 4, 9), date(2026, 4, 13)]


def test_christmas_and_the_boxing_day_substitute_are_skipped():
    # 2026: Christmas is a Friday, Boxing Day a Saturday, so Monday 28 December is off.
    dates = session_dates(date(2026, 12, 21), [0, 4], 3)
    assert dates == [date(2026, 12, 21), date(2027, 1, 4), date(2027, 1, 8)]


def test_the_first_date_counts_only_on_a_meeting_day():
    assert session_dates(date(2026, 11, 24), [2], 1) == [date(2026, 11, 25)]


def test_building_choices_runs_21_sessions_on_a_weekly_day():
    dates = session_dates(date(2026, 1, 6), [1], 21)
    assert len(dates) == 21 and dates[-1] == date(2026, 5, 26)


@pytest.mark.parametrize("weekdays", [[], [7], [-1]])
def test_meeting_days_must_be_real_weekdays(weekdays):
    with pytest.raises(ValueError):
        session_dates(date(2026, 1, 1), weekdays, 3)


def test_no_sessions_asked_for_none_given():
    assert session_dates(date(2026, 1, 1), [0], 0) == []
    with pytest.raises(ValueError):
        session_dates(date(2026, 1, 1), [0], -1)


@given(
    first=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    weekdays=st.sets(st.integers(0, 6), min_size=1),
    count=st.integers(0, 40),
)
def test_dates_are_meeting_days_in_order_and_never_bank_holidays(first, weekdays, count):
    dates = session_dates(first, weekdays, count)
    assert len(dates) == count
    assert dates == sorted(set(dates))
    assert all(d >= first and d.weekday() in weekdays for d in dates)
    assert not any(d in bank_holidays(d.year) for d in dates)
    if dates:  # no meeting day was passed over
        day = first
        while day < dates[-1]:
            if day.weekday() in weekdays and day not in bank_holidays(day.year):
                assert day in dates
            day += timedelta(days=1)


def test_evening_starts_at_five():
    assert not is_evening(time(16, 59))
    assert is_evening(time(17, 0))
    assert is_evening(time(18, 30))


def test_an_evening_group_must_allow_evenings():
    assert "evening sessions" in evening_problem(time(17, 0), evenings_allowed=False)
    assert evening_problem(time(17, 0), evenings_allowed=True) is None
    assert evening_problem(time(10, 0), evenings_allowed=False) is None


def test_capacity():
    assert capacity_problem(12, 10, 2) is None
    assert "1 place left" in capacity_problem(12, 11, 2)
    assert "3 places left" in capacity_problem(12, 9, 4)
    assert "no places left" in capacity_problem(12, 12, 1)
    assert capacity_problem(12, 12, 0) is None


def test_complete_only_when_every_session_is_attended_or_made_up():
    template = range(1, 22)
    all_but_5 = [n for n in template if n != 5]
    missing = progress(template, attended=all_but_5, caught_up=[], held=template)
    assert not missing.complete and missing.missed == (5,) and missing.done == 20
    made_up = progress(template, attended=all_but_5, caught_up=[5], held=template)
    assert made_up.complete and made_up.made_up == {5} and made_up.missed == ()


def test_sessions_not_yet_held_are_not_missed():
    shown = progress([1, 2, 3], attended=[1], caught_up=[], held=[1, 2])
    assert shown.missed == (2,) and shown.done == 1 and not shown.complete


def test_a_catch_up_for_an_attended_session_or_outside_the_template_does_not_count_twice():
    shown = progress([1, 2], attended=[1, 9], caught_up=[1, 8])
    assert shown.done == 1 and shown.made_up == frozenset()


@given(
    attended=st.sets(st.integers(1, 21)),
    caught_up=st.sets(st.integers(1, 21)),
)
def test_complete_exactly_when_the_template_is_covered(attended, caught_up):
    shown = progress(range(1, 22), attended=attended, caught_up=caught_up, held=range(1, 22))
    assert shown.complete == (attended | caught_up == set(range(1, 22)))
    assert shown.done + len(shown.missed) == 21
