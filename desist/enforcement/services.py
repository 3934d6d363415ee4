"""The write path for enforcement: actions recorded on an event, the warning letters and
breach reports that record them, and recall recommendations with the SPO's decision. Each
write is audited and put on the case timeline in the same transaction. Permission checks
are the callers' (the views)."""

from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.documents.models import DocumentKind
from desist.documents.services import document_issue
from desist.enforcement import selectors
from desist.enforcement.constants import EnforcementCode, RecallStatus
from desist.enforcement.models import EnforcementAction, Recall
from desist.people.services import StaleEdit
from desist.rules.enforcement import ActionKind, DueKind, OrderType, action_from_code
from desist.sentences.models import Event, LicenceCondition
from desist.supervision.constants import ContactType
from desist.supervision.services import contact_add

ACTION_FIELDS = ("code", "kind", "on", "withdraws", "notes", "document")
RECALL_FIELDS = (
    "reasons",
    "alternatives",
    "charged_with_new_offence",
    "suggested_type",
    "recall_type",
    "override_reason",
)


class EnforcementError(Exception):
    """The action cannot be taken as asked; the message says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _on_timeline(*, case, notes: str, by, request) -> None:
    contact_add(
        case=case,
        by=by,
        request=request,
        system_generated=True,
        type=ContactType.OTHER,
        at=timezone.now(),
        notes=notes,
    )


def _order_type(event: Event) -> OrderType:
    kind = selectors.order_type(event)
    if kind is None or not event.active:
        raise EnforcementError("Enforcement is only for an active event with a sentence")
    return kind


def action_kind(code: str, on: date, order: OrderType, withdraws: date | None = None) -> ActionKind:
    """What the rules make of a code: theirs, plus Desist's own code for a decision not to
    recall."""
    if code == EnforcementCode.DECISION_NOT_TO_RECALL:
        return ActionKind.DECISION_NOT_TO_RECALL
    return action_from_code(code, on, order, withdraws).kind


@transaction.atomic
def enforcement_action_record(
    *,
    event: Event,
    code: str,
    on: date,
    by,
    notes: str = "",
    withdraws: date | None = None,
    document=None,
    request=None,
) -> EnforcementAction:
    """Record a warning, breach, recall request, withdrawal or other enforcement action."""
    order = _order_type(event)
    if on > timezone.localdate():
        raise EnforcementError("The date of the action must be today or in the past")
    kind = action_kind(code, on, order, withdraws)
    if kind is ActionKind.DECISION_NOT_TO_RECALL and order is not OrderType.LICENCE:
        raise EnforcementError("A decision not to recall is only for a licence")
    if kind is ActionKind.RECALL_REQUEST and order is not OrderType.LICENCE:
        raise EnforcementError("Recall is only for a licence")
    action = EnforcementAction.objects.create(
        case=event.case,
        event=event,
        code=code,
        kind=kind.value,
        on=on,
        withdraws=withdraws if kind is ActionKind.WARNING_WITHDRAWN else None,
        notes=notes,
        document=document,
        recorded_by=by,
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=event.case,
        subject="enforcementaction",
        subject_id=action.pk,
        changes=field_changes({}, snapshot(action, ACTION_FIELDS)),
        detail={"event": event.number},
        request=request,
    )
    summary = f"Enforcement on event {event.number}: {action.get_code_display()} ({code})"
    _on_timeline(
        case=event.case,
        notes=f"{summary} on {on:%d/%m/%Y}. {notes}".strip(),
        by=by,
        request=request,
    )
    return action


def _address(case) -> str:
    main = case.addresses.filter(status="MAIN").first()
    return str(main) if main else ""


@transaction.atomic
def warning_letter_issue(*, event: Event, by, request=None) -> EnforcementAction:
    """Print the warning letter for every failure that needs a warning, keep it on the case,
    and record the warning (LCL on a licence, EA03 if the event had a warning before, else
    EA02), which answers those failures."""
    order = _order_type(event)
    today = timezone.localdate()
    enforcement = selectors.event_enforcement(event, today)
    due = [d for d in enforcement.assessment.due if d.kind is DueKind.WARNING]
    if not due:
        raise EnforcementError("No warning is due on this event")
    if order is OrderType.LICENCE:
        code = EnforcementCode.LICENCE_COMPLIANCE_LETTER
    elif any(a.kind == ActionKind.WARNING for a in enforcement.actions):
        code = EnforcementCode.SECOND_WARNING
    else:
        code = EnforcementCode.FIRST_WARNING
    labels = dict(enforcement.failures)
    document = document_issue(
        case=event.case,
        kind=DocumentKind.WARNING_LETTER,
        title=f"Warning letter, event {event.number}",
        template_name="enforcement/print/warning_letter.html",
        context={
            "event": event,
            "address": _address(event.case),
            "due": [(d, labels.get(d.failure, "")) for d in due],
            "licence": order is OrderType.LICENCE,
            "practitioner": by,
        },
        by=by,
        request=request,
    )
    failures = ", ".join(f"{d.failure.kind.value} on {d.failure.on:%d/%m/%Y}" for d in due)
    return enforcement_action_record(
        event=event,
        code=code,
        on=today,
        by=by,
        notes=f"Warning letter issued for: {failures}.",
        document=document,
        request=request,
    )


@transaction.atomic
def breach_report_issue(*, event: Event, account: str, by, request=None) -> EnforcementAction:
    """Print the breach report for the court (the order, its requirements, the failures and
    the warnings before them, in the practitioner's account) and record breach initiated
    (IBR), which answers the failures that made breach mandatory."""
    order = _order_type(event)
    if order is OrderType.LICENCE:
        raise EnforcementError("A licence is enforced by recall, not breach")
    today = timezone.localdate()
    enforcement = selectors.event_enforcement(event, today)
    if enforcement.breach_due is None:
        raise EnforcementError("Breach action is not due on this event")
    if not account.strip():
        raise EnforcementError("Enter your account of the failures")
    document = document_issue(
        case=event.case,
        kind=DocumentKind.BREACH_REPORT,
        title=f"Breach report, event {event.number}",
        template_name="enforcement/print/breach_report.html",
        context={
            "event": event,
            "requirements": list(event.requirements.all()),
            "failures": enforcement.failures,
            "warnings": [a for a in enforcement.actions if a.kind == ActionKind.WARNING],
            "due": [d for d in enforcement.assessment.due if d.kind is DueKind.BREACH],
            "account": account,
            "practitioner": by,
        },
        by=by,
        request=request,
    )
    return enforcement_action_record(
        event=event,
        code=EnforcementCode.BREACH_OR_RECALL_INITIATED,
        on=today,
        by=by,
        notes="Breach report issued.",
        document=document,
        request=request,
    )


@transaction.atomic
def recall_recommend(
    *,
    event: Event,
    reasons: str,
    alternatives: str,
    conditions: list[LicenceCondition],
    charged_with_new_offence: bool,
    recall_type: str,
    override_reason: str = "",
    by,
    request=None,
) -> Recall:
    """Send a recall recommendation to the SPO. The type the law suggests is kept beside the
    one asked for; asking for the other needs a reason."""
    if _order_type(event) is not OrderType.LICENCE:
        raise EnforcementError("Recall is only for a licence")
    if event.recalls.filter(status=RecallStatus.AWAITING).exists():
        raise EnforcementError("A recall recommendation on this event already awaits the SPO")
    if any(c.event_id != event.pk for c in conditions) or not conditions:
        raise EnforcementError("Select the licence conditions breached")
    suggestion = selectors.recall_suggestion(
        event,
        facts=selectors.risk_facts(event.case),
        charged_with_new_offence=charged_with_new_offence,
        on=timezone.localdate(),
    )
    if recall_type != suggestion.recall_type.value and not override_reason.strip():
        raise EnforcementError(
            f"Give your reason for asking for {recall_type} recall "
            f"when {suggestion.recall_type.value} recall is suggested"
        )
    recall = Recall.objects.create(
        case=event.case,
        event=event,
        reasons=reasons,
        alternatives=alternatives,
        charged_with_new_offence=charged_with_new_offence,
        suggested_type=suggestion.recall_type.value,
        suggestion_reasons=list(suggestion.reasons),
        recall_type=recall_type,
        override_reason=override_reason if recall_type != suggestion.recall_type else "",
        requested_by=by,
    )
    recall.conditions_breached.set(conditions)
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=event.case,
        subject="recall",
        subject_id=recall.pk,
        changes=field_changes({}, snapshot(recall, RECALL_FIELDS)),
        detail={"event": event.number, "conditions": [c.pk for c in conditions]},
        request=request,
    )
    _on_timeline(
        case=event.case,
        notes=f"Recall recommended on event {event.number} ({recall.get_recall_type_display()}):"
        " awaiting the senior probation officer's countersignature.",
        by=by,
        request=request,
    )
    return recall


@transaction.atomic
def recall_decide(
    *, recall: Recall, version: int, countersign: bool, rationale: str, by, request=None
) -> Recall:
    """The SPO countersigns (the recall is requested, EA11, and the recall report printed)
    or rejects, with a rationale either way. Nobody countersigns their own recommendation."""
    current = Recall.objects.select_for_update().get(pk=recall.pk)
    if current.version != version:
        raise StaleEdit()
    if current.status != RecallStatus.AWAITING:
        raise EnforcementError("This recall recommendation has already been decided")
    if current.requested_by_id == by.pk:
        raise EnforcementError("Someone else must countersign your own recommendation")
    if not rationale.strip():
        raise EnforcementError("Enter the rationale for your decision")
    before = snapshot(current, ("status", "rationale"))
    current.status = RecallStatus.COUNTERSIGNED if countersign else RecallStatus.REJECTED
    current.rationale, current.decided_by, current.decided_at = rationale, by, timezone.now()
    current.version = F("version") + 1
    if countersign:
        event = current.event
        event.case = current.case
        current.document = document_issue(
            case=current.case,
            kind=DocumentKind.RECALL_REPORT,
            title=f"Recall report, event {event.number}",
            template_name="enforcement/print/recall_report.html",
            context={
                "event": event,
                "recall": current,
                "conditions": list(current.conditions_breached.all()),
                "countersigned_by": by,
            },
            by=by,
            request=request,
        )
    current.save(
        update_fields=["status", "rationale", "decided_by", "decided_at", "version", "document"]
    )
    current.refresh_from_db(fields=["version"])
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=current.case,
        subject="recall",
        subject_id=current.pk,
        changes=field_changes(before, snapshot(current, ("status", "rationale"))),
        request=request,
    )
    if countersign:
        enforcement_action_record(
            event=current.event,
            code=EnforcementCode.RECALL_REQUESTED,
            on=timezone.localdate(),
            by=by,
            notes=f"Recall countersigned: {rationale}",
            document=current.document,
            request=request,
        )
    else:
        _on_timeline(
            case=current.case,
            notes=f"Recall recommendation on event {current.event.number} rejected by the "
            f"senior probation officer: {rationale}",
            by=by,
            request=request,
        )
    return current
