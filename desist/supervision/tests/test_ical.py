from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from desist.supervision.ical import CalendarEvent, escape_text, fold, ical_calendar, utc

LONDON = ZoneInfo("Europe/London")


def test_text_is_escaped():
    assert escape_text("Smith, John; a\\b\nnext") == "Smith\\, John\\; a\\\\b\\nnext"


def test_times_are_written_in_utc():
    # 10:00 in London in summer is 09:00 UTC; in winter the two agree.
    assert utc(datetime(2026, 7, 1, 10, 0, tzinfo=LONDON)) == "20260701T090000Z"
    assert utc(datetime(2026, 12, 1, 10, 0, tzinfo=LONDON)) == "20261201T100000Z"


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        utc(datetime(2026, 7, 1, 10, 0))


def test_long_lines_are_folded_at_75_octets():
    folded = fold("SUMMARY:" + "x" * 200)
    lines = folded.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert all(line.startswith(" ") for line in lines[1:])
    assert "".join(line.removeprefix(" ") for line in lines) == "SUMMARY:" + "x" * 200


def test_folding_never_splits_a_character():
    line = "SUMMARY:" + "é" * 100  # two octets each
    lines = fold(line).split("\r\n")
    assert all(len(part.encode()) <= 75 for part in lines)
    assert "".join(p.removeprefix(" ") for p in lines) == line  # decodes whole


def test_a_short_line_is_left_alone():
    assert fold("SUMMARY:Office visit") == "SUMMARY:Office visit"


def test_calendar_has_the_required_properties_and_crlf_line_ends():
    event = CalendarEvent(
        uid="appointment-1@desist",
        starts_at=datetime(2026, 11, 24, 10, 0, tzinfo=LONDON),
        ends_at=datetime(2026, 11, 24, 10, 30, tzinfo=LONDON),
        summary="Office visit: Smith, John",
        location="Newcastle office",
    )
    text = ical_calendar([event], name="Appointments", now=datetime(2026, 11, 23, 9, tzinfo=UTC))
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert text.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for expected in (
        "UID:appointment-1@desist",
        "DTSTAMP:20261123T090000Z",
        "DTSTART:20261124T100000Z",
        "DTEND:20261124T103000Z",
        "SUMMARY:Office visit: Smith\\, John",
        "LOCATION:Newcastle office",
    ):
        assert f"\r\n{expected}\r\n" in text
