"""Changing personal details: GOV.UK errors, no silent overwrite, field-level audit."""

import datetime

import pytest

from desist.audit.models import Action, AuditEvent
from desist.people.services import StaleEdit, address_add, case_update_details


def form_data(case, **changes):
    data = {
        "first_name": case.first_name,
        "last_name": case.last_name,
        "date_of_birth_day": case.date_of_birth.day,
        "date_of_birth_month": case.date_of_birth.month,
        "date_of_birth_year": case.date_of_birth.year,
        "gender": case.gender,
        "language": case.language,
        "version": case.version,
    }
    return {**data, **changes}


def test_details_change_and_the_change_is_audited(client, signed_in, officer, case):
    signed_in(officer)
    response = client.post(
        f"/cases/{case.crn}/personal-details/edit/", form_data(case, first_name="Jon")
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.first_name == "Jon" and case.version == 3  # created 1, allocated 2, edited 3
    change = AuditEvent.objects.filter(case=case, action=Action.CHANGE, subject="case").get()
    assert change.changes == {"first_name": ["John", "Jon"]}
    assert change.actor == officer


def test_the_second_of_two_concurrent_edits_is_refused(client, signed_in, officer, colleague, case):
    opened_at = case.version
    case_update_details(case=case, version=opened_at, by=colleague, phone="0191 000 0000")
    signed_in(officer)
    response = client.post(
        f"/cases/{case.crn}/personal-details/edit/",
        form_data(case, first_name="Jon", version=opened_at),
    )
    assert response.status_code == 200
    assert b"Someone else changed these details" in response.content
    case.refresh_from_db()
    assert case.first_name == "John" and case.phone == "0191 000 0000"


def test_stale_edit_in_the_service(case, officer):
    with pytest.raises(StaleEdit):
        case_update_details(case=case, version=case.version - 1, by=officer, first_name="X")


def test_bad_input_shows_an_error_summary_and_keeps_what_was_typed(
    client, signed_in, officer, case
):
    signed_in(officer)
    response = client.post(
        f"/cases/{case.crn}/personal-details/edit/",
        form_data(
            case,
            first_name="",
            pnc="2004/0046583A",
            date_of_birth_day="31",
            date_of_birth_month="2",
            email="not-an-email",
            phone="0191 111",
        ),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "<title>Error: " in page
    assert 'href="#id_first_name">Enter a first name' in page
    assert "with the right check letter" in page
    assert 'href="#id_date_of_birth_0"' in page
    assert "must be a real date" in page
    assert 'value="0191 111"' in page  # nothing typed is lost
    case.refresh_from_db()
    assert case.phone == ""


def test_a_future_date_of_birth_is_refused(client, signed_in, officer, case):
    signed_in(officer)
    response = client.post(
        f"/cases/{case.crn}/personal-details/edit/", form_data(case, date_of_birth_year="2099")
    )
    assert b"must be in the past" in response.content


def test_a_new_main_address_moves_the_old_one_to_history(case, officer):
    first = address_add(
        case=case,
        by=officer,
        status="MAIN",
        type="HOME",
        line_1="1 High St",
        postcode="NE1 1AA",
        start_date=datetime.date(2024, 1, 1),
    )
    address_add(
        case=case,
        by=officer,
        status="MAIN",
        type="HOME",
        line_1="2 Low St",
        postcode="NE2 2BB",
        start_date=datetime.date(2026, 6, 1),
    )
    first.refresh_from_db()
    assert first.status == "PREVIOUS" and first.end_date == datetime.date(2026, 6, 1)
    assert case.addresses.filter(status="MAIN").count() == 1


def test_an_address_without_a_postcode_is_refused(client, signed_in, officer, case):
    signed_in(officer)
    response = client.post(
        f"/cases/{case.crn}/addresses/new/",
        {
            "status": "MAIN",
            "type": "HOME",
            "line_1": "1 High St",
            "start_date_day": "1",
            "start_date_month": "1",
            "start_date_year": "2026",
        },
    )
    assert b"Enter the first line of the address and the postcode" in response.content
    assert not case.addresses.exists()


def test_a_case_is_created_with_a_crn(client, signed_in, officer, team):
    signed_in(officer)
    response = client.post(
        "/cases/new/",
        {
            "first_name": "Ada",
            "last_name": "Lovelace",
            "date_of_birth_day": "10",
            "date_of_birth_month": "12",
            "date_of_birth_year": "1990",
            "gender": "F",
            "language": "English",
            "team": team.pk,
        },
    )
    assert response.status_code == 302
    crn = response["Location"].split("/")[2]
    assert crn.startswith("N") and len(crn) == 7
    assert AuditEvent.objects.filter(case__crn=crn, action=Action.CREATE).exists()


def test_allocation_history_and_the_practitioner_is_emailed(
    case, officer, colleague, mailoutbox, django_capture_on_commit_callbacks
):
    from desist.people.services import case_allocate

    with django_capture_on_commit_callbacks(execute=True):
        case_allocate(case=case, practitioner=colleague, by=officer, reason="Officer on leave")
    history = list(case.allocations.order_by("started_at"))
    assert [a.practitioner for a in history] == [officer, colleague]
    assert history[0].ended_at is not None and history[1].ended_at is None
    assert any(case.crn in m.subject and m.to == [colleague.email] for m in mailoutbox)
    assert "Smith" not in mailoutbox[-1].body  # personal details stay inside Desist


def test_a_personal_contact_and_a_disability_are_added_and_audited(
    client, signed_in, officer, case
):
    signed_in(officer)
    response = client.post(
        f"/cases/{case.crn}/contacts/new/",
        {
            "relationship": "GP",
            "name": "Dr Okafor",
            "phone": "0191 222 3333",
        },
    )
    assert response.status_code == 302
    response = client.post(
        f"/cases/{case.crn}/disabilities/new/",
        {
            "type": "HEAR",
            "adjustments": "Use the hearing loop in interview room 2",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/cases/{case.crn}/personal-details/").content.decode()
    assert "Dr Okafor" in page and "Use the hearing loop" in page
    subjects = set(
        AuditEvent.objects.filter(case=case, action=Action.CREATE).values_list("subject", flat=True)
    )
    assert {"personalcontact", "disability"} <= subjects


def test_an_alias_makes_the_person_findable(client, signed_in, officer, case):
    signed_in(officer)
    client.post(
        f"/cases/{case.crn}/aliases/new/", {"first_name": "Johnny", "last_name": "Smithson"}
    )
    assert b"Matched alias: Johnny Smithson" in client.get("/search/?q=johny+smithson").content


def test_an_unknown_record_kind_is_not_found(client, signed_in, officer, case):
    signed_in(officer)
    assert client.get(f"/cases/{case.crn}/convictions/new/").status_code == 404


def test_a_contact_needs_a_name(client, signed_in, officer, case):
    signed_in(officer)
    response = client.post(f"/cases/{case.crn}/contacts/new/", {"relationship": "GP"})
    assert b'href="#id_name">Enter their name' in response.content
