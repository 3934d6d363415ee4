"""Recording what the court decided: a probation sentence goes on the case with its
requirements and into the team's allocation queue in one step, so nothing is keyed twice."""

import datetime

import pytest

from desist.access.services import case_set_restricted
from desist.audit.models import Action, AuditEvent
from desist.courts import services
from desist.courts.constants import HearingOutcome, ReportType
from desist.courts.models import Hearing
from desist.courts.tests.conftest import HEARING_DAY, court_list_csv, listed
from desist.sentences.models import Event
from desist.workforce.models import AwaitingAllocation, QueueSource

pytestmark = pytest.mark.django_db
OFFENCE = {
    "code": "04600",
    "description": "Theft from a shop",
    "category": "THEFT",
    "offence_date": datetime.date(2026, 10, 1),
}
COMMUNITY_ORDER = {
    "sentence_type": "CO",
    "conviction_date": HEARING_DAY,
    "sentence_date": HEARING_DAY,
    "length": 12,
    "length_unit": "M",
}


def _listed(court_officer) -> Hearing:
    services.court_list_import(text=court_list_csv(listed()), by=court_officer)
    return Hearing.objects.get()


@pytest.fixture
def matched(court, court_officer, case):
    hearing = _listed(court_officer)
    return services.hearing_match_confirm(
        hearing=hearing, case=case, version=hearing.version, by=court_officer
    )


def _sentence(hearing, by, requirements):
    return services.hearing_sentence_record(
        hearing=hearing,
        version=hearing.version,
        offence=OFFENCE,
        requirements=requirements,
        by=by,
        **COMMUNITY_ORDER,
    )


def test_a_probation_sentence_goes_on_the_case_and_into_the_allocation_queue(
    matched, court_officer, case
):
    hearing = _sentence(matched, court_officer, [{"category": "UPW", "length": 120}])
    event = Event.objects.get(case=case)
    assert hearing.outcome == HearingOutcome.PROBATION_SENTENCE and hearing.event == event
    assert event.sentence_type == "CO" and event.appearances.get().court == matched.court
    assert [(r.category, r.length) for r in event.requirements.all()] == [("UPW", 120)]
    queued = AwaitingAllocation.objects.get(case=case)
    assert (queued.team, queued.pdu, queued.source) == (case.team, case.team.pdu, QueueSource.COURT)
    assert queued.starts_on == HEARING_DAY and queued.event == event
    audited = set(
        AuditEvent.objects.filter(case=case, actor=court_officer).values_list("subject", flat=True)
    )
    assert {"hearing", "event", "requirement", "allocation queue"} <= audited


def test_a_recorded_sentence_is_not_overwritten_by_another_outcome(matched, court_officer):
    hearing = _sentence(matched, court_officer, [{"category": "UPW", "length": 120}])
    with pytest.raises(services.OutcomeNotReady, match="change it on the case's event"):
        services.hearing_outcome_record(
            hearing=hearing, outcome=HearingOutcome.OTHER, version=hearing.version, by=court_officer
        )


def test_a_requirement_the_law_forbids_keys_nothing(matched, court_officer, case):
    with pytest.raises(services.SentenceRefused) as refused:
        _sentence(
            matched,
            court_officer,
            [{"category": "UPW", "length": 120}, {"category": "UPW", "length": 500}],
        )
    assert refused.value.requirement == 1
    assert not Event.objects.filter(case=case).exists()
    assert not AwaitingAllocation.objects.exists()
    matched.refresh_from_db()
    assert matched.outcome == ""


def test_a_community_order_needs_a_requirement(matched, court_officer):
    with pytest.raises(services.SentenceRefused, match="at least one requirement"):
        _sentence(matched, court_officer, [])


def test_an_unmatched_defendant_cannot_be_sentenced_until_matched(court, court_officer):
    hearing = _listed(court_officer)
    with pytest.raises(services.OutcomeNotReady, match="Confirm who the defendant is"):
        _sentence(hearing, court_officer, [{"category": "UPW", "length": 120}])


def test_another_outcome_is_recorded_and_audited(court, court_officer):
    hearing = _listed(court_officer)
    hearing = services.hearing_outcome_record(
        hearing=hearing,
        outcome=HearingOutcome.ADJOURNED,
        details="To 7 December",
        version=hearing.version,
        by=court_officer,
    )
    assert hearing.outcome == HearingOutcome.ADJOURNED and hearing.outcome_recorded_by
    row = AuditEvent.objects.get(subject="hearing", action=Action.CHANGE)
    assert row.changes["outcome"] == ["", HearingOutcome.ADJOURNED]


# The pages.

