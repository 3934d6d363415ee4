from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from conftest import sign_in
from desist.oversight.deadlines import deadlines_for
from desist.prerelease.deadlines import pre_release_tasks
from desist.prerelease.services import resettlement_record
from desist.rules.pre_release import Pathway, Task
from desist.supervision.models import Appointment

pytestmark = pytest.mark.django_db


def _record(event, by, **changes):
    details = {
        "prison": None,
        "release_address": "",
        "release_accommodation": "",
        "address_confirmed": False,
        "licence_proposed_on": None,
        "needs": {},
    }
    return resettlement_record(event=event, version=0, by=by, **{**details, **changes})


def test_open_tasks_are_the_practitioners_actions(case, make_custody, officer):
    event = make_custody(case, release_in=30)
    today = date.today()
    found = {d.kind: d for d in pre_release_tasks([officer.pk], today)}
    assert set(found) == {t.value for t in Task}
    screen = found[Task.SCREEN.value]
    assert screen.owner_id == officer.pk and screen.crn == case.crn
    assert screen.due == event.release_date - timedelta(days=84)
    assert screen.status(today) == "overdue"
    assert screen.url == f"/cases/{case.crn}/events/1/resettlement/"
    assert f"Release on {event.release_date:%-d %b %Y}" in screen.detail


def test_a_task_is_done_when_the_record_shows_it(case, make_custody, officer):
    event = make_custody(case, release_in=30)
    _record(
        event,
        officer,
        needs=dict.fromkeys(Pathway, ("NO_NEED", "")),
        release_address="2 Elm Row",
        address_confirmed=True,
        licence_proposed_on=date.today(),
    )
    (left,) = pre_release_tasks([officer.pk], date.today())
    assert left.kind == Task.FIRST_APPOINTMENT.value
    starts = datetime.combine(event.release_date + timedelta(days=1), time(10))
    Appointment.objects.create(
        case=case,
        practitioner=officer,
        type="OFFICE",
        starts_at=timezone.make_aware(starts),
    )
    assert pre_release_tasks([officer.pk], date.today()) == []


def test_only_tasks_due_by_until_and_only_the_owners(case, make_case, make_custody, colleague):
    make_custody(case, release_in=60)
    make_custody(make_case("Other", "Person", practitioner=colleague), release_in=60)
    owner = case.practitioner_id
    today = date.today()
    due = pre_release_tasks([owner], today, until=today)
    assert {d.kind for d in due} == {Task.SCREEN.value}
    assert all(d.owner_id == owner for d in pre_release_tasks([owner], today))


def test_no_tasks_after_release_or_for_far_off_sentences(case, make_custody, officer):
    make_custody(case, release_in=-1)
    today = date.today()
    assert pre_release_tasks([officer.pk], today) == []


def test_queries_do_not_grow_with_the_caseload(
    make_case, make_custody, officer, django_assert_max_num_queries
):
    for n in range(5):
        _record(make_custody(make_case(f"P{n}", "Person"), release_in=20 + n), officer)
    with django_assert_max_num_queries(4):
        assert len(pre_release_tasks([officer.pk], date.today())) == 20


def test_the_tasks_reach_the_home_page_and_the_deadline_engine(client, case, make_custody, officer):
    make_custody(case, release_in=30)
    assert Task.ADDRESS.value in {d.kind for d in deadlines_for([officer.pk], date.today())}
    sign_in(client, officer)
    response = client.get("/")
    assert Task.SCREEN.value.encode() in response.content
