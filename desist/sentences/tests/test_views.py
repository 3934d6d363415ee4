import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from desist.access.services import case_set_restricted
from desist.accounts.roles import Role
from desist.audit.models import Action, AuditEvent
from desist.sentences import services
from desist.sentences.models import Event

EVENT_FORM = {
    "offence_description": "Theft from a shop",
    "offence_code": "04600",
    "offence_category": "THEFT",
    "offence_date_day": "10",
    "offence_date_month": "1",
    "offence_date_year": "2026",
    "conviction_date_day": "2",
    "conviction_date_month": "3",
    "conviction_date_year": "2026",
    "sentence_type": "CO",
    "sentence_date_day": "1",
    "sentence_date_month": "4",
    "sentence_date_year": "2026",
    "length": "18",
    "length_unit": "M",
    "operational_months": "",
    "supervision_months": "",
    "remand_days": "0",
    "tagged_bail_days": "0",
}


def test_add_an_event(signed_in, officer, case, court):
    client = signed_in(officer)
    assert client.get(f"/cases/{case.crn}/events/add/").status_code == 200
    response = client.post(f"/cases/{case.crn}/events/add/", {**EVENT_FORM, "court": court.pk})
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{case.crn}/events/1/"
    event = Event.objects.get(case=case)
    assert (event.sentence_type, event.expected_end) == ("CO", datetime.date(2027, 9, 30))
    assert AuditEvent.objects.filter(actor=officer, subject="event", action=Action.CREATE).exists()


def test_bad_input_is_summarised(signed_in, officer, case, court):
    form = {**EVENT_FORM, "court": court.pk, "offence_code": "ABC", "conviction_date_day": "x"}
    response = signed_in(officer).post(f"/cases/{case.crn}/events/add/", form)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Add an event" in html
    assert "Enter a Home Office offence code of 5 digits" in html
    assert "Conviction date must be a real date" in html
    assert not Event.objects.exists()


def test_the_law_s_limits_show_in_the_error_summary(signed_in, officer, case, court):
    form = {**EVENT_FORM, "court": court.pk, "length": "4", "length_unit": "Y"}
    html = signed_in(officer).post(f"/cases/{case.crn}/events/add/", form).content.decode()
    assert 'href="#id_length"' in html
    assert "A community order must be no longer than 3 years" in html


@pytest.mark.parametrize("role", [Role.VICTIM_LIAISON_OFFICER, Role.PROGRAMME_FACILITATOR])
def test_roles_without_edit_may_read_but_not_add(signed_in, make_staff, case, make_event, role):
    make_event(case)
    client = signed_in(make_staff("reader", role))
    assert client.get(f"/cases/{case.crn}/events/1/").status_code == 200
    for path in ("events/add/", "events/1/requirements/add/", "events/1/terminate/"):
        response = client.get(f"/cases/{case.crn}/{path}")
        assert response.status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, case=case).count() == 3


def test_a_restricted_case_s_events_are_refused(signed_in, colleague, manager, case, make_event):
    make_event(case)
    case_set_restricted(case=case, restricted=True, message="", by=manager)
    client = signed_in(colleague)
    for path in ("events/1/", "events/add/", "events/1/requirements/add/"):
        response = client.get(f"/cases/{case.crn}/{path}")
        assert response.status_code == 403
        assert b"Common assault" not in response.content


def test_event_page_shows_offences_requirements_and_ledgers(
    signed_in, officer, case, make_event, django_assert_max_num_queries
):
    event = make_event(case)
    services.requirement_add(event=event, by=officer, category="UPW", length=100)
    services.requirement_add(event=event, by=officer, category="RAR", length=15)
    client = signed_in(officer)
    # Sign-in and access (6), the event and its five kinds of record (6), ledgers (1), and
    # the case header's other sections.
    with django_assert_max_num_queries(15):
        response = client.get(f"/cases/{case.crn}/events/1/")
    html = response.content.decode()
    assert "Common assault" in html and "Newcastle Magistrates" in html
    assert "0 hours worked, 100 remaining" in html
    assert "0 days used, 15 remaining" in html
    assert f'href="/cases/{case.crn}/unpaid-work/"' in html  # the work sessions behind the hours
    assert AuditEvent.objects.filter(action=Action.VIEW, case=case).exists()


def test_event_page_shows_release_dates_and_licence(signed_in, officer, case, make_event):
    make_event(case, sentence_type="SDS", length=2, length_unit="Y")
    html = signed_in(officer).get(f"/cases/{case.crn}/events/1/").content.decode()
    assert "Conditional release date (CRD)" in html
    assert "Sentence and licence expiry date (SLED)" in html
    assert "31 March 2028" in html
    assert f'href="/cases/{case.crn}/events/1/resettlement/"' in html  # not yet released
    assert "Tell the supervising officer of any other name used" in html


def test_unknown_event_is_404(signed_in, officer, case):
    assert signed_in(officer).get(f"/cases/{case.crn}/events/9/").status_code == 404


