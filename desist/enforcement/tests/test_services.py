"""Warnings, breach and recall as practitioners record them: each write audited and on the
timeline, the letters real PDFs with the facts in them, and the rules' answers respected."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from desist.audit.models import Action, AuditEvent
from desist.documents.models import DocumentKind
from desist.enforcement import selectors, services
from desist.enforcement.constants import EnforcementCode, RecallStatus
from desist.people.models import Address
from desist.people.services import StaleEdit
from desist.risk.services import registration_add
from desist.rules.enforcement import DueKind
from desist.sentences.services import licence_condition_add
from desist.supervision.models import Contact

TODAY = timezone.localdate


def pdf_text(document) -> str:
    reader = PdfReader(io.BytesIO(bytes(document.content)))
    return "\n".join(page.extract_text() for page in reader.pages)


def due_kinds(event):
    return [d.kind for d in selectors.event_enforcement(event, TODAY()).assessment.due]


def test_a_first_unacceptable_absence_makes_a_warning_due(case, co_event, fail):
    fail(case, 3)
    fail(case, 4, outcome="AAME")  # acceptable: never counts
    enforcement = selectors.event_enforcement(co_event, TODAY())
    assert [d.kind for d in enforcement.assessment.due] == [DueKind.WARNING]
    assert enforcement.assessment.summary.unacceptable_failures_last_12_months == 1
    assert not enforcement.assessment.due[0].overdue


def test_issuing_the_warning_letter_records_the_warning_with_the_letter(
    case, co_event, fail, officer
):
    Address.objects.create(
        case=case,
        status="MAIN",
        line_1="1 High Street",
        town="Newcastle",
        postcode="NE1 1AA",
        start_date=TODAY() - timedelta(days=400),
    )
    absence = fail(case, 3)
    action = services.warning_letter_issue(event=co_event, by=officer)
    assert action.code == EnforcementCode.FIRST_WARNING and action.kind == "warning"
    assert action.document.kind == DocumentKind.WARNING_LETTER
    text = " ".join(pdf_text(action.document).split())
    assert "John Smith" in text and "1 High Street" in text and "NE1 1AA" in text
    # What the law asks of a warning (practice/rules.md section 3), said to the person.
    failed_on = absence.starts_at.strftime("%A %-d %B %Y")
    assert f"You failed to keep to your order on {failed_on} (unacceptable absence)." in text
    assert "This failure is unacceptable." in text
    assert "This is a formal warning." in text
    assert (
        "If you fail again to keep to your order without an acceptable reason within the "
        "next 12 months, you will be taken back to court." in text
    )
    assert "This warning has been recorded on your probation record." in text
    assert "What this warning must do" not in text and "must:" not in text
    assert due_kinds(co_event) == []
    assert AuditEvent.objects.filter(
        action=Action.CREATE, subject="enforcementaction", subject_id=str(action.pk)
    ).exists()
    note = Contact.objects.get(case=case, system_generated=True, notes__contains="EA02")
    assert note.created_by == officer


def test_no_letter_when_no_warning_is_due(co_event, officer):
    with pytest.raises(services.EnforcementError, match="No warning is due"):
        services.warning_letter_issue(event=co_event, by=officer)


def test_a_failure_after_a_warning_makes_breach_due_and_the_report_starts_it(
    case, co_event, fail, officer
):
    fail(case, 20)
    services.enforcement_action_record(
        event=co_event, code="EA02", on=TODAY() - timedelta(days=18), by=officer
    )
    fail(case, 2, outcome="AFTC")
    assert due_kinds(co_event) == [DueKind.BREACH]
    action = services.breach_report_issue(
        event=co_event, account="Missed two appointments and gave no reason.", by=officer
    )
    assert action.code == "IBR" and action.kind == "breach"
    text = pdf_text(action.document)
    assert "Breach report" in text and "Missed two appointments" in text
    assert "First warning letter" in text and "Attended – failed to comply" in text
    assert "Sentencing Code Sch 10 para 6" in text
    assert due_kinds(co_event) == []


def test_a_withdrawn_warning_counts_for_nothing(case, co_event, fail, officer):
    fail(case, 20)
    warned = TODAY() - timedelta(days=18)
    services.enforcement_action_record(event=co_event, code="EA02", on=warned, by=officer)
    services.enforcement_action_record(
        event=co_event, code="EA06", on=warned + timedelta(days=1), withdraws=warned, by=officer
    )
    fail(case, 2)
    assert due_kinds(co_event) == [DueKind.WARNING, DueKind.WARNING]


@pytest.mark.parametrize(
    ("code", "on", "message"),
    [
        ("EA02", 1, "today or in the past"),
        ("EA11", 0, "only for a licence"),
        ("DNTR", 0, "only for a licence"),
    ],
)
def test_actions_that_do_not_fit_are_refused(co_event, officer, code, on, message):
    with pytest.raises(services.EnforcementError, match=message):
        services.enforcement_action_record(
            event=co_event, code=code, on=TODAY() + timedelta(days=on), by=officer
        )


def test_an_appointment_without_an_event_counts_for_the_newest_active_event(case, make_event, fail):
    older = make_event(
        case,
        sentence_date=TODAY() - timedelta(days=200),
        conviction_date=TODAY() - timedelta(days=210),
    )
    newer = make_event(case)
    fail(case, 3)
    fail(case, 5, event=older)
    assert len(selectors.event_enforcement(newer, TODAY()).failures) == 1
    assert len(selectors.event_enforcement(older, TODAY()).failures) == 1


def test_on_licence_a_failure_after_a_warning_asks_for_recall_consideration(
    licence_event, fail, officer
):
    person = licence_event.case
    fail(person, 20)
    services.warning_letter_issue(event=licence_event, by=officer)
    warning = licence_event.enforcement_actions.get()
    assert warning.code == "LCL"
    text = " ".join(pdf_text(warning.document).split())
    assert "You failed to keep to the conditions of your licence on " in text
    assert "This failure is unacceptable." in text and "This is a formal warning." in text
    assert "within the next 12 months, you may be recalled to prison." in text
    assert "This warning has been recorded on your probation record." in text
    warning.on = TODAY() - timedelta(days=10)  # time passes
    warning.save(update_fields=["on"])
    fail(person, 1)
    assert due_kinds(licence_event) == [DueKind.RECALL_CONSIDERATION]
    services.enforcement_action_record(event=licence_event, code="DNTR", on=TODAY(), by=officer)
    assert due_kinds(licence_event) == []


def _recommend(event, officer, **overrides):
    arguments = {
        "reasons": "Stopped reporting; whereabouts unknown for a week.",
        "alternatives": "Warning given; reporting increased to twice weekly.",
        "conditions": list(event.licence_conditions.all()[:2]),
        "charged_with_new_offence": False,
        "recall_type": "fixed-term",
        **overrides,
    }
    return services.recall_recommend(event=event, by=officer, **arguments)


def test_a_recall_recommendation_keeps_the_suggested_type_and_needs_a_reason_to_differ(
    licence_event, officer
):
    with pytest.raises(services.EnforcementError, match="reason"):
        _recommend(licence_event, officer, recall_type="standard")
    with pytest.raises(services.EnforcementError, match="licence conditions"):
        _recommend(licence_event, officer, conditions=[])
    recall = _recommend(
        licence_event, officer, recall_type="standard", override_reason="Escalating threats"
    )
    assert recall.suggested_type == "fixed-term" and recall.recall_type == "standard"
    assert recall.status == RecallStatus.AWAITING
    assert recall.conditions_breached.count() == 2
    with pytest.raises(services.EnforcementError, match="already awaits"):
        _recommend(licence_event, officer)


def test_mappa_level_2_suggests_standard_recall(licence_event, officer):
    registration_add(
        case=licence_event.case,
        by=officer,
        type="MAPP",
        mappa_category="M2",
        mappa_level="M2",
        registered_on=TODAY(),
        review_date=TODAY() + timedelta(days=90),
        notes="",
    )
    recall = _recommend(licence_event, officer, recall_type="standard")
    assert recall.suggested_type == "standard"
    assert "MAPPA level 2" in recall.suggestion_reasons[0]


def test_the_spo_countersigns_a_recall_which_is_requested_with_its_report(
    licence_event, officer, manager
):
    recall = _recommend(licence_event, officer)
    with pytest.raises(services.EnforcementError, match="rationale"):
        services.recall_decide(
            recall=recall, version=1, countersign=True, rationale=" ", by=manager
        )
    with pytest.raises(StaleEdit):
        services.recall_decide(
            recall=recall, version=7, countersign=True, rationale="Ok", by=manager
        )
    decided = services.recall_decide(
        recall=recall, version=1, countersign=True, rationale="Risk is escalating", by=manager
    )
    assert decided.status == RecallStatus.COUNTERSIGNED and decided.version == 2
    assert decided.document.kind == DocumentKind.RECALL_REPORT
    text = pdf_text(decided.document)
    assert "Recall report" in text and "Risk is escalating" in text
    assert "Stopped reporting" in text and "Fixed-term recall" in text
    action = licence_event.enforcement_actions.get()
    assert action.code == "EA11" and action.kind == "recall request"
    with pytest.raises(services.EnforcementError, match="already been decided"):
        services.recall_decide(
            recall=recall, version=2, countersign=False, rationale="No", by=manager
        )
    assert AuditEvent.objects.filter(
        actor=manager, action=Action.CHANGE, subject="recall", subject_id=str(recall.pk)
    ).exists()


def test_the_recall_report_names_a_victim_condition_without_the_victims_details(
    licence_event, officer, manager
):
    condition = licence_condition_add(
        event=licence_event,
        by=officer,
        category="VICTIM_CONTACT",
        named_person="Vera Victim",
    )
    recall = _recommend(licence_event, officer, conditions=[condition])
    decided = services.recall_decide(
        recall=recall, version=1, countersign=True, rationale="Contact with victim", by=manager
    )
    text = pdf_text(decided.document)
    assert "No contact with the victim" in text and "Vera Victim" not in text


def test_nobody_countersigns_their_own_recall_and_a_rejection_stays_on_the_timeline(
    licence_event, manager, officer
):
    own = _recommend(licence_event, manager)
    with pytest.raises(services.EnforcementError, match="Someone else"):
        services.recall_decide(recall=own, version=1, countersign=True, rationale="Ok", by=manager)
    services.recall_decide(recall=own, version=1, countersign=False, rationale="Try AP", by=officer)
    own.refresh_from_db()
    assert own.status == RecallStatus.REJECTED and own.document is None
    assert Contact.objects.filter(case=licence_event.case, notes__contains="Try AP").exists()
