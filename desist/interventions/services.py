"""The write path for the agency directory, referrals, agency feedback and accommodation.

Every change is audited in its transaction; changes to a case's referrals and accommodation
also go on the case timeline as a system-generated contact. Referral status changes are
checked by desist.rules.referrals; edits are versioned (people.services.StaleEdit).
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.interventions import selectors
from desist.interventions.constants import REASON_LABELS, STATUS_LABELS, RiskInformation
from desist.interventions.models import (
    AccommodationStatus,
    Agency,
    AgencyContact,
    AgencyFeedback,
    Referral,
    ReferralStatusChange,
    RiskDisclosure,
    ThreeWayMeeting,
)
from desist.people.models import Case
from desist.people.services import StaleEdit
from desist.plans.selectors import latest_completed
from desist.rules import referrals as flow
from desist.supervision.constants import AppointmentType, ContactType
from desist.supervision.services import appointment_arrange, contact_add

AGENCY_FIELDS = ("name", "category", "description", "phone", "email", "address", "active")
REFERRAL_FIELDS = (
    "agency",
    "contact",
    "need",
    "objective",
    "requirement",
    "desired_outcomes",
    "urgency",
    "risk_to_share",
)
FEEDBACK_FIELDS = ("received_on", "sessions_offered", "sessions_attended", "notes", "concern")


class ReferralError(Exception):
    """The referral cannot be made or changed as asked; the message says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _on_timeline(*, case: Case, notes: str, by, request) -> None:
    contact_add(
        case=case,
        by=by,
        request=request,
        system_generated=True,
        type=ContactType.OTHER,
        at=timezone.now(),
        notes=notes,
    )


def _lock(model, instance, version: int):
    """The row, locked until commit; refused if someone saved it since the form was opened."""
    current = model.objects.select_for_update().get(pk=instance.pk)
    if current.version != version:
        raise StaleEdit()
    return current


def _apply(current, fields, details: dict) -> dict:
    """Save the details on a locked row with the next version; returns the values before."""
    before = snapshot(current, fields)
    for name, value in details.items():
        setattr(current, name, value)
    current.version = F("version") + 1
    current.save(update_fields=[*details, "version"])
    current.refresh_from_db()
    return before


# The directory (administrators: manage_reference_data)


@transaction.atomic
def agency_create(*, by, pdus, request=None, **fields) -> Agency:
    agency = Agency.objects.create(**fields)
    agency.pdus.set(pdus)
    audit_record(
        actor=by,
        action=Action.CREATE,
        subject="agency",
        subject_id=agency.pk,
        changes=field_changes({}, {**snapshot(agency, fields), "pdus": sorted(p.pk for p in pdus)}),
        request=request,
    )
    return agency


@transaction.atomic
def agency_update(*, agency: Agency, version: int, by, pdus, request=None, **fields) -> Agency:
    before_pdus = sorted(agency.pdus.values_list("pk", flat=True))
    current = _lock(Agency, agency, version)
    before = _apply(current, AGENCY_FIELDS, fields)
    current.pdus.set(pdus)
    audit_record(
        actor=by,
        action=Action.CHANGE,
        subject="agency",
        subject_id=current.pk,
        changes=field_changes(
            {**before, "pdus": before_pdus},
            {**snapshot(current, fields), "pdus": sorted(p.pk for p in pdus)},
        ),
        request=request,
    )
    return current


@transaction.atomic
def agency_contact_add(*, agency: Agency, by, request=None, **fields) -> AgencyContact:
    contact = AgencyContact.objects.create(agency=agency, **fields)
    audit_record(
        actor=by,
        action=Action.CREATE,
        subject="agency_contact",
        subject_id=contact.pk,
        changes=field_changes({}, snapshot(contact, fields)),
        detail={"agency": agency.pk},
        request=request,
    )
    return contact


# Referrals


def _check_referral(case: Case, details: dict) -> None:
    agency, contact = details.get("agency"), details.get("contact")
    if agency is not None and not agency.active:
        raise ReferralError("This agency is no longer in the directory. Choose another")
    if contact is not None and contact.agency_id != getattr(agency, "pk", None):
        raise ReferralError("Choose a contact of the agency you are referring to")
    requirement = details.get("requirement")
    if requirement is not None and requirement.event.case_id != case.pk:
        raise ReferralError("Choose a requirement of this case")
    objective = details.get("objective")
    if objective is not None and objective.plan.case_id != case.pk:
        raise ReferralError("Choose an objective of this case's sentence plan")
    unknown = set(details.get("risk_to_share", [])) - set(RiskInformation.values)
    if unknown:
        raise ReferralError("Choose risk information from the list")


@transaction.atomic
def referral_create(*, case: Case, by, request=None, **details) -> Referral:
    """A draft referral, written against the case's latest completed needs assessment."""
    unknown = set(details) - set(REFERRAL_FIELDS)
    if unknown:
        raise ValueError(f"Not referral details: {sorted(unknown)}")
    _check_referral(case, details)
    referral = Referral.objects.create(
        case=case,
        created_by=by,
        needs_assessment=latest_completed(case),
        **details,
    )
    ReferralStatusChange.objects.create(referral=referral, status=flow.Status.DRAFT, by=by)
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject="referral",
        subject_id=referral.pk,
        changes=field_changes({}, snapshot(referral, details)),
        request=request,
    )
    _on_timeline(
        case=case,
        notes=f"Referral to {referral.agency} drafted ({referral.get_need_display()})",
        by=by,
        request=request,
    )
    return referral


