"""Unpaid work (community payback): the time a work session credits towards the requirement.

Sources: practice rules §1 (unpaid work is ordered in hours, 40 to 300) and the national
outcome codes (shared vocabulary): ATTC attended–complied credits the hours worked, the whole
session; ATSH/ATSS sent home (behaviour / service issues) credit the hours worked up to the
time the person was sent home; any other outcome (a failure to comply, an absence) credits
nothing. Times are the session's local clock times on one day; no credit is ever negative
or more than the session's length.
"""

from datetime import time

ATTENDED_COMPLIED = "ATTC"
SENT_HOME = frozenset({"ATSH", "ATSS"})


def minutes_between(start: time, end: time) -> int:
    """Whole minutes from one clock time to a later one on the same day (0 if not later)."""
    return max(0, (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute))


def sent_home_problem(*, starts: time, ends: time, sent_home_at: time | None) -> str | None:
    """Why a time sent home cannot be right, or None: it must fall within the session."""
    if sent_home_at is None:
        return "Enter the time the person was sent home"
    if not starts < sent_home_at < ends:
        return (
            f"The time sent home must be after the session started ({starts:%H:%M}) "
            f"and before it ended ({ends:%H:%M})"
        )
    return None


def credited_minutes(
    *, outcome: str, starts: time, ends: time, sent_home_at: time | None = None
) -> int:
    """The minutes a session credits for this outcome: all of it for attended–complied, the
    time up to being sent home (never beyond the session) for sent home, otherwise none."""
    length = minutes_between(starts, ends)
    if outcome == ATTENDED_COMPLIED:
        return length
    if outcome in SENT_HOME and sent_home_at is not None:
        return min(length, minutes_between(starts, sent_home_at))
    return 0
