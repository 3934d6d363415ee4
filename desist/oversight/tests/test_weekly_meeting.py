"""The SPO's weekly meeting with a practitioner: their actions overdue first, what became
overdue since the last meeting, and a record of what was agreed on the cases discussed."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from desist.accounts.roles import Role
from desist.audit.models import Action, AuditEvent
from desist.oversight import services
from desist.oversight.constants import OversightReason
from desist.oversight.models import Oversight, WeeklyMeeting
from desist.supervision.constants import ContactType
from desist.supervision.models import Contact


def _url(practitioner):
    return f"/oversight/practitioners/{practitioner.pk}/meeting/"


def test_the_spo_sees_overdue_actions_and_what_is_new_since_last_meeting(
    client, signed_in, manager, officer, make_case, missed
):
    old, new = make_case("Olive", "Older"), make_case("Nate", "Newer")
    missed(old, days_ago=20)
    missed(new, days_ago=2)
    meeting = services.weekly_meeting_record(
        practitioner=officer, cases=[old], agreed="Chase Olive's outcome", by=manager
    )
    WeeklyMeeting.objects.filter(pk=meeting.pk).update(
        held_on=timezone.localdate() - timedelta(days=7)
    )
    signed_in(manager)
    response = client.get(_url(officer))
    assert response.status_code == 200
    assert [d.crn for d in response.context["overdue"]] == [old.crn, new.crn]
    page = response.content.decode()
    assert page.count("<h1") == 1 and "Chase Olive" in page
    rows = {}  # each case's first table row (the form below lists the cases again)
    for row in page.split("</tr>"):
        for crn in (old.crn, new.crn):
            if crn in row:
                rows.setdefault(crn, row)
    assert "Overdue since last meeting" in rows[new.crn]
    assert "Overdue since last meeting" not in rows[old.crn]


def test_the_spo_records_what_was_agreed_on_the_cases_discussed(
    client, signed_in, manager, officer, make_case
):
    one, two, _ = make_case("One", "Case"), make_case("Two", "Case"), make_case("Three", "Case")
    signed_in(manager)
    response = client.post(
        _url(officer), {"cases": [one.crn, two.crn], "agreed": "Book home visits this week"}
    )
    assert response["Location"] == _url(officer)
    meeting = WeeklyMeeting.objects.get()
    assert meeting.practitioner == officer and meeting.held_by == manager
    records = Oversight.objects.filter(meeting=meeting)
    assert {r.case_id for r in records} == {one.pk, two.pk}
    assert {r.reason for r in records} == {OversightReason.WEEKLY_MEETING}
    notes = Contact.objects.filter(type=ContactType.MANAGEMENT_OVERSIGHT, sensitive=True)
    assert notes.count() == 2
    assert AuditEvent.objects.filter(
        actor=manager, action=Action.CREATE, subject="weekly_meeting"
    ).exists()
    assert "Book home visits" in client.get(_url(officer)).content.decode()


def test_the_agreement_is_required(client, signed_in, manager, officer, case):
    signed_in(manager)
    page = client.post(_url(officer), {"cases": [case.crn], "agreed": ""}).content.decode()
    assert "Enter what was agreed" in page
    assert not WeeklyMeeting.objects.exists()


def test_a_restricted_case_is_neither_listed_nor_recordable(
    client, signed_in, manager, officer, missed, restricted
):
    hidden = restricted()
    missed(hidden)
    signed_in(manager)
    response = client.get(_url(officer))
    assert response.context["overdue"] == []
    assert hidden.crn not in response.content.decode()
    response = client.post(_url(officer), {"cases": [hidden.crn], "agreed": "Sneaky"})
    assert response.status_code == 200 and not Oversight.objects.exists()


def test_a_probation_officer_cannot_open_a_weekly_meeting(client, signed_in, officer, colleague):
    signed_in(officer)
    assert client.get(_url(colleague)).status_code == 403
    assert client.post(_url(colleague), {"agreed": "x"}).status_code == 403


def test_an_spo_only_meets_their_own_team(client, signed_in, other_spo, officer):
    signed_in(other_spo)
    assert client.get(_url(officer)).status_code == 403
    assert client.post(_url(officer), {"agreed": "x"}).status_code == 403
    assert not WeeklyMeeting.objects.exists()
    assert AuditEvent.objects.filter(
        actor=other_spo, action=Action.DENIED, subject="weekly_meeting"
    ).exists()


def test_the_service_refuses_cases_off_the_practitioners_caseload(
    manager, officer, colleague, make_case
):
    theirs = make_case(practitioner=colleague)
    with pytest.raises(ValueError):
        services.weekly_meeting_record(practitioner=officer, cases=[theirs], agreed="x", by=manager)
    assert not WeeklyMeeting.objects.exists()


def test_the_query_count_does_not_grow_with_the_caseload(
    client, signed_in, manager, officer, make_case, missed
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(_url(officer)).status_code == 200
        return len(captured)

    first = make_case("First", "Case")
    missed(first)
    services.weekly_meeting_record(practitioner=officer, cases=[first], agreed="x", by=manager)
    signed_in(manager)
    one = queries()
    for i in range(6):
        case = make_case(f"P{i}", "More")
        missed(case, days_ago=i + 2)
        services.weekly_meeting_record(practitioner=officer, cases=[case], agreed="y", by=manager)
    assert queries() == one


def test_only_practitioners_have_weekly_meetings(client, signed_in, manager, make_staff):
    court = make_staff("court", Role.COURT_OFFICER)
    signed_in(manager)
    assert client.get(_url(court)).status_code == 404
