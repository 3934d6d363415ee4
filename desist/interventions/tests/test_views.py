"""The directory, referrals and accommodation pages: who may read and write, refusals on
restricted and excluded cases, the forms' errors, and pinned query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from desist.access.models import AccessKind
from desist.access.services import case_access_add, case_set_restricted
from desist.audit.models import Action, AuditEvent
from desist.interventions import services
from desist.interventions.models import Agency, AgencyFeedback, Referral
from desist.supervision.models import Contact


def _move(referral, by, status, reason=""):
    return services.referral_change_status(
        referral=referral, version=referral.version, by=by, status=status, reason=reason
    )


def test_practitioners_browse_and_filter_the_directory(signed_in, officer, housing, team):
    client = signed_in(officer)
    page = client.get(reverse("interventions:directory")).content.decode()
    assert "Northern Housing Trust" in page and "Sam Okafor, Housing support worker" in page
    assert "Add an agency" not in page
    filtered = client.get(reverse("interventions:directory"), {"category": "ETE"})
    assert "Northern Housing Trust" not in filtered.content.decode()
    by_area = client.get(reverse("interventions:directory"), {"pdu": team.pdu.pk})
    assert "Northern Housing Trust" in by_area.content.decode()
    assert client.get(reverse("interventions:agency", args=[housing.pk])).status_code == 200


def test_only_administrators_manage_the_directory(signed_in, officer, housing):
    client = signed_in(officer)
    assert client.get(reverse("interventions:agency-add")).status_code == 403
    assert client.get(reverse("interventions:agency-edit", args=[housing.pk])).status_code == 403
    response = client.post(reverse("interventions:contact-add", args=[housing.pk]), {"name": "X"})
    assert response.status_code == 403
    assert housing.contacts.count() == 1


def test_an_administrator_adds_an_agency_and_a_contact(signed_in, admin_user, team):
    client = signed_in(admin_user)
    empty = client.post(reverse("interventions:agency-add"), {})
    page = empty.content.decode()
    assert "govuk-error-summary" in page and "Enter the agency&#x27;s name" in page
    assert "Select at least one area the agency covers" in page
    response = client.post(
        reverse("interventions:agency-add"),
        {"name": "Pathways to Work", "category": "ETE", "pdus": [team.pdu.pk], "active": "on"},
    )
    agency = Agency.objects.get(name="Pathways to Work")
    assert response.url == reverse("interventions:agency", args=[agency.pk])
    assert list(agency.pdus.all()) == [team.pdu]
    client.post(
        reverse("interventions:contact-add", args=[agency.pk]),
        {"name": "Helen Moss", "role": "Employment coach"},
    )
    assert agency.contacts.get().role == "Employment coach"
    assert AuditEvent.objects.filter(subject="agency_contact", actor=admin_user).exists()


def test_a_stale_agency_edit_is_refused(signed_in, admin_user, housing, team):
    client = signed_in(admin_user)
    data = {"name": "Renamed", "category": "ACCOMMODATION", "pdus": [team.pdu.pk], "version": 1}
    url = reverse("interventions:agency-edit", args=[housing.pk])
    assert client.post(url, data).status_code == 302
    stale = client.post(url, data)
    assert "Someone else changed these details" in stale.content.decode()


def test_administrators_see_no_case_content(signed_in, admin_user, case, make_referral):
    referral = make_referral(case)
    client = signed_in(admin_user)
    for url in (
        reverse("interventions:referrals", args=[case.crn]),
        reverse("interventions:referral", args=[case.crn, referral.pk]),
        reverse("interventions:accommodation", args=[case.crn]),
    ):
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("interventions:directory")).status_code == 200


def test_an_officer_makes_a_referral_and_takes_it_to_completion(signed_in, officer, case, housing):
    client = signed_in(officer)
    empty = client.post(reverse("interventions:referral-add", args=[case.crn]), {})
    assert "Select the agency you are referring to" in empty.content.decode()
    response = client.post(
        reverse("interventions:referral-add", args=[case.crn]),
        {
            "agency": housing.pk,
            "contact": housing.contacts.get().pk,
            "need": "ACCOMMODATION",
            "desired_outcomes": "A tenancy",
            "urgency": "URGENT",
            "risk_to_share": ["ROSH_SUMMARY"],
        },
    )
    referral = Referral.objects.get()
    assert response.url == reverse("interventions:referral", args=[case.crn, referral.pk])
    status_url = reverse("interventions:referral-status", args=[case.crn, referral.pk])
    for n, status in enumerate(("SENT", "ACCEPTED", "STARTED", "COMPLETED"), start=1):
        client.post(status_url, {"status": status, "version": n})
    referral.refresh_from_db()
    assert referral.status == "COMPLETED"
    page = client.get(reverse("interventions:referral", args=[case.crn, referral.pk]))
    text = page.content.decode()
    assert "RoSH summary" in text and "Update the status" not in text
    timeline = client.get(reverse("supervision:timeline", args=[case.crn])).content.decode()
    assert "Referral to Northern Housing Trust completed." in timeline


def test_the_status_form_explains_a_missing_reason(signed_in, officer, case, make_referral):
    referral = _move(make_referral(case), officer, "SENT")
    client = signed_in(officer)
    url = reverse("interventions:referral-status", args=[case.crn, referral.pk])
    response = client.post(url, {"status": "WITHDRAWN", "version": referral.version})
    text = response.content.decode()
    assert "govuk-error-summary" in text and "Select why the referral was withdrawn" in text
    assert response.content.count(b"<title>Error: ") == 1


def test_feedback_with_a_concern_is_recorded_and_marked_read(
    signed_in, officer, case, make_referral
):
    referral = _move(make_referral(case), officer, "SENT")
    client = signed_in(officer)
    today = timezone.localdate()
    client.post(
        reverse("interventions:feedback-add", args=[case.crn, referral.pk]),
        {
            "received_on_day": today.day,
            "received_on_month": today.month,
            "received_on_year": today.year,
            "sessions_offered": 3,
            "sessions_attended": 1,
            "notes": "Missed two sessions",
            "concern": "on",
        },
    )
    feedback = AgencyFeedback.objects.get()
    assert feedback.concern and feedback.concern_read_at is None
    client.post(reverse("interventions:concern-read", args=[case.crn, referral.pk, feedback.pk]))
    feedback.refresh_from_db()
    assert feedback.concern_read_at is not None


@pytest.mark.parametrize("persona", ["court_officer", "vlo"])
def test_court_officers_and_vlos_read_but_do_not_refer(
    request, signed_in, persona, case, housing, make_referral, officer
):
    referral = _move(make_referral(case), officer, "SENT")
    client = signed_in(request.getfixturevalue(persona))
    assert client.get(reverse("interventions:referrals", args=[case.crn])).status_code == 200
    assert client.get(reverse("interventions:referral-add", args=[case.crn])).status_code == 403
    response = client.post(
        reverse("interventions:referral-add", args=[case.crn]),
        {"agency": housing.pk, "need": "ACCOMMODATION", "desired_outcomes": "x"},
    )
    assert response.status_code == 403
    status_url = reverse("interventions:referral-status", args=[case.crn, referral.pk])
    assert client.post(status_url, {"status": "ACCEPTED", "version": 2}).status_code == 403
    assert Referral.objects.count() == 1 and Referral.objects.get().status == "SENT"
    assert AuditEvent.objects.filter(action=Action.DENIED).count() == 3
    page = client.get(reverse("interventions:referrals", args=[case.crn])).content.decode()
    assert "Make a referral" not in page


def test_restricted_and_excluded_cases_are_refused(
    signed_in, colleague, manager, case, make_case, make_referral
):
    referral = make_referral(case)
    other = make_case("Eddie", "Excluded")
    case_access_add(
        case=other, staff=colleague, kind=AccessKind.EXCLUDED, reason="Neighbour", by=manager
    )
    case_set_restricted(case=case, restricted=True, message="Ask the SPO.", by=manager)
    client = signed_in(colleague)
    for url in (
        reverse("interventions:referrals", args=[case.crn]),
        reverse("interventions:referral", args=[case.crn, referral.pk]),
        reverse("interventions:referral-add", args=[other.crn]),
        reverse("interventions:accommodation", args=[other.crn]),
    ):
        assert client.get(url).status_code == 403, url
    assert AuditEvent.objects.filter(action=Action.DENIED, actor=colleague).count() == 4


def test_another_cases_referral_is_not_found(signed_in, officer, case, make_case, make_referral):
    referral = make_referral(make_case("Other", "Person"))
    client = signed_in(officer)
    response = client.get(reverse("interventions:referral", args=[case.crn, referral.pk]))
    assert response.status_code == 404


def test_the_referrals_page_query_count_is_pinned(
    signed_in, officer, case, make_referral, django_assert_num_queries
):
    client = signed_in(officer)
    url = reverse("interventions:referrals", args=[case.crn])
    make_referral(case)
    client.get(url)
    # Session, user, second factor; the case with its access check; the audit row; the header
    # flags; the referrals with their agencies; the current accommodation.
    with django_assert_num_queries(8) as one:
        client.get(url)
    for _ in range(6):
        _move(make_referral(case), officer, "SENT")
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)
    page = response.content.decode()
    assert page.count("Northern Housing Trust</a>") == 7
    assert page.count('<strong class="govuk-tag govuk-tag--yellow">Sent</strong>') == 6
    assert page.count('<strong class="govuk-tag govuk-tag--grey">Draft</strong>') == 1


def test_the_referral_page_query_count_does_not_grow_with_its_history(
    signed_in, officer, case, make_referral, django_assert_num_queries
):
    referral = make_referral(case)
    client = signed_in(officer)
    url = reverse("interventions:referral", args=[case.crn, referral.pk])
    # As the list page, with the referral and one query per prefetched list (status history,
    # risk shared, feedback, three-way meetings).
    with django_assert_num_queries(11) as before:
        client.get(url)
    for status in ("SENT", "ACCEPTED", "STARTED"):
        referral = _move(referral, officer, status)
    services.feedback_record(
        referral=referral,
        by=officer,
        received_on=timezone.localdate(),
        notes="Fine",
        concern=False,
    )
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(url)


def test_accommodation_is_recorded_and_the_caseload_shows_who_is_not_settled(
    signed_in, officer, case, make_case, django_assert_num_queries
):
    client = signed_in(officer)
    today = timezone.localdate()
    response = client.post(
        reverse("interventions:accommodation-record", args=[case.crn]),
        {
            "status": "HOMELESS",
            "since_day": today.day,
            "since_month": today.month,
            "since_year": today.year,
        },
    )
    assert response.status_code == 302
    assert Contact.objects.filter(case=case, notes__startswith="Accommodation: Homeless").exists()
    overview = client.get(reverse("people:case", args=[case.crn])).content.decode()
    assert "<strong>Homeless</strong>" in overview
    # The accommodation is a subquery of the caseload's own query: no query of its own.
    with django_assert_num_queries(5) as few:
        page = client.get(reverse("people:caseload")).content.decode()
    assert "No settled accommodation" in page
    for n in range(4):
        other = make_case(f"Settled{n}", "Person")
        services.accommodation_record(case=other, by=officer, status="SETTLED", since=today)
    with django_assert_num_queries(len(few.captured_queries)):
        page = client.get(reverse("people:caseload")).content.decode()
    assert page.count("No settled accommodation") == 1


def test_a_three_way_meeting_is_arranged_from_the_referral(
    signed_in, officer, case, make_referral, team
):
    from desist.organisation.models import Office

    office = Office.objects.create(code="O1", name="Newcastle office", pdu=team.pdu)
    referral = _move(make_referral(case), officer, "SENT")
    client = signed_in(officer)
    day = timezone.localdate() + timedelta(days=3)
    response = client.post(
        reverse("interventions:meeting-arrange", args=[case.crn, referral.pk]),
        {
            "contact": referral.contact_id,
            "date_day": day.day,
            "date_month": day.month,
            "date_year": day.year,
            "start_time": "10:00",
            "duration_minutes": 60,
            "practitioner": officer.pk,
            "office": office.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert referral.meetings.get().appointment.partner_name == "Sam Okafor"
