from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from desist.supervision import services
from desist.supervision.selectors import TimelineFilters, case_timeline


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
    return [c.notes for c in case_timeline(case, TimelineFilters(**filters))]


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
    client, signed_in, officer, history, django_assert_max_num_queries
):
    for n in range(30):
        services.contact_add(case=history, by=officer, type="CTOA", at=_at(50 + n), notes=f"{n}")
    signed_in(officer)
    with django_assert_max_num_queries(12):
        page = client.get(f"/cases/{history.crn}/timeline/").content.decode()
    assert "34 entries" in page and 'rel="next"' in page
    with django_assert_max_num_queries(12):
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