def test_add_a_requirement_and_see_the_rule(signed_in, officer, case, make_event):
    make_event(case)
    client = signed_in(officer)
    url = f"/cases/{case.crn}/events/1/requirements/add/"
    html = client.post(url, {"category": "UPW", "length": "301"}).content.decode()
    assert "Unpaid work must be between 40 and 300 hours" in html
    assert "govuk-error-summary" in html
    response = client.post(url, {"category": "UPW", "length": "120"})
    assert response.status_code == 302
    assert AuditEvent.objects.filter(subject="requirement", action=Action.CREATE).exists()


def test_requirements_only_on_orders(signed_in, officer, case, make_event):
    make_event(case, sentence_type="SDS")
    client = signed_in(officer)
    assert client.get(f"/cases/{case.crn}/events/1/requirements/add/").status_code == 404
    assert client.get(f"/cases/{case.crn}/events/1/licence-conditions/add/").status_code == 200


def test_add_a_licence_condition(signed_in, officer, case, make_event):
    make_event(case, sentence_type="SDS", length=8, length_unit="M")
    client = signed_in(officer)
    url = f"/cases/{case.crn}/events/1/licence-conditions/add/"
    html = client.post(url, {"category": "POLYGRAPH"}).content.decode()
    assert "A polygraph condition is only for adults serving 12 months or more" in html
    response = client.post(
        url, {"category": "EXCLUSION_ZONE", "exclusion_zone": "Grey Street, Newcastle"}
    )
    assert response.status_code == 302
    condition = AuditEvent.objects.filter(subject="licencecondition").latest("pk")
    assert condition.changes["victim_related"] == [None, True]


def test_terminate_an_event(signed_in, officer, case, make_event):
    make_event(case)
    client = signed_in(officer)
    url = f"/cases/{case.crn}/events/1/terminate/"
    form = {
        "version": "1",
        "termination_date_day": "1",
        "termination_date_month": "10",
        "termination_date_year": "2026",
        "termination_reason": "EARLY",
    }
    assert client.post(url, form).status_code == 302
    assert not Event.objects.get().active
    assert client.get(url).status_code == 404  # already ended


def test_terminate_refuses_a_stale_form(signed_in, officer, case, make_event):
    event = make_event(case)
    Event.objects.filter(pk=event.pk).update(version=2)
    form = {
        "version": "1",
        "termination_date_day": "1",
        "termination_date_month": "10",
        "termination_date_year": "2026",
        "termination_reason": "EARLY",
    }
    html = signed_in(officer).post(f"/cases/{case.crn}/events/1/terminate/", form).content.decode()
    assert "Someone else changed these details" in html
    assert Event.objects.get().active


def test_case_overview_lists_events_in_constant_queries(
    signed_in, officer, case, make_event, django_assert_max_num_queries
):
    make_event(case)
    client = signed_in(officer)
    client.get(f"/cases/{case.crn}/")  # warm the session and template caches
    with CaptureQueriesContext(connection) as one_event:
        client.get(f"/cases/{case.crn}/")
    for _ in range(10):
        make_event(case, sentence_type="SDS")
    with django_assert_max_num_queries(len(one_event.captured_queries)):
        html = client.get(f"/cases/{case.crn}/").content.decode()
    assert "Event 11" in html and "Determinate custody with licence" in html
    assert "Add an event" in html


@pytest.fixture
def victim_condition(officer, case, make_event):
    event = make_event(case, sentence_type="SDS", length=2, length_unit="Y")
    return services.licence_condition_add(
        event=event,
        by=officer,
        category="VICTIM_CONTACT",
        named_person="Vera Victim",
    )


def test_a_victims_name_on_a_licence_condition_is_withheld_from_the_officer(
    signed_in, officer, case, victim_condition
):
    html = signed_in(officer).get(f"/cases/{case.crn}/events/1/").content.decode()
    assert "No contact with the victim" in html
    assert "Vera Victim" not in html
    assert "Withheld: victim details (ask the victim liaison officer)" in html
    victim_condition.refresh_from_db()
    assert victim_condition.named_person == "Vera Victim"  # withheld, not wiped


def test_the_victim_liaison_officer_sees_the_victims_name(
    signed_in, make_staff, case, victim_condition
):
    vlo = make_staff("vlo", Role.VICTIM_LIAISON_OFFICER)
    html = signed_in(vlo).get(f"/cases/{case.crn}/events/1/").content.decode()
    assert "Person: Vera Victim." in html
    assert "Withheld: victim details" not in html


def test_a_condition_not_about_a_victim_shows_its_named_person(
    signed_in, officer, case, make_event
):
    event = make_event(case, sentence_type="SDS", length=2, length_unit="Y")
    services.licence_condition_add(
        event=event, by=officer, category="NAMED_CONTACT", named_person="Carl Codefendant"
    )
    html = signed_in(officer).get(f"/cases/{case.crn}/events/1/").content.decode()
    assert "Person: Carl Codefendant." in html and "Withheld" not in html
