"""Accredited programme groups: when a group's sessions fall, which start times are evening
sessions, whether a group has room, and when a person has completed the programme.

Pure Python, no Django: the programmes app asks this module when it makes a group's schedule,
allocates people and shows their progress.

Sources (wording ours):

- practice rules §8 (the Building Choices community template: 21 group sessions of 150
  minutes in five modules; "the requirement completes only when every template session is
  attended or made up").
- Banking and Financial Dealings Act 1971 via desist.rules.working_days: no group meets on an
  England and Wales bank holiday; the session moves to the group's next meeting day.
- VERIFY: 17:00 as the start of an evening session is local practice (groups run in the
  evening for people in work only where the office is staffed for it), not a national rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta

from desist.rules.working_days import bank_holidays

# A session starting at or after this time is an evening session.
EVENING_STARTS = time(17, 0)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def is_evening(starts: time) -> bool:
    return starts >= EVENING_STARTS


def evening_problem(starts: time, *, evenings_allowed: bool) -> str | None:
    """Why a group may not meet at this time, or None."""
    if is_evening(starts) and not evenings_allowed:
        return (
            f"Sessions starting at {starts:%H:%M} are evening sessions. Choose a start before "
            f"{EVENING_STARTS:%H:%M}, or allow evening sessions for this group"
        )
    return None


def session_dates(first: date, weekdays: Iterable[int], count: int) -> list[date]:
    """The dates of a group's first `count` sessions: on its meeting days (0 = Monday), from
    `first` (included when it is a meeting day), skipping bank holidays."""
    days = frozenset(weekdays)
    if not days or not days <= set(range(7)):
        raise ValueError("Meeting days must be weekday numbers 0 (Monday) to 6 (Sunday)")
    if count < 0:
        raise ValueError("A group cannot have a negative number of sessions")
    dates: list[date] = []
    day = first
    while len(dates) < count:
        if day.weekday() in days and day not in bank_holidays(day.year):
            dates.append(day)
        day += timedelta(days=1)
    return dates


def capacity_problem(capacity: int, allocated: int, adding: int) -> str | None:
    """Why these people cannot all join the group, or None."""
    room = capacity - allocated
    if adding > room:
        places = f"{room} place{'' if room == 1 else 's'} left" if room > 0 else "no places left"
        return (
            f"The group has {places} (capacity {capacity}). You chose {adding}: choose fewer "
            "people or raise the group's capacity"
        )
    return None


@dataclass(frozen=True)
class Progress:
    """How far a person is through the programme's template sessions."""

    total: int
    attended: frozenset[int]  # template session numbers attended and complied with
    made_up: frozenset[int]  # missed, then made up at a catch-up attended and complied with
    missed: tuple[int, ...]  # held without the person's ATTC and not yet made up

    @property
    def done(self) -> int:
        return len(self.attended | self.made_up)

    @property
    def complete(self) -> bool:
        return self.done == self.total


def progress(
    template: Iterable[int],
    *,
    attended: Iterable[int],
    caught_up: Iterable[int],
    held: Iterable[int] = (),
) -> Progress:
    """Complete only when every template session is attended (ATTC) or made up by a catch-up:
    an acceptable absence excuses the person but still leaves the module to make up.
    `held` are the sessions that have taken place (so not attending them is a miss)."""
    numbers = frozenset(template)
    attended_set = frozenset(attended) & numbers
    made_up = (frozenset(caught_up) & numbers) - attended_set
    missed = tuple(sorted((frozenset(held) & numbers) - attended_set - made_up))
    return Progress(len(numbers), attended_set, made_up, missed)
