"""Terminations due: active events whose expected end has passed or falls within a week, on
the owners' cases, in one query."""

import datetime

from desist.oversight.deadlines import DeadlineStatus
from desist.sentences.deadlines import terminations_due
from desist.sentences.models import Event

TODAY = datetime.date(2026, 11, 23)  # a Monday


def _ending(event, day, **extra):
    Event.objects.filter(pk=event.pk).update(expected_end=day, **extra)


def test_events_ending_within_a_week_or_past_their_end(make_case, make_event, officer):
    case = make_case()
    _ending(make_event(case), TODAY - datetime.timedelta(days=2))
    _ending(make_event(case), TODAY + datetime.timedelta(days=6))
    _ending(make_event(case), TODAY + datetime.timedelta(days=8))
    _ending(make_event(case), TODAY - datetime.timedelta(days=30), active=False)
    found = sorted(terminations_due([officer.pk], TODAY), key=lambda d: d.due)
    assert [d.status(TODAY) for d in found] == [
        DeadlineStatus.OVERDUE,
        DeadlineStatus.DUE_THIS_WEEK,
    ]
    assert found[0].kind == "Terminate the event"
    assert found[0].detail.endswith("Community order")
    assert found[0].url.startswith(f"/cases/{case.crn}/events/")


def test_a_later_status_a_week_ahead(make_case, make_event, officer):
    # On a Friday, an end within 7 days may fall next week.
    friday = TODAY + datetime.timedelta(days=4)
    _ending(make_event(make_case()), friday + datetime.timedelta(days=5))
    [deadline] = terminations_due([officer.pk], friday)
    assert deadline.status(friday) == DeadlineStatus.LATER


def test_only_the_owners_cases_in_one_query(
    make_case, make_event, officer, colleague, django_assert_num_queries
):
    for i in range(3):
        _ending(make_event(make_case(f"P{i}", "Ending")), TODAY)
    _ending(make_event(make_case("Jane", "Doe", practitioner=colleague)), TODAY)
    with django_assert_num_queries(1):
        assert len(terminations_due([officer.pk], TODAY)) == 3
