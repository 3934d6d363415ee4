"""Court work's registered sources: reports due (owner: the author), returned reports as
alerts, submitted reports in the SPO's countersigning queue; each in one query."""

from datetime import timedelta

import pytest
from django.utils import timezone

from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.courts.alerts import returned_reports
from desist.courts.constants import ReportState
from desist.courts.countersign import reports_submitted
from desist.courts.deadlines import reports_due
from desist.courts.models import Hearing, PreSentenceReport
from desist.oversight.actions import open_actions
from desist.oversight.deadlines import DeadlineStatus


@pytest.fixture
def report_for(court, officer):
    def make(case, *, author, due, state=ReportState.DRAFT, number=1):
        hearing = Hearing.objects.create(
            court=court,
            hearing_date=due - timedelta(days=15),
            session="AM",
            courtroom="1",
            list_number=number,
            defendant_name=case.listed_name,
            first_name=case.first_name,
            last_name=case.last_name,
            case=case,
            match_status="CONFIRMED",
        )
        return PreSentenceReport.objects.create(
            hearing=hearing,
            case=case,
            type="STANDARD",
            requested_on=hearing.hearing_date,
            due_date=due,
            author=author,
            requested_by=officer,
            state=state,
        )

    return make


def test_reports_the_author_must_write_revise_or_finalise(report_for, make_case, officer):
    today = timezone.localdate()
    cases = [make_case(f"P{i}", "Reported", practitioner=None) for i in range(5)]
    report_for(cases[0], author=officer, due=today - timedelta(days=1))
    report_for(cases[1], author=officer, due=today, state=ReportState.RETURNED, number=2)
    report_for(cases[2], author=officer, due=today + timedelta(days=30), state="APPROVED", number=3)
    report_for(cases[3], author=officer, due=today, state=ReportState.SUBMITTED, number=4)
    report_for(cases[4], author=officer, due=today, state=ReportState.FINAL, number=5)
    found = sorted(reports_due([officer.pk], today), key=lambda d: d.due)
    assert [(d.kind, d.status(today)) for d in found] == [
        ("Write the pre-sentence report", DeadlineStatus.OVERDUE),
        ("Revise the returned pre-sentence report", DeadlineStatus.DUE_THIS_WEEK),
        ("Finalise the pre-sentence report", DeadlineStatus.LATER),
    ]
    assert {d.owner_id for d in found} == {officer.pk}
    assert found[0].crn == cases[0].crn and found[0].url.startswith("/courts/reports/")


def test_another_authors_reports_are_not_mine(report_for, make_case, officer, colleague):
    report_for(make_case(), author=colleague, due=timezone.localdate())
    assert reports_due([officer.pk], timezone.localdate()) == []


def test_sources_cost_one_query(report_for, make_case, officer, manager, django_assert_num_queries):
    today = timezone.localdate()
    for i in range(4):
        state = [ReportState.DRAFT, ReportState.RETURNED, ReportState.SUBMITTED][i % 3]
        report_for(make_case(f"P{i}", "Q"), author=officer, due=today, state=state, number=i + 1)
    with django_assert_num_queries(1):
        assert len(reports_due([officer.pk], today)) == 3
    with django_assert_num_queries(1):
        assert len(reports_submitted([officer.team_id], today)) == 1
    with django_assert_num_queries(1):
        assert len(returned_reports([officer.pk], today)) == 1


def test_submitted_reports_wait_for_the_authors_team_spo(report_for, make_case, officer, team):
    report = report_for(make_case(), author=officer, due=timezone.localdate(), state="SUBMITTED")
    [item] = reports_submitted([team.pk], timezone.localdate())
    assert item.kind == "Pre-sentence report" and item.requested_by_id == officer.pk
    assert item.url == f"/courts/reports/{report.pk}/"
    assert reports_submitted([team.pk + 1], timezone.localdate()) == []


def test_a_returned_report_alerts_its_author_only(report_for, make_case, officer, colleague):
    report_for(make_case(), author=officer, due=timezone.localdate(), state="RETURNED")
    [alert] = returned_reports([officer.pk], timezone.localdate())
    assert alert.kind == "Report returned with comments"
    assert returned_reports([colleague.pk], timezone.localdate()) == []


def test_a_change_to_the_case_reaches_the_reports_author_whoever_holds_it(
    report_for, make_case, officer, colleague
):
    """A returned report is the author's to revise: the SPO's change to the case (returning
    it) makes the author's stored actions current again, though the case is the officer's."""
    today = timezone.localdate()
    case = make_case()
    report = report_for(case, author=colleague, due=today, state=ReportState.SUBMITTED)
    assert open_actions([colleague.pk], today) == []
    PreSentenceReport.objects.filter(pk=report.pk).update(state=ReportState.RETURNED)
    audit_record(actor=None, action=Action.CHANGE, case=case, subject="report")
    assert [a.kind for a in open_actions([colleague.pk], today)] == [
        "Revise the returned pre-sentence report"
    ]
