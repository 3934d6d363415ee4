"""The enforcement pages: who may do what (denials audited), what each write leaves behind,
and the event page's query count flat however much history it shows."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from desist.access.services import case_set_restricted
from desist.accounts.roles import Role
from desist.audit.models import Action, AuditEvent
from desist.documents.models import Document, DocumentKind
from desist.enforcement import services
from desist.enforcement.constants import RecallStatus
from desist.enforcement.models import EnforcementAction, Recall

TODAY = timezone.localdate


def event_url(event):
    return f"/cases/{event.case.crn}/events/{event.number}/"


def test_the_event_page_shows_compliance_and_the_warning_due(
    client, signed_in, case, co_event, fail, officer
):
    fail(case, 3)
    signed_in(officer)
    page = client.get(event_url(co_event)).content.decode()
    assert "Compliance and enforcement" in page
    assert "Warning due by" in page and "Issue the warning letter" in page
    assert "Unacceptable absence" in page
    assert "no rehabilitation activity requirement" in page


def test_the_event_page_keeps_its_query_count_flat(
    client, signed_in, case, co_event, fail, officer, django_assert_max_num_queries
):
    signed_in(officer)
    fail(case, 40)
    services.enforcement_action_record(
        event=co_event, code="EA02", on=TODAY() - timedelta(days=38), by=officer
    )
    with CaptureQueriesContext(connection) as few:
        client.get(event_url(co_event))
    for n in range(8):
        fail(case, 30 - n)
        services.enforcement_action_record(event=co_event, code="NFA", on=TODAY(), by=officer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(event_url(co_event))
    assert response.content.decode().count("No further action") == 8


def test_the_case_overview_says_what_is_due(client, signed_in, case, co_event, fail, officer):
    fail(case, 30)
    signed_in(officer)
    page = client.get(f"/cases/{case.crn}/").content.decode()
    assert "Event 1: issue a warning by" in page and "Overdue" in page


def test_a_practitioner_records_an_action_which_is_audited(
    client, signed_in, case, co_event, make_staff
):
    pso = make_staff("pso", Role.PROBATION_SERVICES_OFFICER, grade="PSO")
    signed_in(pso)
    url = f"{event_url(co_event)}enforcement/record/"
    assert client.get(url).status_code == 200
    day = TODAY() - timedelta(days=1)
    response = client.post(
        url,
        {
            "code": "EA02",
            "on_day": day.day,
            "on_month": day.month,
            "on_year": day.year,
            "notes": "x",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("#enforcement")
    action = EnforcementAction.objects.get()
    assert action.recorded_by == pso and action.on == day
    assert AuditEvent.objects.filter(
        actor=pso, action=Action.CREATE, subject="enforcementaction"
    ).exists()


def test_the_action_form_explains_its_errors(client, signed_in, co_event, officer):
    signed_in(officer)
    response = client.post(f"{event_url(co_event)}enforcement/record/", {"code": "EA11"})
    page = response.content.decode()
    assert "Enter the date of the action" in page and page.count("<title>Error: ") == 1


@pytest.mark.parametrize("path", ["record/", "warning-letter/", "breach-report/"])
def test_roles_without_record_enforcement_are_refused(
    client, signed_in, case, co_event, fail, make_staff, path
):
    fail(case, 3)
    court_officer = make_staff("courtofficer", Role.COURT_OFFICER)
    signed_in(court_officer)
    response = client.post(f"{event_url(co_event)}enforcement/{path}", {"account": "x"})
    assert response.status_code == 403
    assert AuditEvent.objects.filter(actor=court_officer, action=Action.DENIED).exists()
    assert not EnforcementAction.objects.exists()


def test_staff_kept_out_of_a_restricted_case_are_refused(
    client, signed_in, case, co_event, fail, colleague, manager, make_staff, team
):
    fail(case, 3)
    case_set_restricted(case=case, restricted=True, message="Ask the SPO.", by=manager)
    other_team = team.__class__.objects.create(code="T2", name="Team 2", pdu=team.pdu)
    pso = make_staff("pso2", Role.PROBATION_SERVICES_OFFICER, grade="PSO", team=other_team)
    for person in (colleague, pso):
        signed_in(person)
        response = client.post(f"{event_url(co_event)}enforcement/warning-letter/")
        assert response.status_code == 403
        assert AuditEvent.objects.filter(actor=person, action=Action.DENIED, case=case).exists()
    assert not Document.objects.exists()


def test_the_warning_letter_page_issues_the_letter(
    client, signed_in, case, co_event, fail, officer
):
    fail(case, 3)
    signed_in(officer)
    url = f"{event_url(co_event)}enforcement/warning-letter/"
    page = client.get(url).content.decode()
    assert "describe the failure: failed to attend" in page
    response = client.post(url)
    assert response.status_code == 302
    document = Document.objects.get(kind=DocumentKind.WARNING_LETTER)
    assert EnforcementAction.objects.get().document == document
    assert client.get(url).status_code == 404  # no warning due any more
    page = client.get(event_url(co_event)).content.decode()
    assert "First warning letter (EA02)" in page and "Warning letter, event 1 (PDF)" in page
    timeline = client.get(f"/cases/{case.crn}/timeline/").content.decode()
    assert "Enforcement on event 1: First warning letter (EA02)" in timeline


def test_the_breach_report_page_needs_an_account(client, signed_in, case, co_event, fail, officer):
    fail(case, 20)
    services.enforcement_action_record(
        event=co_event, code="EA02", on=TODAY() - timedelta(days=15), by=officer
    )
    fail(case, 2)
    signed_in(officer)
    url = f"{event_url(co_event)}enforcement/breach-report/"
    assert "Enter your account" not in client.get(url).content.decode()
    assert "Enter your account of the failures" in client.post(url, {}).content.decode()
    assert client.post(url, {"account": "Two absences, no excuse."}).status_code == 302
    assert Document.objects.get().kind == DocumentKind.BREACH_REPORT
    assert client.get(url).status_code == 404


def _recall_form(event):
    return {
        "reasons": "Whereabouts unknown",
        "alternatives": "Warning; more reporting",
        "conditions": [event.licence_conditions.first().pk],
        "recall_type": "fixed-term",
    }


def test_recall_goes_to_the_spo_who_countersigns(
    client, signed_in, licence_event, officer, manager
):
    signed_in(officer)
    base = event_url(licence_event)
    page = client.get(f"{base}enforcement/recall/").content.decode()
    assert "Suggested: <strong>Fixed-term recall</strong>" in page
    response = client.post(f"{base}enforcement/recall/", _recall_form(licence_event))
    recall = Recall.objects.get()
    assert response["Location"] == f"/cases/{licence_event.case.crn}/recalls/{recall.pk}/"
    detail = client.get(response["Location"]).content.decode()
    assert "Awaiting countersignature" in detail and "Record decision" not in detail

    # A probation officer cannot countersign, even by posting the form.
    refused = client.post(
        response["Location"], {"version": 1, "decision": "countersign", "rationale": "Ok"}
    )
    assert refused.status_code == 403
    assert AuditEvent.objects.filter(actor=officer, action=Action.DENIED).exists()

    signed_in(manager)
    assert "Record decision" in client.get(response["Location"]).content.decode()
    done = client.post(
        response["Location"], {"version": 1, "decision": "countersign", "rationale": "Agreed"}
    )
    assert done.status_code == 302
    recall.refresh_from_db()
    assert recall.status == RecallStatus.COUNTERSIGNED and recall.decided_by == manager
    assert "Recall report, event 1 (PDF)" in client.get(done["Location"]).content.decode()


def test_a_stale_decision_is_not_saved(client, signed_in, licence_event, officer, manager):
    recall = services.recall_recommend(
        event=licence_event,
        by=officer,
        reasons="r",
        alternatives="a",
        conditions=list(licence_event.licence_conditions.all()[:1]),
        charged_with_new_offence=False,
        recall_type="fixed-term",
    )
    signed_in(manager)
    url = f"/cases/{licence_event.case.crn}/recalls/{recall.pk}/"
    page = client.post(url, {"version": 9, "decision": "reject", "rationale": "No"})
    assert "Someone else changed" in page.content.decode()
    recall.refresh_from_db()
    assert recall.status == RecallStatus.AWAITING


def test_recall_is_only_for_a_licence(client, signed_in, co_event, officer):
    signed_in(officer)
    assert client.get(f"{event_url(co_event)}enforcement/recall/").status_code == 404


def test_the_worklist_lists_only_the_practitioners_own_cases(
    client, signed_in, case, co_event, make_case, make_event, fail, officer, colleague
):
    fail(case, 30)
    theirs = make_case("Ann", "Other", practitioner=colleague)
    make_event(theirs)
    fail(theirs, 2)
    signed_in(officer)
    page = client.get("/enforcement/").content.decode()
    assert "Smith, John" in page and "Other, Ann" not in page
    assert "Issue a warning" in page and "Overdue" in page
    assert "Enforcement due" in client.get("/diary/").content.decode()


def test_the_worklist_is_refused_to_roles_that_do_not_enforce(client, signed_in, make_staff):
    court_officer = make_staff("courtofficer", Role.COURT_OFFICER)
    signed_in(court_officer)
    assert client.get("/enforcement/").status_code == 403


def test_the_case_overview_keeps_its_query_count_flat(
    client, signed_in, case, co_event, licence_event, fail, officer
):
    signed_in(officer)
    fail(case, 40)
    with CaptureQueriesContext(connection) as few:
        client.get(f"/cases/{case.crn}/")
    for n in range(6):
        fail(case, 30 - n)
    with CaptureQueriesContext(connection) as many:
        client.get(f"/cases/{case.crn}/")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_worklist_takes_the_same_queries_for_any_number_of_cases(
    client, signed_in, make_case, make_event, fail, officer, django_assert_max_num_queries
):
    signed_in(officer)
    for n in range(6):
        person = make_case("Person", f"Number{n}")
        make_event(person)
        fail(person, 3 + n)
    # Session, user, second factor; failures, their events, their actions.
    with django_assert_max_num_queries(6):
        page = client.get("/enforcement/").content.decode()
    assert page.count("Issue a warning<span") == 6
