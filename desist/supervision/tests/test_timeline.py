from datetime import datetime, timedelta

import pytest
from django.template.defaultfilters import date as date_filter
from django.utils import timezone

from desist.supervision import services
from desist.supervision.selectors import (
    TimelineFilters,
    case_timeline,
    missing_outcome_entries,
    timeline_entries,
)


def _at(days_ago: int) -> datetime:
    return timezone.now() - timedelta(days=days_ago)


@pytest.fixture
def history(case, officer, past_appointment):
    """An outcome (system-made) and three notes written by hand at different dates."""
    services.appointment_record_outcome(
        appointment=past_appointment, version=1, by=officer, outcome="UAAB", notes="No reply"
    )
    for days_ago, kind, notes in [
        (1, "CTOA", "Rang to say he visited his mother in hospital"),
        (10, "CMOB", "Texted the new appointment time"),
        (40, "CTOB", "Called about housing; he is sofa surfing"),
    ]:
        services.contact_add(case=case, by=officer, type=kind, at=_at(days_ago), notes=notes)
    return case


def _notes(case, **filters):
    return [c["notes"] for c in case_timeline(case, TimelineFilters(**filters))]


def test_newest_first(history):
    notes = _notes(history)
    assert len(notes) == 4
    assert notes[-1].startswith("Called about housing")


def test_filter_by_type_dates_compliance_and_system(history):
    assert _notes(history, type="CMOB") == ["Texted the new appointment time"]
    today = timezone.localdate()
    assert len(_notes(history, date_from=today - timedelta(days=11))) == 3
    assert len(_notes(history, date_to=today - timedelta(days=2))) == 2
    assert _notes(history, compliance="unacceptable") == ["Unacceptable absence. No reply"]
    assert _notes(history, compliance="complied") == []
    assert len(_notes(history, hide_system=True)) == 3


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hospital", 1),
        ("housing", 1),
        ("mother hospital", 1),
        ("appointment", 1),
        ("Housing SOFA", 1),
        ("hospital housing", 0),
        ("zebra", 0),
    ],
)
def test_note_search_finds_the_same_notes_on_either_database(history, query, expected):
    assert len(_notes(history, search=query)) == expected


def test_timeline_page_filters_and_paginates_in_few_queries(
    client, signed_in, officer, history, django_assert_num_queries
):
    for n in range(30):
        services.contact_add(case=history, by=officer, type="CTOA", at=_at(50 + n), notes=f"{n}")
    signed_in(officer)
    with django_assert_num_queries(8):
        page = client.get(f"/cases/{history.crn}/timeline/").content.decode()
    assert "34 entries" in page and 'rel="next"' in page
    with django_assert_num_queries(8):
        page = client.get(
            f"/cases/{history.crn}/timeline/?q=hospital&type=CTOA&page=1"
        ).content.decode()
    assert "1 entry" in page and "visited his mother" in page


def test_bad_filters_show_the_whole_timeline_with_an_error(client, signed_in, officer, history):
    signed_in(officer)
    page = client.get(
        f"/cases/{history.crn}/timeline/?date_from_day=31&date_from_month=2&date_from_year=2026"
    ).content.decode()
    assert "From must be a real date" in page and "4 entries" in page


def test_entries_show_who_and_what_with_the_notes_escaped(client, signed_in, officer, history):
    services.contact_add(
        case=history, by=officer, type="CTOA", at=_at(0), notes="<b>Rang</b>\nback", sensitive=True
    )
    signed_in(officer)
    page = client.get(f"/cases/{history.crn}/timeline/").content.decode()
    assert "&lt;b&gt;Rang&lt;/b&gt;<br>back" in page
    assert "Sensitive: do not share outside the case&#x27;s supervision" not in page
    assert "Sensitive: do not share outside the case's supervision." in page
    assert f"Recorded by Desist for {officer.get_full_name()}" in page
    assert 'govuk-tag--red">Unacceptable absence</strong>' in page


def test_lists_write_dates_as_the_date_filter_does(officer, past_appointment):
    """The timeline and the worklist format their dates in Python, once per row."""
    at = timezone.make_aware(datetime(2026, 3, 2, 9, 5))
    services.contact_add(case=past_appointment.case, by=officer, type="CTOA", at=at)
    [entry] = timeline_entries(case_timeline(past_appointment.case, TimelineFilters()))
    assert entry.when == date_filter(at, "l j F Y, H:i") == "Monday 2 March 2026, 09:05"
    past_appointment.starts_at = at
    [waiting] = missing_outcome_entries([past_appointment])
    assert waiting.when == date_filter(at, "D j M Y, H:i")
    assert waiting.day_and_time == date_filter(at, "j M Y, H:i")
