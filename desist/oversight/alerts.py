"""Alerts on the practitioner's home page: things that happened to their work, computed from
each area's own data, as the deadlines are (desist.oversight.deadlines).

Each area registers a *source* in its own ``alerts.py`` (imported from its AppConfig.ready())
with the ``alert_source`` decorator. A source takes the staff whose alerts are wanted and
today's date and returns that area's alerts for them from one query or so. They are stored
with the deadlines (desist.oversight.actions), and pages keep those on cases the reader may
see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

# How far back an alert is still news.
ALERT_DAYS = 14


@dataclass(frozen=True)
class Alert:
    kind: str  # what happened, in the practitioner's words: "New allocation"
    owner_id: int
    on: date
    url: str
    crn: str = ""
    name: str = ""
    detail: str = ""


AlertSource = Callable[[list[int], date], Iterable[Alert]]
_SOURCES: dict[str, AlertSource] = {}


def alert_source(name: str) -> Callable[[AlertSource], AlertSource]:
    def register(source: AlertSource) -> AlertSource:
        _SOURCES[name] = source
        return source

    return register


def compute_alerts(owner_ids: Iterable[int], today: date) -> list[Alert]:
    """Every alert for these staff, newest first, computed afresh from every source."""
    owners = list(owner_ids)
    found = [alert for source in _SOURCES.values() for alert in source(owners, today)]
    return sorted(found, key=lambda a: (a.on, a.crn), reverse=True)
