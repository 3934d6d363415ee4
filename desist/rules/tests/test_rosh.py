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
    significant_change_review_due,
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
def test_a_significant_change_makes_a_review_due_five_working_days_later(change):
    monday = dt.date(2026, 1, 12)
    assert significant_change_review_due(change, monday, DAY) == dt.date(2026, 1, 19)


def test_weekends_and_bank_holidays_do_not_count():
    thursday_before_easter = dt.date(2026, 4, 2)  # Good Friday 3 April, Easter Monday 6 April
    assert significant_change_review_due("NEW_ADDRESS", thursday_before_easter, DAY) == dt.date(
        2026, 4, 13
    )


def test_an_assessment_on_or_after_the_change_has_taken_it_into_account():
    assert significant_change_review_due("NEW_CHARGE", DAY, DAY) is None
    assert significant_change_review_due("NEW_CHARGE", DAY - dt.timedelta(days=1), DAY) is None
    assert significant_change_review_due("NEW_CHARGE", DAY + dt.timedelta(days=1), DAY)


def test_the_timescale_is_configurable():
    due = significant_change_review_due("CHILD_CONTACT", dt.date(2026, 1, 12), DAY, working_days=1)
    assert due == dt.date(2026, 1, 13)


def test_an_unknown_trigger_is_refused():
    with pytest.raises(ValueError):
        significant_change_review_due("NEW_HAIRCUT", DAY, DAY)
