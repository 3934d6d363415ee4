"""One deadline engine: every due date the other areas create, as actions with an owner.

Nothing here is typed by hand. Each area registers a *source*: a function that, given the
staff whose work is wanted and today's date, computes that area's deadlines from its own data
(one query or so per source, never one per case). The practitioner's home page, the team page
and the weekly meeting view all read this one list.

Areas register their sources in their own ``deadlines.py`` module, imported from their
AppConfig.ready(), with the ``deadline_source`` decorator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone


class DeadlineStatus(StrEnum):
    OVERDUE = "overdue"
    DUE_THIS_WEEK = "due this week"
    LATER = "later"


@dataclass(frozen=True)
class Deadline:
    kind: str  # what is to be done, in the practitioner's words: "Record an outcome"
    owner_id: int | None
    due: date
    view: str  # the page where the action is done, as a URL name with its ``args``
    args: tuple = ()
    crn: str = ""  # empty for work not on a case yet (a report for an unmatched defendant)
    name: str = ""  # the person's name as "Surname, Forename"
    detail: str = ""
    anchor: str = ""
    # When an action falls due at a time of day, the moment it shows from; computed ahead.
    shows_at: datetime | None = None

    @property
    def url(self) -> str:
        """Resolved only when shown: a team's hundreds of deadlines are mostly only counted."""
        return reverse(self.view, args=self.args) + self.anchor

    def status(self, today: date) -> DeadlineStatus:
        return status_of(self.due, today)


def status_of(due: date, today: date) -> DeadlineStatus:
    if due < today:
        return DeadlineStatus.OVERDUE
    if due <= end_of_week(today):
        return DeadlineStatus.DUE_THIS_WEEK
    return DeadlineStatus.LATER


# A source: (the staff whose work is wanted, today, the last due date wanted or None for all)
# -> their deadlines from one area. Sources filter on ``until`` in the database where they can:
# the team page wants only what is overdue, not every review date of a whole team's cases.
DeadlineSource = Callable[[Iterable[int], date, date | None], Iterable[Deadline]]
_SOURCES: dict[str, DeadlineSource] = {}


def deadline_source(name: str) -> Callable[[DeadlineSource], DeadlineSource]:
    def register(source: DeadlineSource) -> DeadlineSource:
        _SOURCES[name] = source
        return source

    return register


# Who, besides the case's holder, may own deadlines on a case: (case) -> a query of staff
# ids. Areas whose deadlines can be someone else's register here (a court report is its
# author's), so a change to the case marks that person's stored actions out of date too.
CaseOwners = Callable[[object], QuerySet]
_CASE_OWNERS: list[CaseOwners] = []


def other_owners(find: CaseOwners) -> CaseOwners:
    _CASE_OWNERS.append(find)
    return find


def owners_on_case(case) -> list[QuerySet]:
    """Queries of the staff besides its holder who may own deadlines on the case."""
    return [find(case) for find in _CASE_OWNERS]


def due_until(rows, field: str, until: date | None):
    """Narrow a queryset to rows due on or before ``until`` (all of them when None)."""
    return rows if until is None else rows.filter(**{f"{field}__lte": until})


def end_of_week(today: date) -> date:
    return today + timedelta(days=6 - today.weekday())


def compute_deadlines(
    owner_ids: Iterable[int], today: date, *, until: date | None = None
) -> list[Deadline]:
    """Every deadline owned by these staff (due on or before ``until``, if given), including
    those showing later today or tomorrow, soonest first: what desist.oversight.actions
    stores."""
    owners = list(owner_ids)
    found = [
        d
        for source in _SOURCES.values()
        for d in source(owners, today, until)
        if until is None or d.due <= until
    ]
    return sorted(found, key=lambda d: (d.due, d.crn, d.kind))


def deadlines_for(
    owner_ids: Iterable[int], today: date, *, until: date | None = None
) -> list[Deadline]:
    """Every deadline open now, computed afresh from every source. Pages read the stored
    copy instead (desist.oversight.actions.open_actions)."""
    now = timezone.now()
    return [
        d
        for d in compute_deadlines(owner_ids, today, until=until)
        if d.shows_at is None or d.shows_at <= now
    ]
