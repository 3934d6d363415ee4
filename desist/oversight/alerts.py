"""Alerts on the practitioner's home page: things that happened to their work, computed from
each area's own data, as the deadlines are (desist.oversight.deadlines).

Each area registers a *source* in its own ``alerts.py`` (imported from its AppConfig.ready())
with the ``alert_source`` decorator. A source takes the member of staff and today's date and
returns that area's alerts for them from one query or so; alerts_for keeps those on cases
the member of staff may see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from desist.access.selectors import on_visible_cases

# How far back an alert is still news.
ALERT_DAYS = 14


@dataclass(frozen=True)
class Alert:
    kind: str  # what happened, in the practitioner's words: "New allocation"
    on: date
    url: str
    crn: str = ""
    name: str = ""
    detail: str = ""


AlertSource = Callable[[object, date], Iterable[Alert]]
_SOURCES: dict[str, AlertSource] = {}


def alert_source(name: str) -> Callable[[AlertSource], AlertSource]:
    def register(source: AlertSource) -> AlertSource:
        _SOURCES[name] = source
        return source

    return register


def alerts_for(user, today: date) -> list[Alert]:
    """Every alert for this member of staff on cases they may see, newest first. Access is
    checked here, once for every source, not by each source."""
    found = [alert for source in _SOURCES.values() for alert in source(user, today)]
    return sorted(on_visible_cases(user, found), key=lambda a: (a.on, a.crn), reverse=True)