@transaction.atomic
def referral_update(*, referral: Referral, version: int, by, request=None, **details) -> Referral:
    """Change a draft. Once sent, the agency holds what it was sent: it is never rewritten."""
    unknown = set(details) - set(REFERRAL_FIELDS)
    if unknown:
        raise ValueError(f"Not referral details: {sorted(unknown)}")
    _check_referral(referral.case, details)
    current = _lock(Referral, referral, version)
    if current.status not in flow.EDITABLE:
        raise ReferralError("Only a draft referral can be changed")
    before = _apply(current, REFERRAL_FIELDS, details)
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=current.case,
        subject="referral",
        subject_id=current.pk,
        changes=field_changes(before, snapshot(current, details)),
        request=request,
    )
    return current


@transaction.atomic
def referral_change_status(
    *,
    referral: Referral,
    version: int,
    by,
    status: str,
    reason: str = "",
    notes: str = "",
    request=None,
) -> Referral:
    """Move the referral along its flow. Sending it records exactly what risk information
    went to the agency, as it read at that moment."""
    current = _lock(Referral, referral, version)
    try:
        flow.check_transition(current.status, status, reason)
    except flow.TransitionRefused as refused:
        raise ReferralError(refused.message) from None
    now = timezone.now()
    before = snapshot(current, ("status", "status_reason"))
    current.status, current.status_reason, current.status_changed_at = status, reason, now
    fields = ["status", "status_reason", "status_changed_at"]
    if status == flow.Status.SENT:
        current.sent_at = now
        fields.append("sent_at")
        RiskDisclosure.objects.create(
            referral=current,
            items=selectors.risk_information(current.case, current.risk_to_share),
            shared_at=now,
            shared_by=by,
        )
    current.version = F("version") + 1
    current.save(update_fields=[*fields, "version"])
    current.refresh_from_db(fields=["version"])
    ReferralStatusChange.objects.create(
        referral=current, status=status, reason=reason, notes=notes, at=now, by=by
    )
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=current.case,
        subject="referral",
        subject_id=current.pk,
        changes=field_changes(before, snapshot(current, ("status", "status_reason"))),
        detail={"notes": notes} if notes else None,
        request=request,
    )
    why = f": {REASON_LABELS[reason]}" if reason else ""
    _on_timeline(
        case=current.case,
        notes=f"Referral to {current.agency} {STATUS_LABELS[status].lower()}{why}. {notes}".strip(),
        by=by,
        request=request,
    )
    return current


@transaction.atomic
def feedback_record(*, referral: Referral, by, request=None, **fields) -> AgencyFeedback:
    """What the agency reported. A concern alerts the practitioner (desist.interventions.alerts)."""
    if referral.status == flow.Status.DRAFT:
        raise ReferralError("The agency has not been sent this referral yet")
    feedback = AgencyFeedback.objects.create(referral=referral, recorded_by=by, **fields)
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=referral.case,
        subject="agency_feedback",
        subject_id=feedback.pk,
        changes=field_changes({}, snapshot(feedback, fields)),
        request=request,
    )
    concern = " The agency raises a concern." if feedback.concern else ""
    _on_timeline(
        case=referral.case,
        notes=f"Feedback from {referral.agency}.{concern} {feedback.notes}".strip(),
        by=by,
        request=request,
    )
    return feedback


@transaction.atomic
def concern_mark_read(*, feedback: AgencyFeedback, by, request=None) -> None:
    updated = AgencyFeedback.objects.filter(
        pk=feedback.pk, concern=True, concern_read_at__isnull=True
    ).update(concern_read_at=timezone.now())
    if updated:
        audit_record(
            actor=by,
            action=Action.CHANGE,
            case=feedback.referral.case,
            subject="agency_feedback",
            subject_id=feedback.pk,
            changes={"concern_read": [False, True]},
            request=request,
        )


@transaction.atomic
def three_way_meeting_arrange(
    *, referral: Referral, contact: AgencyContact, by, request=None, **details
) -> ThreeWayMeeting:
    """A three-way meeting appointment with the agency's contact, its partner details filled
    from the directory. Clash checks and reminders are the appointment's own."""
    if contact.agency_id != referral.agency_id:
        raise ReferralError("Choose a contact of the agency the referral is to")
    appointment = appointment_arrange(
        case=referral.case,
        by=by,
        request=request,
        type=AppointmentType.THREE_WAY,
        partner_name=contact.name,
        partner_organisation=referral.agency.name,
        partner_role=contact.role,
        **details,
    )
    return ThreeWayMeeting.objects.create(
        referral=referral, contact=contact, appointment=appointment
    )


# Accommodation


@transaction.atomic
def accommodation_record(
    *, case: Case, by, status: str, since, notes: str = "", request=None
) -> AccommodationStatus:
    """A change in the person's accommodation. The history is kept: nothing is overwritten."""
    previous = selectors.current_accommodation(case)
    record = AccommodationStatus.objects.create(
        case=case, status=status, since=since, notes=notes, recorded_by=by
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject="accommodation",
        subject_id=record.pk,
        changes=field_changes(
            {"status": previous.status if previous else None},
            snapshot(record, ("status", "since", "notes")),
        ),
        request=request,
    )
    since_text = f"since {since:%-d %b %Y}"
    _on_timeline(
        case=case,
        notes=f"Accommodation: {record.get_status_display()} {since_text}. {notes}".strip(),
        by=by,
        request=request,
    )
    return record
