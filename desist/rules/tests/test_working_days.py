"""England and Wales bank holidays and working days: gov.uk years, rules.md §4, properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules.working_days import (
    FIRST_SUPPORTED_YEAR,
    add_working_days,
    bank_holidays,
    easter_sunday,
    is_working_day,
    working_days_between,
)

# Written out from the gov.uk bank holidays page, England and Wales division.
GOV_UK = {
    2024: [
        date(2024, 1, 1),  # New Year's Day
        date(2024, 3, 29),  # Good Friday
        date(2024, 4, 1),  # Easter Monday
        date(2024, 5, 6),  # Early May bank holiday
        date(2024, 5, 27),  # Spring bank holiday
        date(2024, 8, 26),  # Summer bank holiday
        date(2024, 12, 25),  # Christmas Day
        date(2024, 12, 26),  # Boxing Day
    ],
    2025: [
        date(2025, 1, 1),
        date(2025, 4, 18),
        date(2025, 4, 21),
        date(2025, 5, 5),
        date(2025, 5, 26),
        date(2025, 8, 25),
        date(2025, 12, 25),
        date(2025, 12, 26),
    ],
    2026: [
        date(2026, 1, 1),
        date(2026, 4, 3),
        date(2026, 4, 6),
        date(2026, 5, 4),
        date(2026, 5, 25),
        date(2026, 8, 31),
        date(2026, 12, 25),
        date(2026, 12, 28),  # Boxing Day (substitute day)
    ],
}

# Years with moved, substitute or one-off days (gov.uk, England and Wales).
SPECIAL_YEARS = {
    1995: [
        date(1995, 1, 2),  # substitute: 1 Jan was a Sunday
        date(1995, 4, 14),
        date(1995, 4, 17),
        date(1995, 5, 8),  # early May moved for VE Day 50
        date(1995, 5, 29),
        date(1995, 8, 28),
        date(1995, 12, 25),
        date(1995, 12, 26),
    ],
    1999: [
        date(1999, 1, 1),
        date(1999, 4, 2),
        date(1999, 4, 5),
        date(1999, 5, 3),
        date(1999, 5, 31),
        date(1999, 8, 30),
        date(1999, 12, 27),  # Christmas Day (substitute)
        date(1999, 12, 28),  # Boxing Day (substitute)
        date(1999, 12, 31),  # Millennium
    ],
    2002: [
        date(2002, 1, 1),
        date(2002, 3, 29),
        date(2002, 4, 1),
        date(2002, 5, 6),
        date(2002, 6, 3),  # Golden Jubilee
        date(2002, 6, 4),  # spring bank holiday moved
        date(2002, 8, 26),
        date(2002, 12, 25),
        date(2002, 12, 26),
    ],
    2011: [
        date(2011, 1, 3),
        date(2011, 4, 22),
        date(2011, 4, 25),
        date(2011, 4, 29),  # royal wedding
        date(2011, 5, 2),
        date(2011, 5, 30),
        date(2011, 8, 29),
        date(2011, 12, 26),
        date(2011, 12, 27),  # Christmas Day (substitute)
    ],
    2012: [
        date(2012, 1, 2),
        date(2012, 4, 6),
        date(2012, 4, 9),
        date(2012, 5, 7),
        date(2012, 6, 4),  # spring bank holiday moved
        date(2012, 6, 5),  # Diamond Jubilee
        date(2012, 8, 27),
        date(2012, 12, 25),
        date(2012, 12, 26),
    ],
    2020: [
        date(2020, 1, 1),
        date(2020, 4, 10),
        date(2020, 4, 13),
        date(2020, 5, 8),  # early May moved to a Friday for VE Day 75
        date(2020, 5, 25),
        date(2020, 8, 31),
        date(2020, 12, 25),
        date(2020, 12, 28),
    ],
    2021: [
        date(2021, 1, 1),
        date(2021, 4, 2),
        date(2021, 4, 5),
        date(2021, 5, 3),
        date(2021, 5, 31),
        date(2021, 8, 30),
        date(2021, 12, 27),
        date(2021, 12, 28),
    ],
    2022: [
        date(2022, 1, 3),
        date(2022, 4, 15),
        date(2022, 4, 18),
        date(2022, 5, 2),
        date(2022, 6, 2),  # spring bank holiday moved
        date(2022, 6, 3),  # Platinum Jubilee
        date(2022, 8, 29),
        date(2022, 9, 19),  # state funeral
        date(2022, 12, 26),
        date(2022, 12, 27),  # Christmas Day (substitute)
    ],
    2023: [
        date(2023, 1, 2),
        date(2023, 4, 7),
        date(2023, 4, 10),
        date(2023, 5, 1),
        date(2023, 5, 8),  # coronation
        date(2023, 5, 29),
        date(2023, 8, 28),
        date(2023, 12, 25),
        date(2023, 12, 26),
    ],
    2027: [
        date(2027, 1, 1),
        date(2027, 3, 26),
        date(2027, 3, 29),
        date(2027, 5, 3),
        date(2027, 5, 31),
        date(2027, 8, 30),
        date(2027, 12, 27),
        date(2027, 12, 28),
    ],
}

# Western Easter Sunday, from published church calendars.
EASTER = {
    1818: date(1818, 3, 22),
    1943: date(1943, 4, 25),
    1961: date(1961, 4, 2),
    1981: date(1981, 4, 19),
    1995: date(1995, 4, 16),
    2000: date(2000, 4, 23),
    2008: date(2008, 3, 23),
    2011: date(2011, 4, 24),
    2019: date(2019, 4, 21),
    2024: date(2024, 3, 31),
    2025: date(2025, 4, 20),
    2026: date(2026, 4, 5),
    2027: date(2027, 3, 28),
    2028: date(2028, 4, 16),
    2029: date(2029, 4, 1),
    2030: date(2030, 4, 21),
    2038: date(2038, 4, 25),
    2285: date(2285, 3, 22),
}

years = st.integers(min_value=FIRST_SUPPORTED_YEAR, max_value=2200)
days = st.dates(min_value=date(1980, 1, 1), max_value=date(2150, 12, 31))
counts = st.integers(min_value=1, max_value=400)


@pytest.mark.parametrize("year", sorted(GOV_UK))
def test_gov_uk_england_and_wales_dates(year: int) -> None:
    assert sorted(bank_holidays(year)) == GOV_UK[year]


@pytest.mark.parametrize("year", sorted(SPECIAL_YEARS))
def test_moved_substitute_and_one_off_years(year: int) -> None:
    assert sorted(bank_holidays(year)) == SPECIAL_YEARS[year]


def test_early_may_moves_replace_the_first_monday() -> None:
    assert date(2020, 5, 4) not in bank_holidays(2020)
    assert date(1995, 5, 1) not in bank_holidays(1995)


@pytest.mark.parametrize(
    "replaced", [date(2002, 5, 27), date(2012, 5, 28), date(2022, 5, 30)], ids=str
)
def test_jubilee_years_have_no_last_monday_in_may(replaced: date) -> None:
    assert replaced not in bank_holidays(replaced.year)


def test_new_year_substitutes() -> None:
    assert date(2000, 1, 3) in bank_holidays(2000)  # Saturday -> Monday 3rd
    assert date(2017, 1, 2) in bank_holidays(2017)  # Sunday -> Monday 2nd
    assert date(2017, 1, 1) not in bank_holidays(2017)


def test_christmas_on_sunday_moves_christmas_to_tuesday() -> None:
    assert {date(2016, 12, 26), date(2016, 12, 27)} <= bank_holidays(2016)
    assert date(2016, 12, 25) not in bank_holidays(2016)


def test_years_before_the_early_may_holiday_are_refused() -> None:
    with pytest.raises(ValueError):
        bank_holidays(FIRST_SUPPORTED_YEAR - 1)


@pytest.mark.parametrize("year", sorted(EASTER))
def test_easter_known_dates(year: int) -> None:
    assert easter_sunday(year) == EASTER[year]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1583, max_value=4099))
def test_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)


@settings(max_examples=100, deadline=None)
@given(years)
def test_every_year_has_eight_standing_holidays_on_weekdays(year: int) -> None:
    holidays = bank_holidays(year)
    assert len(holidays) >= 8
    assert all(h.year == year and h.weekday() < 5 for h in holidays)
    christmas = [h for h in holidays if h.month == 12 and h != date(1999, 12, 31)]
    assert len(christmas) == 2 and min(h.day for h in christmas) >= 25


def test_tc_oral_report_due_the_same_day() -> None:
    """rules.md §4 TC: an oral report is due the same day (zero working days)."""
    assert add_working_days(date(2026, 3, 2), 0) == date(2026, 3, 2)


def test_tc_psr_standard_delivery_due_in_15_working_days() -> None:
    """rules.md §4 TC: SDR requested 2026-03-02 -> due 2026-03-23."""
    assert add_working_days(date(2026, 3, 2), 15) == date(2026, 3, 23)


def test_day_after_start_is_day_one() -> None:
    assert add_working_days(date(2026, 3, 2), 1) == date(2026, 3, 3)
    assert add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 9)  # Friday -> Monday


def test_ten_working_days_across_easter_2026() -> None:
    # Good Friday 3 Apr and Easter Monday 6 Apr are skipped.
    assert add_working_days(date(2026, 4, 2), 10) == date(2026, 4, 20)
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)


def test_ten_working_days_across_christmas_2026() -> None:
    # 25 Dec, 28 Dec (substitute) and 1 Jan are skipped.
    assert add_working_days(date(2026, 12, 24), 10) == date(2027, 1, 12)
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_zero_rolls_forward_to_a_working_day() -> None:
    assert add_working_days(date(2026, 3, 2), 0) == date(2026, 3, 2)
    assert add_working_days(date(2026, 4, 3), 0) == date(2026, 4, 7)


def test_negative_counts_back() -> None:
    assert add_working_days(date(2026, 4, 7), -1) == date(2026, 4, 2)
    assert add_working_days(date(2026, 3, 23), -15) == date(2026, 3, 2)


def test_is_working_day() -> None:
    assert is_working_day(date(2026, 3, 2))
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert not is_working_day(date(2026, 4, 3))  # Good Friday


def test_working_days_between_examples() -> None:
    assert working_days_between(date(2026, 3, 2), date(2026, 3, 23)) == 15
    assert working_days_between(date(2026, 3, 23), date(2026, 3, 2)) == -15
    assert working_days_between(date(2026, 3, 2), date(2026, 3, 2)) == 0
    assert working_days_between(date(2026, 12, 24), date(2027, 1, 12)) == 10


@settings(max_examples=150, deadline=None)
@given(days, counts)
def test_result_is_a_working_day(start: date, n: int) -> None:
    assert is_working_day(add_working_days(start, n))
    assert is_working_day(add_working_days(start, -n))
    assert is_working_day(add_working_days(start, 0))


@settings(max_examples=150, deadline=None)
@given(days, counts)
def test_between_is_the_inverse_of_add(start: date, n: int) -> None:
    assert working_days_between(start, add_working_days(start, n)) == n


@settings(max_examples=150, deadline=None)
@given(days, counts)
def test_counting_back_inverts_counting_forward_from_a_working_day(start: date, n: int) -> None:
    working = add_working_days(start, 0)
    assert add_working_days(add_working_days(working, n), -n) == working


@settings(max_examples=150, deadline=None)
@given(days, st.integers(min_value=0, max_value=30), counts, st.integers(min_value=1, max_value=30))
def test_add_is_monotone(start: date, later_by: int, n: int, more: int) -> None:
    later = start + timedelta(days=later_by)
    assert add_working_days(start, n) <= add_working_days(later, n)
    assert add_working_days(start, n) < add_working_days(start, n + more)


@settings(max_examples=100, deadline=None)
@given(days, st.integers(min_value=0, max_value=120))
def test_between_matches_a_day_by_day_count(a: date, span: int) -> None:
    b = a + timedelta(days=span)
    expected = sum(is_working_day(a + timedelta(days=i)) for i in range(1, span + 1))
    assert working_days_between(a, b) == expected
