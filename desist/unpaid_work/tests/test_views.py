from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from desist.access.models import AccessKind, CaseAccess
from desist.audit.models import Action, AuditEvent
from desist.sentences.selectors import requirement_ledgers
from desist.supervision.models import Appointment
from desist.unpaid_work.models import Project, WorkSession
from desist.unpaid_work.tests.conftest import let_pass


def session_url(session, action=""):
    return f"/community-payback/sessions/{session.pk}/{action}"


def _day(day, prefix="date"):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


@pytest.mark.parametrize(
    "url",
    [
        "/community-payback/",
        "/community-payback/projects/add/",
        "/community-payback/projects/{project}/",
        "/community-payback/projects/{project}/edit/",
        "/community-payback/projects/{project}/sessions/add/",
        "/community-payback/sessions/{session}/",
    ],
)
def test_only_those_who_run_unpaid_work_may_open_its_pages(
    client, signed_in, officer, pso, project, work_session, url
):
    url = url.format(project=project.pk, session=work_session.pk)
    signed_in(officer)
    assert client.get(url).status_code == 403
    assert AuditEvent.objects.filter(actor=officer, action=Action.DENIED).exists()
    signed_in(pso)
    assert client.get(url).status_code == 200


def test_only_those_who_run_unpaid_work_may_place_people_or_take_the_register(
    client, signed_in, officer, work_session, case, upw
):
    signed_in(officer)
    assert client.post(session_url(work_session, "allocate/"), {"crn": case.crn}).status_code == 403
    assert client.post(session_url(work_session, "register/"), {}).status_code == 403
    assert not work_session.placements.exists()


def test_writes_refuse_get(client, signed_in, pso, work_session):
    signed_in(pso)
    assert client.get(session_url(work_session, "allocate/")).status_code == 405
    assert client.get(session_url(work_session, "register/")).status_code == 405


def test_add_a_project_explaining_what_is_missing(client, signed_in, pso, team):
    signed_in(pso)
    page = client.post("/community-payback/projects/add/", {}).content.decode()
    assert "<title>Error: Add a project" in page
    assert "Enter the project&#x27;s name" in page and "Select the type of placement" in page
    response = client.post(
        "/community-payback/projects/add/",
        {
            "name": "Community garden",
            "type": "INDIVIDUAL",
            "supervisor": pso.pk,
            "address": "Allotments, Elm Road",
            "pdu": team.pdu.pk,
            "capacity": 2,
            "active": "on",
        },
    )
    created = Project.objects.get(name="Community garden")
    assert response.url == f"/community-payback/projects/{created.pk}/"
    assert created.supervisor == pso and created.active
    assert "Community garden" in client.get("/community-payback/").content.decode()


def test_a_supervisor_must_be_someone_who_runs_unpaid_work(client, signed_in, pso, officer, team):
    signed_in(pso)
    page = client.post(
        "/community-payback/projects/add/",
        {
            "name": "X",
            "type": "GROUP",
            "supervisor": officer.pk,
            "address": "Y",
            "pdu": team.pdu.pk,
            "capacity": 2,
        },
    ).content.decode()
    assert "Select a valid choice" in page
    assert not Project.objects.exists()


def test_project_edit_refuses_a_stale_version(client, signed_in, pso, project, team):
    signed_in(pso)
    data = {
        "name": "Renamed",
        "type": "GROUP",
        "supervisor": pso.pk,
        "address": "Lock 4",
        "pdu": team.pdu.pk,
        "capacity": 6,
        "active": "on",
        "version": 1,
    }
    assert client.post(f"/community-payback/projects/{project.pk}/edit/", data).status_code == 302
    page = client.post(f"/community-payback/projects/{project.pk}/edit/", data).content.decode()
    assert "Someone else changed these details" in page


def test_add_a_session(client, signed_in, pso, project):
    signed_in(pso)
    day = timezone.localdate() + timedelta(days=3)
    response = client.post(
        f"/community-payback/projects/{project.pk}/sessions/add/",
        {**_day(day), "start_time": "09:00", "end_time": "15:30", "capacity": 5},
    )
    created = WorkSession.objects.get()
    assert response.url == session_url(created)
    assert (created.date, created.minutes, created.capacity) == (day, 390, 5)


@pytest.mark.parametrize(
    ("when", "start", "end", "places", "message"),
    [
        (-1, "09:00", "16:00", 6, "The session must be today or in the future"),
        (1, "09:00", "08:00", 6, "The end time must be after the start time"),
        (1, "07:00", "16:00", 6, "A work session can be at most 8 hours long"),
        (1, "09:00", "16:00", 7, "Places cannot be more than the project takes (6)"),
        (1, "9", "16:00", 6, "Start time must be a real time on the 24-hour clock"),
    ],
)
def test_a_session_that_cannot_be_right_is_explained(
    client, signed_in, pso, project, when, start, end, places, message
):
    signed_in(pso)
    day = timezone.localdate() + timedelta(days=when)
    page = client.post(
        f"/community-payback/projects/{project.pk}/sessions/add/",
        {**_day(day), "start_time": start, "end_time": end, "capacity": places},
    ).content.decode()
    assert message in page and "govuk-error-summary" in page
    assert not WorkSession.objects.exists()


def test_place_a_person_by_crn(client, signed_in, pso, work_session, case, upw):
    signed_in(pso)
    response = client.post(session_url(work_session, "allocate/"), {"crn": case.crn.lower()})
    assert response.status_code == 302
    page = client.get(session_url(work_session)).content.decode()
    assert "John Smith placed on this session" in page
    assert "0 of 100 hours worked, 100 remaining" in page


