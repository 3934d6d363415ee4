"""The senior probation officer's countersigning queue, computed from each area's own data.

Work that needs an SPO's approval (a PQiP learner's reports and risk assessments, recall
recommendations, exceptions to allocation rules) stays where it was written, in a state that
says it awaits approval. Each area registers a *source* listing its waiting items for the
teams an SPO manages; the SPO decides on the area's own page, which moves the item out of
that state, so the queue can never disagree with the work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class AwaitingCountersignature:
    kind: str  # "Recall recommendation", "Pre-sentence report", ...
    requested_by_id: int | None
    requested_on: date
    url: str  # where the SPO reads it and decides
    crn: str = ""
    name: str = ""
    detail: str = ""


# A source: (the teams the SPO manages, today) -> the items waiting in that area.
CountersignSource = Callable[[Iterable[int], date], Iterable[AwaitingCountersignature]]
_SOURCES: dict[str, CountersignSource] = {}


def countersign_source(name: str) -> Callable[[CountersignSource], CountersignSource]:
    def register(source: CountersignSource) -> CountersignSource:
        _SOURCES[name] = source
        return source

    return register


def awaiting_countersignature(
    team_ids: Iterable[int], today: date
) -> list[AwaitingCountersignature]:
    """Everything waiting for an SPO of these teams, oldest request first."""
    teams = list(team_ids)
    found = [item for source in _SOURCES.values() for item in source(teams, today)]
    return sorted(found, key=lambda item: (item.requested_on, item.crn, item.kind))
