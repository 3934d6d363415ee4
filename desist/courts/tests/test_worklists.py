"""The court team's worklist of reports, the court officer's day, and the query counts of the
court officer's pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from desist.access.models import AccessKind
from desist.access.services import case_access_add
from desist.courts import services
from desist.courts.constants import HearingOutcome, ReportType
from desist.courts.models import Hearing
from desist.courts.tests.conftest import HEARING_DAY, court_list_csv, listed
from desist.risk.models import CaseRisk

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(court, court_officer, officer, make_case):
    """Three matched defendants, each with a report written by the team's officer."""
    cases = [make_case(f"Person{n}", "Listed") for n in range(3)]
    services.court_list_import(
        text=court_list_csv(
            *(
                listed(list_number=str(n + 1), defendant_name=f"LISTED, Person{n}", crn=case.crn)
                for n, case in enumerate(cases)
            )
        ),
        by=court_officer,
    )
    made = []
    for hearing, case in zip(Hearing.objects.order_by("list_number"), cases, strict=True):
        hearing = services.hearing_match_confirm(
            hearing=hearing, case=case, version=hearing.version, by=court_officer
        )
        made.append(
            services.report_request(
                hearing=hearing,
                type=ReportType.STANDARD,
                author=officer,
                requested_on=HEARING_DAY,
                by=court_officer,
            )
        )
    return made


def test_the_court_team_sees_its_reports_due_in_few_queries(
    signed_in, reports, court_officer, manager, django_assert_max_num_queries
):
    client = signed_in(court_officer)
    with django_assert_max_num_queries(5):
        page = client.get("/courts/reports/").content.decode()
    assert "team's reports" in page.replace("&#x27;", "'") and page.count("Officer Tester") == 3
    case_access_add(
        case=reports[0].case, staff=court_officer, kind=AccessKind.EXCLUDED, reason="x", by=manager
    )
    assert client.get("/courts/reports/").content.decode().count("Officer Tester") == 2


def test_a_practitioner_sees_only_their_own_reports(signed_in, reports, colleague):
    page = signed_in(colleague).get("/courts/reports/").content.decode()
    assert "You have no reports to write" in page and "Your team" not in page


def test_the_report_page_costs_the_same_with_a_longer_proposal(
    signed_in, reports, officer, django_assert_max_num_queries
):
    report = services.report_proposal_set(
        report=reports[0], version=1, sentence_type="CO", length=12, length_unit="M", by=officer
    )
    for category, length in (("UPW", 100), ("RAR", 20), ("PROH", 6)):
        report = services.report_requirement_propose(
            report=report, version=report.version, category=category, length=length, by=officer
        )
    client = signed_in(officer)
    with django_assert_max_num_queries(8):  # 7, and the case's enquiry checks
        page = client.get(f"/courts/reports/{report.pk}/").content.decode()
    assert "Rehabilitation activity: 20 days" in page


def test_the_hearing_page_is_pinned(
    signed_in, reports, court_officer, django_assert_max_num_queries
):
    client = signed_in(court_officer)
    with django_assert_max_num_queries(10):
        client.get(f"/courts/hearings/{reports[0].hearing_id}/")


def test_the_court_list_import_page_imports_in_few_queries(
    signed_in, court, court_officer, django_assert_max_num_queries
):
    text = court_list_csv(*(listed(list_number=str(n)) for n in range(1, 41)))
    client = signed_in(court_officer)
    upload = SimpleUploadedFile("list.csv", text.encode(), content_type="text/csv")
    with django_assert_max_num_queries(12):
        client.post("/courts/import/", {"file": upload})
    assert Hearing.objects.count() == 40


def test_the_court_day_shows_risk_flags_and_outcomes_only_where_the_case_may_be_seen(
    signed_in, reports, court, court_officer, manager, django_assert_max_num_queries
):
    for report in reports:
        CaseRisk.objects.create(
            case=report.case,
            rosh="HIGH",
            flags=[{"type": "CHLD", "label": "Child concerns", "colour": "red"}],
        )
    services.hearing_outcome_record(
        hearing=reports[1].hearing,
        outcome=HearingOutcome.ADJOURNED,
        version=reports[1].hearing.version,
        by=court_officer,
    )
    case_access_add(
        case=reports[0].case, staff=court_officer, kind=AccessKind.EXCLUDED, reason="x", by=manager
    )
    client = signed_in(court_officer)
    day = {
        "court": court.pk,
        "hearing_date_day": HEARING_DAY.day,
        "hearing_date_month": HEARING_DAY.month,
        "hearing_date_year": HEARING_DAY.year,
    }
    with django_assert_max_num_queries(7):
        page = client.get("/courts/", day).content.decode()
    assert page.count("Child concerns") == 2 and page.count("RoSH: High") == 2
    assert page.count(">Adjourned</strong>") == 1