@pytest.mark.parametrize(
    ("crn", "message"),
    [
        ("", "Enter the person&#x27;s case reference number"),
        ("X999999", "No one on probation has that case reference number"),
    ],
)
def test_placing_explains_a_missing_or_unknown_crn(
    client, signed_in, pso, work_session, crn, message
):
    signed_in(pso)
    page = client.post(session_url(work_session, "allocate/"), {"crn": crn}).content.decode()
    assert message in page and "<title>Error: " in page


def test_placing_explains_a_refusal(client, signed_in, pso, work_session, case):
    signed_in(pso)
    page = client.post(session_url(work_session, "allocate/"), {"crn": case.crn}).content.decode()
    assert "John Smith has no active unpaid work requirement with hours left to work" in page


def test_a_case_the_supervisor_is_excluded_from_cannot_be_placed_or_seen(
    client, signed_in, pso, work_session, case, upw, place, officer
):
    CaseAccess.objects.create(case=case, staff=pso, kind=AccessKind.EXCLUDED, reason="Knows him")
    signed_in(pso)
    assert client.post(session_url(work_session, "allocate/"), {"crn": case.crn}).status_code == 403
    place(work_session, case, by=officer)
    page = client.get(session_url(work_session)).content.decode()
    assert "A person whose case you cannot open" in page
    assert "John Smith" not in page and case.crn not in page


def test_the_register_credits_hours_and_shows_the_ledger(
    client, signed_in, pso, work_session, case, upw, make_case, give_upw, place
):
    other = make_case("Peter", "Brown")
    other_upw = give_upw(other, hours=40)
    first, second = place(work_session, case), place(work_session, other)
    let_pass(work_session)
    signed_in(pso)
    page = client.get(session_url(work_session)).content.decode()
    assert "Save attendance" in page
    response = client.post(
        session_url(work_session, "register/"),
        {
            f"p{first.pk}-version": 1,
            f"p{first.pk}-outcome": "ATTC",
            f"p{second.pk}-version": 1,
            f"p{second.pk}-outcome": "ATSH",
            f"p{second.pk}-sent_home_at": "11:30",
            f"p{second.pk}-notes": "Refused to follow instructions",
        },
    )
    assert response.status_code == 302
    page = client.get(session_url(work_session)).content.decode()
    assert "Attendance recorded for 2 people" in page
    assert "7 of 100 hours worked, 93 remaining" in page
    assert "2.5 of 40 hours worked, 37.5 remaining" in page
    assert "Save attendance" not in page  # everyone recorded
    assert requirement_ledgers([other_upw])[other_upw.pk].done == 2.5
    case_page = client.get(f"/cases/{other.crn}/unpaid-work/").content.decode()
    assert "Attended – sent home (behaviour)" in case_page and "37.5 hours" in case_page


def test_the_register_explains_each_problem_and_saves_nothing(
    client, signed_in, pso, work_session, case, upw, place
):
    placement = place(work_session, case)
    let_pass(work_session)
    signed_in(pso)
    page = client.post(
        session_url(work_session, "register/"),
        {
            f"p{placement.pk}-version": 1,
            f"p{placement.pk}-outcome": "ATSH",
            f"p{placement.pk}-sent_home_at": "17:00",
        },
    ).content.decode()
    assert "John Smith: The time sent home must be after the session started (09:00)" in page
    assert "John Smith: enter why they were sent home" in page
    assert "<title>Error: " in page
    page = client.post(
        session_url(work_session, "register/"), {f"p{placement.pk}-version": 1}
    ).content.decode()
    assert "Select what happened for at least one person" in page
    assert not Appointment.objects.exclude(outcome="").exists()


def test_the_register_waits_for_the_session(client, signed_in, pso, work_session, case, upw, place):
    place(work_session, case)
    signed_in(pso)
    assert "Save attendance" not in client.get(session_url(work_session)).content.decode()
    assert client.post(session_url(work_session, "register/"), {}).status_code == 404


def test_session_page_queries_do_not_grow_with_the_people_on_it(
    client,
    signed_in,
    pso,
    work_session,
    case,
    upw,
    make_case,
    give_upw,
    place,
    django_assert_max_num_queries,
):
    place(work_session, case)
    let_pass(work_session, days=0)  # started: the register shows too
    work_session.date = timezone.localdate()
    signed_in(pso)
    with CaptureQueriesContext(connection) as one:
        client.get(session_url(work_session))
    for n in range(5):
        person = make_case("Person", f"Number{n}")
        give_upw(person)
        place(work_session, person)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(session_url(work_session)).content.decode()
    assert page.count("hours worked") == 6


def test_project_list_and_page_queries_are_fixed(
    client, signed_in, pso, project, make_session, django_assert_max_num_queries
):
    signed_in(pso)
    with CaptureQueriesContext(connection) as few:
        client.get("/community-payback/")
        client.get(f"/community-payback/projects/{project.pk}/")
    for n in range(4):
        make_session(timezone.localdate() + timedelta(days=n + 2))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/community-payback/")
        page = client.get(f"/community-payback/projects/{project.pk}/").content.decode()
    assert page.count("0 of 6") == 4


def test_the_case_page_shows_the_ledger_to_the_practitioner(
    client, signed_in, officer, case, upw, work_session, place
):
    place(work_session, case)
    signed_in(officer)
    page = client.get(f"/cases/{case.crn}/unpaid-work/").content.decode()
    assert "100 hours" in page and "Canal towpath clearance" in page
    assert session_url(work_session) not in page  # the practitioner does not run sessions


def test_the_case_page_respects_exclusions(client, signed_in, officer, case, upw):
    CaseAccess.objects.create(case=case, staff=officer, kind=AccessKind.EXCLUDED, reason="x")
    signed_in(officer)
    assert client.get(f"/cases/{case.crn}/unpaid-work/").status_code == 403
