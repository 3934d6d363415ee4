"""Bank holidays and working-day arithmetic for England and Wales.

Probation deadlines (report due dates, enforcement timeliness, victim referrals) are counted in
working days, so the bank holidays are computed by rule rather than fetched: the service must
work offline and for any year a case can reach. Pure functions; no Django.

Sources:

- Banking and Financial Dealings Act 1971, s.1 and Sch 1 (the statutory bank holidays in England
  and Wales: Easter Monday, the last Monday in May, the last Monday in August, 26 December if
  not a Sunday, 27 December in a year when 25 or 26 December is a Sunday; 1 January and the
  early May Monday added by royal proclamation under s.1(3) from 1974 and 1978). Good Friday
  and Christmas Day are common-law holidays.
- gov.uk "UK bank holidays" (England and Wales division, including the substitute days and the
  moved and one-off days in ``_MOVED`` and ``_ONE_OFF`` below).
- The anonymous Gregorian Easter computus (Meeus, *Astronomical Algorithms*, 1991, ch. 8,
  after the 1876 *Nature* correspondent; Butcher's Ecclesiastical Calendar).

Years from 1978 (the first with the early May bank holiday) are supported. Future years follow
the standing rules; a one-off announced later must be added to ``_ONE_OFF``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

__all__ = [
    "FIRST_SUPPORTED_YEAR",
    "add_working_days",
    "bank_holidays",
    "easter_sunday",
    "is_working_day",
    "working_days_between",
]

FIRST_SUPPORTED_YEAR = 1978

# Standing holidays moved by proclamation: year -> {holiday name: the day it was held instead}.
_MOVED: dict[int, dict[str, date]] = {
    1995: {"early_may": date(1995, 5, 8)},  # 50th anniversary of VE Day
    2002: {"spring": date(2002, 6, 4)},  # Golden Jubilee weekend
    2012: {"spring": date(2012, 6, 4)},  # Diamond Jubilee weekend
    2020: {"early_may": date(2020, 5, 8)},  # 75th anniversary of VE Day (a Friday)
    2022: {"spring": date(2022, 6, 2)},  # Platinum Jubilee weekend
}

# Extra days granted once by proclamation.
_ONE_OFF: dict[date, str] = {
    date(1981, 7, 29): "Wedding of the Prince of Wales",  # VERIFY: pre-gov.uk feed
    date(1999, 12, 31): "Millennium",  # VERIFY: pre-gov.uk feed
    date(2002, 6, 3): "Golden Jubilee",
    date(2011, 4, 29): "Wedding of Prince William and Catherine Middleton",
    date(2012, 6, 5): "Diamond Jubilee",
    date(2022, 6, 3): "Platinum Jubilee",
    date(2022, 9, 19): "State funeral of Queen Elizabeth II",
    date(2023, 5, 8): "Coronation of King Charles III",
}

_SATURDAY = 5


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous computus): Good Friday and Easter Monday hang off it."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=last.weekday())


def _next_weekday(day: date, taken: set[date]) -> date:
    while day.weekday() >= _SATURDAY or day in taken:
        day += timedelta(days=1)
    return day


@lru_cache(maxsize=256)
def bank_holidays(year: int) -> frozenset[date]:
    """Every England and Wales bank holiday in ``year``, substitute days included.

    A holiday that falls at a weekend moves to the next weekday not already a holiday, which
    gives the gov.uk substitutes: 1 Jan on a Sunday -> Mon 2 Jan; Christmas on a Saturday ->
    Mon 27 and Tue 28 Dec; Christmas on a Sunday -> Tue 27 Dec (Boxing Day keeps Mon 26).
    """
    if year < FIRST_SUPPORTED_YEAR:
        raise ValueError(f"bank holidays are computed from {FIRST_SUPPORTED_YEAR}, not {year}")
    moved = _MOVED.get(year, {})
    easter = easter_sunday(year)
    days: set[date] = {
        _next_weekday(date(year, 1, 1), set()),
        easter - timedelta(days=2),
        easter + timedelta(days=1),
        moved.get("early_may", _first_monday(year, 5)),
        moved.get("spring", _last_monday(year, 5)),
        _last_monday(year, 8),
    }
    weekday_christmas = [d for d in (date(year, 12, 25), date(year, 12, 26)) if d.weekday() < 5]
    days.update(weekday_christmas)
    for _ in range(2 - len(weekday_christmas)):
        days.add(_next_weekday(date(year, 12, 27), days))
    days.update(d for d in _ONE_OFF if d.year == year)
    return frozenset(days)


def is_working_day(day: date) -> bool:
    """Monday to Friday and not an England and Wales bank holiday."""
    return day.weekday() < _SATURDAY and day not in bank_holidays(day.year)


def add_working_days(start: date, n: int) -> date:
    """The ``n``th working day after ``start`` (the day after ``start`` is day 1).

    Deadlines are "within n working days of" an event, so the event's own day never counts.
    ``n == 0`` rolls forward to the first working day on or after ``start``; a negative ``n``
    counts back the same way (the day before ``start`` is day 1).
    """
    if n == 0:
        day = start
        while not is_working_day(day):
            day += timedelta(days=1)
        return day
    step = timedelta(days=1 if n > 0 else -1)
    day, remaining = start, abs(n)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(a: date, b: date) -> int:
    """Working days in the half-open span (a, b]; negative when ``b`` is before ``a``.

    The inverse of ``add_working_days``: ``working_days_between(s, add_working_days(s, n))``
    is ``n`` for every ``n >= 1``.
    """
    if b < a:
        return -working_days_between(b, a)
    weeks, spare = divmod((b - a).days, 7)
    count = weeks * 5
    day = a + timedelta(weeks=weeks)
    for _ in range(spare):
        day += timedelta(days=1)
        count += day.weekday() < _SATURDAY
    holidays = (h for year in range(a.year, b.year + 1) for h in bank_holidays(year) if a < h <= b)
    return count - sum(1 for h in holidays if h.weekday() < _SATURDAY)
