"""A report's proposal is checked against the sentence module's limits, and a final report is
locked and issued to the court as a PDF that reads like a court document."""

import io

import pytest
from pypdf import PdfReader

from desist.audit.models import Action, AuditEvent
from desist.courts import services
from desist.courts.constants import ReportState, ReportType
from desist.courts.models import Hearing
from desist.courts.tests.conftest import HEARING_DAY, court_list_csv, listed
from desist.documents.models import DocumentKind
from desist.risk.services import scores_record
from desist.sentences.services import RuleBroken

pytestmark = pytest.mark.django_db


@pytest.fixture
def matched(court, court_officer, case):
    services.court_list_import(text=court_list_csv(listed(pnc="2004/0046583U")), by=court_officer)
    hearing = Hearing.objects.get()
    return services.hearing_match_confirm(
        hearing=hearing, case=case, version=hearing.version, by=court_officer
    )


def _report(matched, court_officer, officer, type=ReportType.STANDARD):
    return services.report_request(
        hearing=matched, type=type, author=officer, requested_on=HEARING_DAY, by=court_officer
    )


def _written(report, officer):
    return services.report_update(
        report=report,
        version=report.version,
        by=officer,
        sources_of_information="Interview on 24 November; police records",
        offence_analysis="Took food from a shop when out of money",
        domestic_abuse_enquiry="No call-outs recorded",
        safeguarding_enquiry="Not known to children's services",
    )


def _final(report, officer, manager):
    report = services.report_move(report=report, to="SUBMITTED", version=report.version, by=officer)
    report = services.report_move(report=report, to="APPROVED", version=report.version, by=manager)
    return services.report_move(report=report, to="FINAL", version=report.version, by=officer)


def test_a_proposal_is_an_order_with_requirements_within_the_law(matched, court_officer, officer):
    report = _report(matched, court_officer, officer)
    report = services.report_proposal_set(
        report=report, version=1, sentence_type="CO", length=12, length_unit="M", by=officer
    )
    report = services.report_requirement_propose(
        report=report, version=report.version, category="UPW", length=120, by=officer
    )
    report = services.report_requirement_propose(
        report=report,
        version=report.version,
        category="CURF",
        length=3,
        hours_per_day=8,
        days_per_week=7,
        by=officer,
    )
    assert report.proposed_sentence == "Community order, 12 months"
    assert report.proposed_requirement_lines == [
        "Unpaid work: 120 hours",
        "Curfew: 3 months, 8 hours a day on 7 days a week",
    ]
    assert (
        AuditEvent.objects.filter(
            subject="pre-sentence report", changes__has_key="proposed_requirements"
        ).count()
        == 2
    )


@pytest.mark.parametrize(
    "requirement, message",
    [
        ({"category": "UPW", "length": 400}, "Unpaid work must be between 40 and 300 hours"),
        (
            {"category": "CURF", "length": 3, "hours_per_day": 20, "days_per_week": 7},
            "no more than 112 hours in any 7 days",
        ),
        ({"category": "EXCL", "length": 18}, "must end by the end of the order"),
    ],
)
def test_a_requirement_outside_the_sentence_limits_is_refused(
    matched, court_officer, officer, requirement, message
):
    report = _report(matched, court_officer, officer)
    report = services.report_proposal_set(
        report=report, version=1, sentence_type="CO", length=12, length_unit="M", by=officer
    )
    with pytest.raises(RuleBroken) as refused:
        services.report_requirement_propose(
            report=report, version=report.version, by=officer, **requirement
        )
    assert message in str(refused.value)
    report.refresh_from_db()
    assert report.proposed_requirements == []


def test_shortening_the_order_rechecks_the_requirements_proposed(matched, court_officer, officer):
    report = _report(matched, court_officer, officer)
    report = services.report_proposal_set(
        report=report, version=1, sentence_type="CO", length=24, length_unit="M", by=officer
    )
    report = services.report_requirement_propose(
        report=report, version=report.version, category="EXCL", length=18, by=officer
    )
    with pytest.raises(RuleBroken, match="must end by the end of the order"):
        services.report_proposal_set(
            report=report,
            version=report.version,
            sentence_type="CO",
            length=6,
            length_unit="M",
            by=officer,
        )


