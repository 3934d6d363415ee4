"""A minimal iCalendar (RFC 5545) writer: enough for a read-only feed of appointments.

Written by hand rather than adding a dependency: a feed needs only VCALENDAR and VEVENT,
text escaping (§3.3.11), UTC date-times (§3.3.5, form #2) and line folding at 75 octets
(§3.1), with CRLF line ends throughout.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

PRODID = "-//Desist//Probation appointments//EN"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    starts_at: datetime
    ends_at: datetime
    summary: str
    location: str = ""
    description: str = ""


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon and comma are escaped; newlines become \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def utc(value: datetime) -> str:
    """A date-time in UTC form: 19980119T070000Z. Naive values are refused, not guessed."""
    if value.tzinfo is None:
        raise ValueError("iCalendar date-times must be timezone-aware")
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line so no physical line exceeds 75 octets, never splitting a UTF-8
    character; each continuation starts with a single space."""
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode())
        # Continuation lines lose one octet to their leading space.
        if size + width > (limit if not parts else limit - 1):
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def ical_calendar(events: Iterable[CalendarEvent], *, name: str, now: datetime) -> str:
    """The whole calendar as text, ready to serve as text/calendar."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    stamp = utc(now)
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{utc(event.starts_at)}",
            f"DTEND:{utc(event.ends_at)}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.location:
            lines.append(f"LOCATION:{escape_text(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)
