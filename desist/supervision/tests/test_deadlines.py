"""The missing-outcomes deadline source: past appointments without an outcome, on the owners'
cases only, overdue from the day after, in one query whatever the caseload."""

from datetime import timedelta

from django.utils import timezone

from desist.oversight.deadlines import DeadlineStatus
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
    _appointment(case, officer, now + timedelta(days=1))
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
