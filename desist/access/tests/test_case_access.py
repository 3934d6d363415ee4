"""Restricted and excluded cases are closed everywhere: case pages, search, caseload,
export and the API. Every refusal is audited."""

import pytest

from desist.access.models import AccessKind, CaseAccess
from desist.access.selectors import visible_cases
from desist.access.services import case_access_add, case_set_restricted
from desist.audit.models import Action, AuditEvent


@pytest.fixture
def restricted_case(make_case, officer, manager):
    case = make_case("Rita", "Restricted")
    case_set_restricted(case=case, restricted=True, message="Ask the Head of PDU.", by=manager)
    return case


@pytest.fixture
def excluded_case(make_case, colleague, manager):
    case = make_case("Eddie", "Excluded")
    case_access_add(
        case=case, staff=colleague, kind=AccessKind.EXCLUDED, reason="Neighbour", by=manager
    )
    return case


def test_the_allocated_practitioner_keeps_a_restricted_case(
    client, signed_in, officer, restricted_case
):
    signed_in(officer)
    assert client.get(f"/cases/{restricted_case.crn}/").status_code == 200


def test_a_restricted_case_is_refused_with_its_message_and_audited(
    client, signed_in, colleague, restricted_case
):
    signed_in(colleague)
    response = client.get(f"/cases/{restricted_case.crn}/")
    assert response.status_code == 403
    assert b"Ask the Head of PDU." in response.content
    assert b"Rita" not in response.content
    denial = AuditEvent.objects.get(actor=colleague, action=Action.DENIED)
    assert denial.case == restricted_case


def test_an_excluded_user_is_refused(client, signed_in, colleague, excluded_case):
    signed_in(colleague)
    response = client.get(f"/cases/{excluded_case.crn}/")
    assert response.status_code == 403
    assert b"excluded" in response.content
    assert b"Eddie" not in response.content


def test_an_excluded_user_cannot_edit_either(client, signed_in, colleague, excluded_case):
    signed_in(colleague)
    url = f"/cases/{excluded_case.crn}/personal-details/edit/"
    assert client.post(url, {"first_name": "Changed"}).status_code == 403
    excluded_case.refresh_from_db()
    assert excluded_case.first_name == "Eddie"


def test_an_exclusion_beats_an_allow_list_entry(colleague, restricted_case, manager):
    case_access_add(
        case=restricted_case, staff=colleague, kind=AccessKind.EXCLUDED, reason="x", by=manager
    )
    assert restricted_case not in visible_cases(colleague)


def test_search_hides_closed_cases(
    client, signed_in, colleague, restricted_case, excluded_case, make_case
):
    make_case("Rita", "Open")
    signed_in(colleague)
    page = client.get("/search/?q=rita").content
    assert b"Open, Rita" in page and b"Restricted" not in page
    for closed in (excluded_case, restricted_case):
        response = client.get(f"/search/?q={closed.crn}")
        assert b"0 results" in response.content
        assert f"/cases/{closed.crn}/".encode() not in response.content


def test_caseload_and_export_hide_closed_cases(client, signed_in, officer, manager, make_case):
    mine = make_case("Kept", "Mine")
    closed = make_case("Closed", "Mine")
    case_access_add(
        case=closed, staff=officer, kind=AccessKind.EXCLUDED, reason="Conflict", by=manager
    )
    signed_in(officer)
    caseload = client.get("/caseload/").content
    assert mine.crn.encode() in caseload and closed.crn.encode() not in caseload
    export = client.get("/caseload/export.csv").content
    assert mine.crn.encode() in export and closed.crn.encode() not in export
    assert AuditEvent.objects.filter(actor=officer, action=Action.EXPORT).exists()


def test_the_api_honours_case_access(client, signed_in, colleague, restricted_case, excluded_case):
    signed_in(colleague)
    assert client.get(f"/api/cases/{restricted_case.crn}/").status_code == 403
    assert client.get(f"/api/cases/{excluded_case.crn}/").status_code == 403
    listed = client.get("/api/cases/?q=rita").json()
    assert [c["crn"] for c in listed] == []
    assert AuditEvent.objects.filter(actor=colleague, action=Action.DENIED).count() == 2


def test_an_unknown_crn_is_not_found(client, signed_in, officer, db):
    signed_in(officer)
    assert client.get("/cases/X999999/").status_code == 404


def test_a_manager_restricts_a_case_through_the_page(client, signed_in, manager, colleague, case):
    signed_in(manager)
    response = client.post(
        f"/cases/{case.crn}/access/",
        {"restriction": "1", "restricted": "on", "restriction_message": "MAPPA level 3"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.restricted
    # The allocated practitioner is put on the allow list automatically.
    assert CaseAccess.objects.filter(case=case, staff=case.practitioner, kind="ALLOWED").exists()
    client.post(
        f"/cases/{case.crn}/access/",
        {"entry": "1", "username": "colleague", "kind": "ALLOWED", "reason": "Covering"},
    )
    assert case in visible_cases(colleague)
    change = AuditEvent.objects.filter(case=case, subject="case_access", actor=manager).first()
    assert change is not None


def test_naming_an_unknown_user_shows_an_error(client, signed_in, manager, case):
    signed_in(manager)
    response = client.post(
        f"/cases/{case.crn}/access/",
        {"entry": "1", "username": "nobody", "kind": "EXCLUDED", "reason": "x"},
    )
    assert response.status_code == 200
    assert b"There is no active member of staff with that username" in response.content
    assert b'href="#id_username"' in response.content


def test_an_administrator_sees_the_access_log_but_not_the_case(client, signed_in, admin_user, case):
    signed_in(admin_user)
    assert client.get(f"/cases/{case.crn}/access-log/").status_code == 200
    assert client.get(f"/cases/{case.crn}/").status_code == 403


def test_a_manager_cannot_see_the_log_of_a_case_they_are_excluded_from(
    client, signed_in, manager, colleague, make_case
):
    case = make_case("Sealed", "Case")
    case_access_add(
        case=case, staff=manager, kind=AccessKind.EXCLUDED, reason="Related", by=colleague
    )
    signed_in(manager)
    assert client.get(f"/cases/{case.crn}/access-log/").status_code == 403