def test_a_community_order_longer_than_three_years_is_refused(matched, court_officer, officer):
    report = _report(matched, court_officer, officer)
    with pytest.raises(RuleBroken, match="no longer than 3 years"):
        services.report_proposal_set(
            report=report, version=1, sentence_type="CO", length=4, length_unit="Y", by=officer
        )


def test_a_final_report_is_a_pdf_with_a_title_page_and_its_sections(
    matched, court_officer, officer, manager, case
):
    report = _written(_report(matched, court_officer, officer), officer)
    report = services.report_proposal_set(
        report=report,
        version=report.version,
        sentence_type="CO",
        length=12,
        length_unit="M",
        by=officer,
    )
    report = services.report_requirement_propose(
        report=report, version=report.version, category="UPW", length=120, by=officer
    )
    report = _final(report, officer, manager)
    assert report.state == ReportState.FINAL and report.document.case == case
    assert report.document.kind == DocumentKind.PRE_SENTENCE_REPORT
    pdf = PdfReader(io.BytesIO(bytes(report.document.content)))
    title_page = pdf.pages[0].extract_text()
    for fact in (
        "Pre-sentence report",
        "Standard delivery report",
        "Newcastle Magistrates' Court",
        "23 November 2026",
        "John Smith",
        case.date_of_birth.strftime("%-d %B %Y"),
        case.crn,
        "2004/0046583U",
        officer.get_full_name(),
        f"Page 1 of {len(pdf.pages)}",
    ):
        assert fact in title_page, fact
    assert "Contents" in pdf.pages[1].extract_text()
    text = "".join(page.extract_text() for page in pdf.pages)
    for heading in (
        "1. Sources of information",
        "2. Offence analysis",
        "4. Likelihood of reoffending",
        "6. Domestic abuse enquiry outcome",
        "8. Sentencing proposal",
    ):
        assert heading in text, heading
    assert "Took food from a shop" in text and "Unpaid work: 120 hours" in text
    assert "Community order, 12 months" in text
    assert AuditEvent.objects.filter(
        action=Action.CREATE, subject="document", case=case, actor=officer
    ).exists()


def test_a_final_report_cannot_be_changed(matched, court_officer, officer, manager):
    report = _final(_written(_report(matched, court_officer, officer), officer), officer, manager)
    with pytest.raises(services.ReportNotReady, match="final and locked"):
        services.report_update(
            report=report, version=report.version, by=officer, offence_analysis="Changed"
        )
    with pytest.raises(services.ReportNotReady, match="final and locked"):
        services.report_requirement_propose(
            report=report, version=report.version, category="UPW", length=60, by=officer
        )


def test_an_oral_report_is_a_short_record(matched, court_officer, officer, manager):
    report = _report(matched, court_officer, officer, type=ReportType.ORAL)
    assert report.due_date == HEARING_DAY
    report = services.report_update(
        report=report,
        version=1,
        by=officer,
        oral_record="Told the bench he is motivated to work; proposed unpaid work",
        domestic_abuse_enquiry="None",
        safeguarding_enquiry="None",
    )
    with pytest.raises(ValueError, match="offence_analysis"):
        services.report_update(
            report=report, version=report.version, by=officer, offence_analysis="x"
        )
    report = _final(report, officer, manager)
    text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(bytes(report.document.content))).pages
    )
    assert "record of what was said to the court" in text and "motivated to work" in text
    assert "Offence analysis" not in text


# The report page.


def test_the_author_proposes_through_the_page_and_sees_the_law_s_objections(
    signed_in, matched, court_officer, officer
):
    report = _report(matched, court_officer, officer)
    client = signed_in(officer)
    url = f"/courts/reports/{report.pk}/proposal/"
    order = {"action": "sentence", "proposal-version": 1, "proposal-sentence_type": "CO"}
    refused = client.post(url, {**order, "proposal-length": 4, "proposal-length_unit": "Y"})
    assert b"A community order must be no longer than 3 years" in refused.content
    assert b"<title>Error: " in refused.content
    client.post(url, {**order, "proposal-length": 12, "proposal-length_unit": "M"})
    added = client.post(
        url,
        {
            "action": "requirement",
            "requirement-version": 2,
            "requirement-category": "UPW",
            "requirement-length": 80,
        },
    )
    assert added.status_code == 302
    page = client.get(f"/courts/reports/{report.pk}/").content.decode()
    assert "Community order, 12 months" in page and "Unpaid work: 80 hours" in page
    client.post(url, {"action": "withdraw-0", "version": 3})
    report.refresh_from_db()
    assert report.proposed_requirements == []


