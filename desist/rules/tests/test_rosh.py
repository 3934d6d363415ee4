import datetime as dt

import pytest

from desist.rules.rosh import (
    GRID,
    REVIEW_WEEKS,
    Group,
    Level,
    Setting,
    SignificantChange,
    overall_level,
    review_date,
)

DAY = dt.date(2026, 1, 5)


def test_overall_is_the_highest_rating():
    assert overall_level(["LOW", "HIGH", "", None, "MEDIUM"]) == Level.HIGH
    assert overall_level([Level.VERY_HIGH, Level.LOW]) == Level.VERY_HIGH


def test_overall_is_none_when_nothing_is_rated():
    assert overall_level(["", None]) is None


def test_prisoners_are_rated_in_custody_only():
    assert (Group.PRISONERS, Setting.COMMUNITY) not in GRID
    assert (Group.PRISONERS, Setting.CUSTODY) in GRID
    assert len(GRID) == 9


@pytest.mark.parametrize("level", list(Level))
def test_review_falls_due_at_the_interval_for_the_level(level):
    assert review_date(DAY, level) == DAY + dt.timedelta(weeks=REVIEW_WEEKS[level])


def test_higher_risk_is_reviewed_sooner():
    dates = [review_date(DAY, level) for level in Level]
    assert dates == sorted(dates, reverse=True)


def test_intervals_are_configurable():
    weeks = dict.fromkeys(Level, 4)
    assert review_date(DAY, Level.LOW, weeks=weeks) == DAY + dt.timedelta(weeks=4)


@pytest.mark.parametrize("change", list(SignificantChange))
def test_a_significant_change_brings_the_review_forward(change):
    on = DAY + dt.timedelta(days=10)
    assert review_date(DAY, Level.LOW, changes=[(change, on)]) == on


def test_changes_outside_the_review_period_do_not_count():
    before = DAY - dt.timedelta(days=1)
    after = DAY + dt.timedelta(weeks=20)
    due = review_date(DAY, Level.HIGH, changes=[("NEW_ADDRESS", before), ("NEW_CHARGE", after)])
    assert due == DAY + dt.timedelta(weeks=16)


def test_an_unknown_trigger_is_refused():
    with pytest.raises(ValueError):
        review_date(DAY, Level.LOW, changes=[("NEW_HAIRCUT", DAY)])