SENTENCE_FORM = {
    "offence_description": "Theft from a shop",
    "offence_code": "04600",
    "offence_category": "THEFT",
    "offence_date_day": "1",
    "offence_date_month": "10",
    "offence_date_year": "2026",
    "conviction_date_day": str(HEARING_DAY.day),
    "conviction_date_month": str(HEARING_DAY.month),
    "conviction_date_year": str(HEARING_DAY.year),
    "sentence_date_day": str(HEARING_DAY.day),
    "sentence_date_month": str(HEARING_DAY.month),
    "sentence_date_year": str(HEARING_DAY.year),
    "sentence_type": "CO",
    "length": "12",
    "length_unit": "M",
    "requirement-TOTAL_FORMS": "2",
    "requirement-INITIAL_FORMS": "1",
    "requirement-0-category": "UPW",
    "requirement-0-length": "120",
    "requirement-1-category": "",
}


@pytest.mark.parametrize("step", ["outcome", "sentence"])
def test_practitioners_without_court_work_cannot_record_outcomes(signed_in, matched, officer, step):
    response = signed_in(officer).get(f"/courts/hearings/{matched.pk}/{step}/")
    assert response.status_code == 403
    assert AuditEvent.objects.filter(actor=officer, action=Action.DENIED).exists()


def test_a_restricted_case_is_refused(signed_in, matched, court_officer, manager, case):
    case_set_restricted(case=case, restricted=True, message="Ask the SPO.", by=manager)
    response = signed_in(court_officer).post(
        f"/courts/hearings/{matched.pk}/sentence/",
        {**SENTENCE_FORM, "court": matched.court_id, "version": matched.version},
    )
    assert response.status_code == 403 and b"Ask the SPO." in response.content
    assert not Event.objects.exists()


def test_a_probation_sentence_needs_the_defendant_matched_first(signed_in, court, court_officer):
    hearing = _listed(court_officer)
    client = signed_in(court_officer)
    response = client.post(
        f"/courts/hearings/{hearing.pk}/outcome/",
        {"outcome": HearingOutcome.PROBATION_SENTENCE, "version": hearing.version},
    )
    assert b"Confirm who the defendant is, or create a new case" in response.content
    assert b"<title>Error: " in response.content
    assert client.get(f"/courts/hearings/{hearing.pk}/sentence/").status_code == 302


def test_the_sentence_page_is_filled_in_from_the_proposal_and_records_it(
    signed_in, matched, court_officer, officer, case
):
    report = services.report_request(
        hearing=matched,
        type=ReportType.SHORT_FORMAT,
        author=officer,
        requested_on=HEARING_DAY,
        by=court_officer,
    )
    report = services.report_proposal_set(
        report=report, version=1, sentence_type="CO", length=12, length_unit="M", by=officer
    )
    services.report_requirement_propose(
        report=report, version=report.version, category="UPW", length=120, by=officer
    )
    client = signed_in(court_officer)
    url = f"/courts/hearings/{matched.pk}/outcome/"
    response = client.post(
        url, {"outcome": HearingOutcome.PROBATION_SENTENCE, "version": matched.version}
    )
    assert response.url == f"/courts/hearings/{matched.pk}/sentence/"
    page = client.get(response.url).content.decode()
    assert 'name="requirement-0-length" type="number" value="120"' in page
    assert 'value="CO" checked' in page and "Theft from a shop" in page
    form = {**SENTENCE_FORM, "court": matched.court_id, "version": matched.version}
    refused = client.post(response.url, {**form, "requirement-0-length": "500"})
    assert b"Unpaid work must be between 40 and 300 hours" in refused.content
    done = client.post(response.url, form)
    assert done.status_code == 302
    assert AwaitingAllocation.objects.get(case=case).event.requirements.count() == 1
    hearing_page = client.get(f"/courts/hearings/{matched.pk}/").content.decode()
    assert "Probation sentence" in hearing_page and "Event 1" in hearing_page


def test_another_outcome_through_the_page(signed_in, court, court_officer):
    hearing = _listed(court_officer)
    client = signed_in(court_officer)
    response = client.post(
        f"/courts/hearings/{hearing.pk}/outcome/",
        {"outcome": HearingOutcome.COMMITTED, "details": "", "version": hearing.version},
    )
    assert response.status_code == 302
    page = client.get(f"/courts/hearings/{hearing.pk}/").content.decode()
    assert "Committed to the Crown Court" in page


def test_adjourning_for_a_report_goes_on_to_request_it(signed_in, matched, court_officer):
    response = signed_in(court_officer).post(
        f"/courts/hearings/{matched.pk}/outcome/",
        {"outcome": HearingOutcome.REPORT_REQUESTED, "version": matched.version},
    )
    assert response.url == f"/courts/hearings/{matched.pk}/report/new/"