def test_only_the_author_changes_the_proposal(signed_in, matched, court_officer, officer):
    report = _report(matched, court_officer, officer)
    response = signed_in(court_officer).post(
        f"/courts/reports/{report.pk}/proposal/",
        {"action": "sentence", "proposal-version": 1, "proposal-sentence_type": "CO"},
    )
    assert response.status_code == 403
    assert AuditEvent.objects.filter(actor=court_officer, action=Action.DENIED).exists()


def test_a_final_report_page_says_it_is_locked_and_offers_the_pdf(
    signed_in, matched, court_officer, officer, manager, case
):
    report = _final(_written(_report(matched, court_officer, officer), officer), officer, manager)
    client = signed_in(officer)
    refused = client.post(
        f"/courts/reports/{report.pk}/",
        {"version": report.version, "offence_analysis": "Changed"},
    ).content.decode()
    assert "This report is final and locked: it cannot be changed." in refused
    assert f"/cases/{case.crn}/documents/{report.document_id}/download/" in refused
    report.refresh_from_db()
    assert report.offence_analysis == "Took food from a shop when out of money"


def test_the_likelihood_of_reoffending_starts_from_the_current_scores(
    matched, court_officer, officer, case
):
    scores_record(
        case=case,
        by=officer,
        assessed_on=HEARING_DAY,
        inputs={
            "offence_code": "10400",
            "conviction_date": "2025-06-01",
            "start_of_follow_up": "2025-06-01",
            "total_sanctions": 5,
            "age_at_first_sanction": 18,
        },
    )
    likelihood = _report(matched, court_officer, officer).likelihood_of_reoffending
    assert likelihood.startswith("OGRS3 (assessed 23 November 2026): ")
    assert "Inputs: offence code 10400;" in likelihood and "sanctions to date 5" in likelihood


def test_without_scores_the_likelihood_is_left_to_the_author(matched, court_officer, officer):
    assert _report(matched, court_officer, officer).likelihood_of_reoffending == ""


def test_a_check_awaiting_its_reply_holds_the_report_back(matched, court_officer, officer, case):
    """The enquiries are tracked tasks on the case: while one awaits its reply the report cannot
    go to quality check, whatever the report's text says; a recorded reply releases it."""
    from desist.risk.constants import EnquiryKind, EnquiryOutcome
    from desist.risk.services import enquiry_record_outcome, enquiry_request

    report = _written(_report(matched, court_officer, officer), officer)
    check = enquiry_request(
        case=case, by=officer, kind=EnquiryKind.POLICE_DOMESTIC_ABUSE, requested_on=HEARING_DAY
    )
    assert services.missing_enquiries(report) == ["the reply to the police domestic abuse check"]
    with pytest.raises(services.ReportNotReady, match="reply to the police domestic abuse"):
        services.report_move(report=report, to="SUBMITTED", version=report.version, by=officer)
    enquiry_record_outcome(
        enquiry=check,
        version=check.version,
        by=officer,
        outcome=EnquiryOutcome.NO_INFORMATION,
        replied_on=HEARING_DAY,
        notes="",
    )
    assert services.missing_enquiries(report) == []
    moved = services.report_move(report=report, to="SUBMITTED", version=report.version, by=officer)
    assert moved.state == ReportState.SUBMITTED


def test_with_no_check_the_report_must_say_why_none_was_made(matched, court_officer, officer):
    report = _report(matched, court_officer, officer)
    missing = services.missing_enquiries(report)
    assert len(missing) == 2 and all("say why none was made" in m for m in missing)
    assert services.missing_enquiries(_written(report, officer)) == []
