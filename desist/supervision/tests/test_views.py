from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import sign_in
from desist.access.models import AccessKind
from desist.access.services import case_access_add, case_set_restricted
from desist.accounts.roles import Role
from desist.audit.models import Action, AuditEvent
from desist.supervision import services
from desist.supervision.models import Appointment, Contact
from desist.supervision.tests.conftest import tomorrow_at


def _form(starts_at, **extra):
    local = timezone.localtime(starts_at)
    return {
        "type": "OFFICE",
        "date_day": local.day,
        "date_month": local.month,
        "date_year": local.year,
        "start_time": f"{local:%H:%M}",
        "duration_minutes": 30,
        "practitioner": extra.pop("practitioner"),
        **extra,
    }


def case_pages(case, appointment):
    base = f"/cases/{case.crn}"
    return [
        f"{base}/appointments/",
        f"{base}/appointments/arrange/",
        f"{base}/appointments/{appointment.pk}/reschedule/",
        f"{base}/appointments/{appointment.pk}/cancel/",
        f"{base}/appointments/{appointment.pk}/outcome/",
        f"{base}/timeline/",
        f"{base}/case-notes/add/",
    ]


def test_every_page_opens_with_one_h1(client, signed_in, officer, case, arrange):
    appointment = arrange()
    signed_in(officer)
    for path in [
        *case_pages(case, appointment),
        "/diary/",
        "/diary/?view=week",
        "/diary/missing-outcomes/",
        "/diary/calendar-feed/",
        f"/cases/{case.crn}/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.content.count(b"<h1") == 1, path


def test_arranging_through_the_form(client, signed_in, officer, case, office):
    signed_in(officer)
    response = client.post(
        f"/cases/{case.crn}/appointments/arrange/",
        _form(tomorrow_at(14), practitioner=officer.pk, office=office.pk, address="ignored"),
    )
    assert response.status_code == 302
    appointment = Appointment.objects.get()
    assert appointment.starts_at == tomorrow_at(14)
    assert appointment.office == office and appointment.address == ""
    overview = client.get(f"/cases/{case.crn}/").content.decode()
    assert "Next appointments" in overview and "Newcastle probation office" in overview


def test_a_clash_is_shown_in_the_error_summary(client, signed_in, officer, case, office, arrange):
    arrange(tomorrow_at(14))
    signed_in(officer)
    response = client.post(
        f"/cases/{case.crn}/appointments/arrange/",
        _form(tomorrow_at(14, 15), practitioner=officer.pk, office=office.pk),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "already has an appointment from 14:00" in page
    assert "<title>Error: " in page


@pytest.mark.parametrize(
    ("extra", "error"),
    [
        ({"type": "OFFICE"}, "Select the office"),
        ({"type": "HOME"}, "Enter the address or the prison"),
        ({"type": "THREEWAY"}, "Enter the partner agency contact&#x27;s name"),
        ({"start_time": "25:00"}, "must be a real time"),
    ],
)
def test_bad_appointment_details_are_refused(client, signed_in, officer, case, extra, error):
    signed_in(officer)
    response = client.post(
        f"/cases/{case.crn}/appointments/arrange/",
        {**_form(tomorrow_at(9), practitioner=officer.pk), **extra},
    )
    assert error in response.content.decode()
    assert not Appointment.objects.exists()


def test_an_appointment_in_the_past_is_refused(client, signed_in, officer, case, office):
    signed_in(officer)
    response = client.post(
        f"/cases/{case.crn}/appointments/arrange/",
        _form(timezone.now() - timedelta(days=1), practitioner=officer.pk, office=office.pk),
    )
    assert "must be in the future" in response.content.decode()


def test_recording_an_acceptable_absence_needs_a_reason_and_evidence(
    client, signed_in, officer, case, past_appointment
):
    signed_in(officer)
    url = f"/cases/{case.crn}/appointments/{past_appointment.pk}/outcome/"
    response = client.post(url, {"version": 1, "outcome": "ACCEPTABLE"})
    page = response.content.decode()
    assert "Select the reason the absence was acceptable" in page
    assert "Enter the evidence that the absence was acceptable" in page
    response = client.post(
        url,
        {"version": 1, "outcome": "ACCEPTABLE", "absence_reason": "AAEM", "notes": "Rota seen"},
    )
    assert response.status_code == 302
    past_appointment.refresh_from_db()
    assert past_appointment.outcome == "AAEM"


def test_recording_an_outcome_takes_few_queries(
    client, signed_in, officer, case, past_appointment, django_assert_max_num_queries
):
    signed_in(officer)
    with django_assert_max_num_queries(19):
        response = client.post(
            f"/cases/{case.crn}/appointments/{past_appointment.pk}/outcome/",
            {"version": 1, "outcome": "ATTC", "absence_reason": "", "notes": "Seen"},
        )
    assert response.status_code == 302
    past_appointment.refresh_from_db()
    assert past_appointment.outcome == "ATTC" and past_appointment.version == 2
    note = Contact.objects.get(appointment=past_appointment)
    assert note.notes == "Attended – complied. Seen" and note.system_generated
    assert AuditEvent.objects.filter(subject="appointment", action=Action.CHANGE).exists()


def test_a_stale_form_is_refused(client, signed_in, officer, case, past_appointment):
    services.appointment_record_outcome(
        appointment=past_appointment, version=1, by=officer, outcome="ATTC"
    )
    signed_in(officer)
    response = client.post(
        f"/cases/{case.crn}/appointments/{past_appointment.pk}/cancel/",
        {"version": 1, "reason": "Ill"},
    )
    assert "Someone else changed" in response.content.decode()


def test_rescheduling_through_the_form(client, signed_in, officer, case, office, arrange):
    old = arrange(tomorrow_at(10))
    signed_in(officer)
    response = client.post(
        f"/cases/{case.crn}/appointments/{old.pk}/reschedule/",
        {
            **_form(tomorrow_at(15), practitioner=officer.pk, office=office.pk),
            "version": 1,
            "requested_by": "PERSON",
        },
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.outcome == "RSOF" and old.rescheduled_to.starts_at == tomorrow_at(15)


def test_adding_a_case_note(client, signed_in, officer, case):
    signed_in(officer)
    today = timezone.localdate()
    response = client.post(
        f"/cases/{case.crn}/case-notes/add/",
        {
            "type": "CTOA",
            "date_day": today.day,
            "date_month": today.month,
            "date_year": today.year,
            "time": "00:01",
            "notes": "Rang to say the bus is late",
            "sensitive": "on",
        },
    )
    assert response.status_code == 302
    note = Contact.objects.get()
    assert note.sensitive and not note.system_generated and note.created_by == officer
    assert AuditEvent.objects.filter(subject="contact", action=Action.CREATE).exists()
    timeline = client.get(f"/cases/{case.crn}/timeline/").content.decode()
    assert "Rang to say the bus is late" in timeline and "Sensitive" in timeline


class TestDenials:
    @pytest.mark.parametrize("role", [Role.VICTIM_LIAISON_OFFICER, Role.PROGRAMME_FACILITATOR])
    def test_roles_that_may_not_edit_cases_cannot_arrange_or_record(
        self, client, make_staff, case, arrange, role
    ):
        appointment = arrange()
        user = make_staff("reader", role)
        sign_in(client, user)
        for path in case_pages(case, appointment)[1:5] + case_pages(case, appointment)[6:]:
            assert client.get(path).status_code == 403, path
            assert client.post(path, {}).status_code == 403, path
        assert client.get(f"/cases/{case.crn}/timeline/").status_code == 200
        assert AuditEvent.objects.filter(actor=user, action=Action.DENIED).exists()

    @pytest.mark.parametrize(
        "path", ["/diary/", "/diary/missing-outcomes/", "/diary/calendar-feed/"]
    )
    def test_staff_without_a_caseload_have_no_diary(self, client, make_staff, path):
        sign_in(client, make_staff("court", Role.COURT_OFFICER))
        assert client.get(path).status_code == 403

    def test_a_restricted_case_is_refused(
        self, client, signed_in, colleague, manager, case, arrange
    ):
        appointment = arrange()
        case_set_restricted(case=case, restricted=True, message="Ask the SPO.", by=manager)
        signed_in(colleague)
        for path in case_pages(case, appointment):
            assert client.get(path).status_code == 403, path
        assert not client.post(f"/cases/{case.crn}/case-notes/add/", {}).status_code == 200

    def test_an_excluded_user_is_refused(
        self, client, signed_in, colleague, manager, case, arrange
    ):
        appointment = arrange()
        case_access_add(
            case=case, staff=colleague, kind=AccessKind.EXCLUDED, reason="Neighbour", by=manager
        )
        signed_in(colleague)
        for path in case_pages(case, appointment):
            assert client.get(path).status_code == 403, path

    def test_an_appointment_of_another_case_is_not_found(
        self, client, signed_in, officer, make_case, arrange
    ):
        appointment = arrange()
        other = make_case("Peter", "Brown")
        signed_in(officer)
        response = client.get(f"/cases/{other.crn}/appointments/{appointment.pk}/outcome/")
        assert response.status_code == 404


class TestDiary:
    def test_day_and_week_show_the_practitioners_appointments(
        self,
        client,
        signed_in,
        officer,
        colleague,
        arrange,
        make_case,
        django_assert_num_queries,
    ):
        for hour in range(9, 16):
            arrange(tomorrow_at(hour), for_case=make_case(f"Person{hour}", "Diary"))
        arrange(tomorrow_at(9), for_case=make_case("Not", "Mine"), practitioner=colleague)
        signed_in(officer)
        day = (timezone.localdate() + timedelta(days=1)).isoformat()
        with django_assert_num_queries(4):
            response = client.get(f"/diary/?date={day}")
        page = response.content.decode()
        assert page.count("Diary, Person") == 7 and "Mine, Not" not in page
        assert 'rel="prev"' in page and 'rel="next"' in page
        with django_assert_num_queries(4):
            week = client.get(f"/diary/?view=week&date={day}").content.decode()
        assert week.count("Diary, Person") == 7
        assert week.count("<caption") == 7

    def test_missing_outcomes_lists_past_appointments_without_one(
        self, client, signed_in, officer, past_appointment, arrange, django_assert_num_queries
    ):
        arrange()  # in the future: not yet due
        signed_in(officer)
        with django_assert_num_queries(4):
            page = client.get("/diary/missing-outcomes/").content.decode()
        assert page.count("Record outcome<span") == 1
        services.appointment_record_outcome(
            appointment=past_appointment, version=1, by=officer, outcome="ATTC"
        )
        assert (
            "Every past appointment has an outcome"
            in client.get("/diary/missing-outcomes/").content.decode()
        )


class TestCalendarFeed:
    def test_the_feed_needs_the_right_secret(self, client, signed_in, officer, arrange):
        arrange()
        signed_in(officer)
        page = client.post("/diary/calendar-feed/").content.decode()
        url = page.split('<code class="desist-break-all">')[1].split("</code>")[0]
        client.logout()
        feed = client.get(url)
        assert feed.status_code == 200
        assert feed["Content-Type"].startswith("text/calendar")
        assert b"SUMMARY:Office visit: John Smith" in feed.content
        assert client.get("/calendar/wrong-secret.ics").status_code == 404
        signed_in(officer)
        client.post("/diary/calendar-feed/")
        client.logout()
        assert client.get(url).status_code == 404  # the old address no longer works

    def test_sensitive_appointments_show_no_personal_details(self, client, officer, arrange):
        arrange(sensitive=True)
        token = services.calendar_feed_regenerate(staff=officer)
        feed = client.get(f"/calendar/{token}.ics").content.decode()
        assert "SUMMARY:Appointment\r\n" in feed
        assert "Smith" not in feed and "LOCATION" not in feed

    def test_a_feed_stops_when_its_owner_loses_the_caseload_role(self, client, officer, arrange):
        token = services.calendar_feed_regenerate(staff=officer)
        officer.roles = [Role.COURT_OFFICER.value]
        officer.save(update_fields=["roles"])
        assert client.get(f"/calendar/{token}.ics").status_code == 404
