"""The demo's court work is made through the services, so it is what a reviewer can finish."""

import datetime

import pytest

from desist.courts import services
from desist.courts.constants import ReportState
from desist.courts.demo import seed_court_reports
from desist.courts.models import PreSentenceReport
from desist.courts.tests.conftest import court_list_csv, listed


@pytest.mark.django_db
def test_the_demo_has_a_report_to_write_and_one_to_check(court, court_officer, officer, make_case):
    cases = [make_case(f"Person{n}", "Known") for n in range(2)]
    today = datetime.date.today().isoformat()
    services.court_list_import(
        text=court_list_csv(
            *(
                listed(list_number=str(n + 1), date=today, crn=c.crn, defendant_name=c.listed_name)
                for n, c in enumerate(cases)
            )
        ),
        by=court_officer,
    )
    seed_court_reports(court_officer=court_officer, po=officer)
    states = sorted(PreSentenceReport.objects.values_list("state", flat=True))
    assert states == [ReportState.DRAFT, ReportState.SUBMITTED]
    assert all(r.proposed_requirements for r in PreSentenceReport.objects.all())
