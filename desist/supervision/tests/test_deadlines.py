"""The missing-outcomes deadline source: past appointments without an outcome, on the owners'
cases only, overdue from the day after, in one query whatever the caseload; those starting
by the end of tomorrow are given ahead, to show from the time they start."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from desist.oversight.deadlines import DeadlineStatus, deadlines_for
from desist.supervision.deadlines import missing_outcomes
from desist.supervision.models import Appointment


def _appointment(case, practitioner, starts_at, **extra):
    return Appointment.objects.create(
        case=case, practitioner=practitioner, type="OFFICE", starts_at=starts_at, **extra
    )


def test_past_appointments_without_an_outcome_are_due_on_their_day(make_case, officer):
    case = make_case()
    now, today = timezone.now(), timezone.localdate()
    old = _appointment(case, officer, now - timedelta(days=3))
    _appointment(case, officer, now - timedelta(days=2), outcome="ATTC")
    _appointment(case, officer, now - timedelta(days=1), cancelled_at=now)
    _appointment(case, officer, now + timedelta(days=3))
    [deadline] = missing_outcomes([officer.pk], today)
    assert deadline.kind == "Record an outcome"
    assert deadline.owner_id == officer.pk
    assert deadline.crn == case.crn and deadline.name == "Smith, John"
    assert deadline.due == timezone.localdate(old.starts_at)
    assert deadline.url == f"/cases/{case.crn}/appointments/{old.pk}/outcome/"
    assert deadline.status(today) == DeadlineStatus.OVERDUE


def test_an_appointment_earlier_today_is_due_this_week(make_case, officer):
    case = make_case()
    _appointment(case, officer, timezone.now() - timedelta(minutes=5))
    [deadline] = missing_outcomes([officer.pk], timezone.localdate())
    assert deadline.status(timezone.localdate()) == DeadlineStatus.DUE_THIS_WEEK


def test_appointments_by_the_end_of_tomorrow_are_given_ahead_to_show_once_started(
    make_case, officer
):
    case = make_case()
    today = timezone.localdate()
    tomorrow = timezone.make_aware(datetime.combine(today + timedelta(days=1), time(23, 59)))
    soon = _appointment(case, officer, tomorrow)
    _appointment(case, officer, tomorrow + timedelta(minutes=2))
    [ahead] = missing_outcomes([officer.pk], today)
    assert ahead.shows_at == soon.starts_at
    assert deadlines_for([officer.pk], today) == []  # the live engine shows it only once due


def test_only_cases_the_owners_hold(make_case, officer, colleague):
    theirs = make_case("Jane", "Doe", practitioner=colleague)
    # Even an appointment the officer ran counts against the case's practitioner.
    _appointment(theirs, officer, timezone.now() - timedelta(days=1))
    assert missing_outcomes([officer.pk], timezone.localdate()) == []
    assert [d.owner_id for d in missing_outcomes([colleague.pk], timezone.localdate())] == [
        colleague.pk
    ]


def test_one_query_whatever_the_caseload(make_case, officer, django_assert_num_queries):
    for i in range(5):
        _appointment(make_case(f"P{i}", "Many"), officer, timezone.now() - timedelta(days=i + 1))
    with django_assert_num_queries(1):
        assert len(missing_outcomes([officer.pk], timezone.localdate())) == 5
