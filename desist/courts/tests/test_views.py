"""The court officer's pages: role and case-access denials, the list, matching, notes and
reports, through the browser's requests."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from desist.access.models import AccessKind
from desist.access.services import case_access_add, case_set_restricted
from desist.accounts.roles import Role
from desist.audit.models import Action, AuditEvent
from desist.courts import services
from desist.courts.constants import MatchStatus, ReportState, ReportType
from desist.courts.models import Hearing, PreSentenceReport
from desist.courts.tests.conftest import HEARING_DAY, court_list_csv, listed

pytestmark = pytest.mark.django_db
DAY_QUERY = {
    "hearing_date_day": HEARING_DAY.day,
    "hearing_date_month": HEARING_DAY.month,
    "hearing_date_year": HEARING_DAY.year,
}


def _import(by, *rows):
    services.court_list_import(text=court_list_csv(*rows), by=by)


@pytest.mark.parametrize("path", ["/courts/", "/courts/import/", "/courts/hearings/{pk}/"])
def test_practitioners_without_court_work_are_refused_court_pages(
    signed_in, court, court_officer, officer, path
):
    _import(court_officer, listed())
    response = signed_in(officer).get(path.format(pk=Hearing.objects.get().pk))
    assert response.status_code == 403
    assert AuditEvent.objects.filter(actor=officer, action=Action.DENIED).exists()


def test_a_hearing_that_does_not_exist_is_not_found(signed_in, court_officer):
    assert signed_in(court_officer).get("/courts/hearings/999/").status_code == 404


def test_an_upload_imports_good_rows_and_lists_each_bad_row(signed_in, court, court_officer):
    text = court_list_csv(listed(), listed(list_number="2", date_of_birth="soon"))
    upload = SimpleUploadedFile("list.csv", text.encode(), content_type="text/csv")
    response = signed_in(court_officer).post("/courts/import/", {"file": upload})
    assert response.status_code == 200
    assert b"1 defendant imported" in response.content
    assert b"Row 3, date of birth: is not a date like 1985-03-27" in response.content
    assert b"govuk-error-summary" in response.content
    assert Hearing.objects.count() == 1


def test_an_upload_without_a_file_is_an_error(signed_in, court_officer):
    response = signed_in(court_officer).post("/courts/import/", {})
    assert b"Select a court list file" in response.content
    assert b"<title>Error: " in response.content


def test_the_court_list_filters_by_probation_status_in_few_queries(
    signed_in, court, court_officer, make_case, django_assert_max_num_queries
):
    client = signed_in(court_officer)
    make_case("John", "Smith", pnc="2004/0046583U")
    rows = [listed(list_number="1", pnc="2004/0046583U")]
    rows += [
        listed(
            list_number=str(n), defendant_name=f"STRANGER, Person{n}", date_of_birth="1970-01-01"
        )
        for n in range(2, 30)
    ]
    _import(court_officer, *rows)
    with django_assert_max_num_queries(8):
        response = client.get("/courts/", {"court": court.pk, **DAY_QUERY})
    assert response.content.count(b'<td class="govuk-table__cell">No record') == 28
    assert b"Pre-sentence record" in response.content
    response = client.get("/courts/", {"court": court.pk, **DAY_QUERY, "status": "PRE_SENTENCE"})
    assert b"SMITH, John" in response.content and b"STRANGER" not in response.content


def test_a_restricted_case_does_not_leak_through_the_court_list(
    signed_in, court, court_officer, make_case, manager
):
    secret = make_case("Rita", "Restricted", pnc="2004/0046583U")
    case_set_restricted(case=secret, restricted=True, message="Ask the Head of PDU.", by=manager)
    _import(court_officer, listed(defendant_name="RESTRICTED, Rita", pnc="2004/0046583U"))
    client = signed_in(court_officer)
    response = client.get(f"/courts/hearings/{Hearing.objects.get().pk}/")
    assert response.status_code == 200
    assert b"Restricted case: Ask the Head of PDU." in response.content
    assert secret.crn.encode() not in response.content
    assert AuditEvent.objects.filter(
        actor=court_officer, action=Action.DENIED, case=secret
    ).exists()
    # Nor can it be confirmed as the match by typing its CRN.
    hearing = Hearing.objects.get()
    response = client.post(
        f"/courts/hearings/{hearing.pk}/match/", {"crn": secret.crn, "version": hearing.version}
    )
    assert response.status_code == 403
    assert Hearing.objects.get().match_status == MatchStatus.SUGGESTED


def test_an_excluded_candidate_shows_only_the_exclusion(
    signed_in, court, court_officer, make_case, manager
):
    twin = make_case("John", "Smith", date_of_birth=datetime.date(1985, 3, 28))
    case_access_add(
        case=twin, staff=court_officer, kind=AccessKind.EXCLUDED, reason="Neighbour", by=manager
    )
    _import(court_officer, listed(address="Somewhere NE1 4XF"))
    response = signed_in(court_officer).get(f"/courts/hearings/{Hearing.objects.get().pk}/")
    content = response.content.decode()
    assert "Restricted case: You have been excluded from this case." in content
    assert twin.crn not in content


def test_the_officer_confirms_a_possible_match_and_sees_the_case_summary(
    signed_in, court, court_officer, make_case
):
    case = make_case("John", "Smith", date_of_birth=datetime.date(1985, 3, 28))
    _import(court_officer, listed())
    hearing = Hearing.objects.get()
    assert hearing.match_status == MatchStatus.POSSIBLE
    client = signed_in(court_officer)
    page = client.get(f"/courts/hearings/{hearing.pk}/").content.decode()
    assert "date of birth differs by one part" in page and case.crn in page
    response = client.post(
        f"/courts/hearings/{hearing.pk}/match/", {"crn": case.crn, "version": hearing.version}
    )
    assert response.status_code == 302
    page = client.get(f"/courts/hearings/{hearing.pk}/").content.decode()
    assert "Match confirmed" in page and "Officer Tester" in page
    assert AuditEvent.objects.filter(action=Action.VIEW, case=case, actor=court_officer).exists()


def test_the_hearing_page_costs_a_bounded_number_of_queries(
    signed_in, court, court_officer, make_case, django_assert_max_num_queries
):
    for day in (28, 29, 30, 31):  # born in the same month and year: possible matches
        make_case("John", "Smith", date_of_birth=datetime.date(1985, 3, day))
    _import(court_officer, listed())
    client = signed_in(court_officer)
    with django_assert_max_num_queries(14):
        response = client.get(f"/courts/hearings/{Hearing.objects.get().pk}/")
    assert response.content.count(b"Confirm<span") == 4


def test_the_officer_creates_a_new_case_when_nobody_matches(signed_in, court, court_officer):
    _import(court_officer, listed())
    hearing = Hearing.objects.get()
    response = signed_in(court_officer).post(
        f"/courts/hearings/{hearing.pk}/new-case/", {"version": hearing.version}
    )
    assert response.status_code == 302
    hearing.refresh_from_db()
    assert hearing.case.last_name == "Smith" and hearing.match_status == MatchStatus.CONFIRMED


def test_a_new_case_needs_a_date_of_birth(signed_in, court, court_officer):
    _import(court_officer, listed(date_of_birth=""))
    hearing = Hearing.objects.get()
    response = signed_in(court_officer).post(
        f"/courts/hearings/{hearing.pk}/new-case/", {"version": hearing.version}
    )
    assert b"A new case needs a date of birth" in response.content
    assert Hearing.objects.get().case is None


def test_a_note_saves_as_a_draft_and_an_empty_note_is_an_error(signed_in, court, court_officer):
    _import(court_officer, listed())
    hearing = Hearing.objects.get()
    client = signed_in(court_officer)
    url = f"/courts/hearings/{hearing.pk}/note/"
    response = client.post(url, {"text": "", "action": "draft"})
    assert b"Enter a note" in response.content and b"<title>Error: " in response.content
    client.post(url, {"text": "Solicitor: Ms Khan", "action": "draft"})
    page = client.get(f"/courts/hearings/{hearing.pk}/").content.decode()
    assert "Draft, saved" in page and "Solicitor: Ms Khan" in page


@pytest.fixture
def matched(court, court_officer, case):
    _import(court_officer, listed())
    hearing = Hearing.objects.get()
    return services.hearing_match_confirm(
        hearing=hearing, case=case, version=hearing.version, by=court_officer
    )


def test_a_report_is_requested_with_its_due_date(signed_in, matched, court_officer, officer):
    client = signed_in(court_officer)
    url = f"/courts/hearings/{matched.pk}/report/new/"
    assert b"Select the type of report" in client.post(url, {}).content
    response = client.post(url, {"type": ReportType.STANDARD, "author": officer.pk})
    assert response.status_code == 302
    report = PreSentenceReport.objects.get()
    assert report.due_date == datetime.date(2026, 12, 14) and report.author == officer


def test_only_a_senior_officer_other_than_the_author_approves(
    signed_in, matched, court_officer, officer, manager, make_staff
):
    report = services.report_request(
        hearing=matched,
        type=ReportType.ORAL,
        author=officer,
        requested_on=HEARING_DAY,
        by=court_officer,
    )
    services.report_update(
        report=report,
        version=1,
        by=officer,
        domestic_abuse_enquiry="None",
        safeguarding_enquiry="None",
    )
    author = signed_in(officer)
    assert author.post(f"/courts/reports/{report.pk}/submit/", {"version": 2}).status_code == 302
    assert author.post(f"/courts/reports/{report.pk}/approve/", {"version": 3}).status_code == 403
    other = make_staff("court2", Role.COURT_OFFICER)
    signed_in(other)
    assert author.post(f"/courts/reports/{report.pk}/approve/", {"version": 3}).status_code == 403
    signed_in(manager)
    assert author.post(f"/courts/reports/{report.pk}/approve/", {"version": 3}).status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED


def test_a_report_on_a_case_the_user_is_excluded_from_is_refused(
    signed_in, matched, court_officer, officer, manager, case
):
    report = services.report_request(
        hearing=matched,
        type=ReportType.ORAL,
        author=officer,
        requested_on=HEARING_DAY,
        by=court_officer,
    )
    case_access_add(case=case, staff=manager, kind=AccessKind.EXCLUDED, reason="x", by=manager)
    assert signed_in(manager).get(f"/courts/reports/{report.pk}/").status_code == 403


def test_the_author_writes_the_report_and_cannot_change_it_once_submitted(
    signed_in, matched, court_officer, officer
):
    report = services.report_request(
        hearing=matched,
        type=ReportType.SHORT_FORMAT,
        author=officer,
        requested_on=HEARING_DAY,
        by=court_officer,
    )
    client = signed_in(officer)
    url = f"/courts/reports/{report.pk}/"
    response = client.post(
        url,
        {
            "version": 1,
            "offence_analysis": "Planned",
            "domestic_abuse_enquiry": "None found",
            "safeguarding_enquiry": "None found",
        },
    )
    assert response.status_code == 302
    client.post(f"{url}submit/", {"version": 2})
    refused = client.post(url, {"version": 3, "offence_analysis": "x"}).content.decode()
    assert "with the quality check: it can change only if it is returned" in refused
    page = client.get(url).content.decode()
    assert "Submitted for quality check" in page and "Planned" in page


def test_the_author_sees_their_reports_due_but_not_on_cases_they_are_excluded_from(
    signed_in, matched, court_officer, officer, manager, case, django_assert_max_num_queries
):
    services.report_request(
        hearing=matched,
        type=ReportType.ORAL,
        author=officer,
        requested_on=datetime.date(2026, 1, 5),
        by=court_officer,
    )
    client = signed_in(officer)
    with django_assert_max_num_queries(6):
        page = client.get("/courts/reports/").content.decode()
    assert "Smith, John" in page and "Overdue" in page
    case_access_add(case=case, staff=officer, kind=AccessKind.EXCLUDED, reason="x", by=manager)
    assert "You have no reports to write" in client.get("/courts/reports/").content.decode()


def test_the_court_list_flags_people_in_breach(signed_in, court, court_officer, make_case, officer):
    from desist.enforcement.services import enforcement_action_record
    from desist.sentences.services import event_create

    breached = make_case("Bea", "Breached", pnc="2004/0046583U")
    event = event_create(
        case=breached,
        by=officer,
        court=court,
        offence={
            "code": "10501",
            "description": "Common assault",
            "category": "VIOLENCE",
            "offence_date": datetime.date(2026, 1, 5),
        },
        conviction_date=datetime.date(2026, 2, 2),
        sentence_type="CO",
        sentence_date=datetime.date(2026, 3, 2),
        length=12,
        length_unit="M",
    )
    make_case("Cal", "Compliant", pnc="2005/0012345A")
    _import(
        court_officer,
        listed(list_number="1", defendant_name="BREACHED, Bea", pnc="2004/0046583U"),
        listed(list_number="2", defendant_name="COMPLIANT, Cal", pnc="2005/0012345A"),
    )
    client = signed_in(court_officer)
    page = client.get("/courts/", {"court": court.pk, **DAY_QUERY}).content.decode()
    assert "In breach" not in page
    enforcement_action_record(event=event, code="IBR", on=datetime.date(2026, 11, 2), by=officer)
    page = client.get("/courts/", {"court": court.pk, **DAY_QUERY}).content.decode()
    assert page.count("In breach") == 1
    assert page.index("In breach") > page.index("BREACHED, Bea")
