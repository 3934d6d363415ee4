"""The SPO's countersigning queue: work from their team waiting for approval, never a case
they are kept out of, and only for SPOs."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from desist.accounts.roles import Role
from desist.courts.models import Hearing, PreSentenceReport
from desist.organisation.models import Court
from desist.risk.models import RoshAssessment


@pytest.fixture
def submitted(region, officer):
    court = Court.objects.create(code="C9", name="Newcastle Magistrates' Court", region=region)

    def make(case, number=1):
        hearing = Hearing.objects.create(
            court=court,
            hearing_date=date(2026, 11, 2),
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
            type="SHORT",
            requested_on=hearing.hearing_date,
            due_date=timezone.localdate() + timedelta(days=2),
            author=officer,
            requested_by=officer,
            state="SUBMITTED",
        )

    return make


def test_the_spo_sees_their_teams_submitted_reports(
    client, signed_in, manager, officer, case, submitted
):
    report = submitted(case)
    signed_in(manager)
    page = client.get("/countersigning/").content.decode()
    assert page.count("<h1") == 1
    assert "Pre-sentence report" in page and f"/courts/reports/{report.pk}/" in page
    assert officer.get_full_name() in page and case.crn in page


def test_restricted_cases_are_not_listed_to_those_kept_out(
    client, signed_in, manager, submitted, restricted
):
    submitted(restricted())
    signed_in(manager)
    assert client.get("/countersigning/").context["items"] == []


def test_another_teams_spo_does_not_see_them(client, signed_in, other_spo, case, submitted):
    submitted(case)
    signed_in(other_spo)
    assert client.get("/countersigning/").context["items"] == []


def test_only_spos_open_the_queue(client, signed_in, officer):
    signed_in(officer)
    assert client.get("/countersigning/").status_code == 403


def test_the_spo_countersigns_a_learners_rosh_by_recording_oversight(
    client, signed_in, manager, make_staff, make_case
):
    learner = make_staff("learner", Role.PQIP_LEARNER, grade="PQIP")
    case = make_case(practitioner=learner)
    RoshAssessment.objects.create(
        case=case,
        assessed_on=timezone.localdate(),
        overall="HIGH",
        nature_of_harm="Violence",
        review_date=timezone.localdate() + timedelta(weeks=16),
        assessed_by=learner,
    )
    signed_in(manager)
    [(item, requester)] = client.get("/countersigning/").context["items"]
    assert requester == learner
    form = client.get(item.url).content.decode()
    assert 'value="COUNTERSIGN" checked' in form
    client.post(item.url, {"reason": "COUNTERSIGN", "notes": "Assessment agreed"})
    assert client.get("/countersigning/").context["items"] == []
