"""The write path for management oversight. Each record is a sensitive case note on the
timeline and an Oversight row, audited in the same transaction. Whether the user may record
oversight (the countersign permission, access to the case) is the caller's check."""

from django.db import transaction
from django.utils import timezone

from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.oversight.constants import OversightReason
from desist.oversight.models import Oversight, WeeklyMeeting
from desist.people.models import Case
from desist.supervision.constants import ContactType
from desist.supervision.services import contact_add


@transaction.atomic
def oversight_record(
    *, case: Case, reason: str, notes: str, by, meeting: WeeklyMeeting | None = None, request=None
) -> Oversight:
    now = timezone.now()
    label = OversightReason(reason).label
    contact = contact_add(
        case=case,
        by=by,
        request=request,
        type=ContactType.MANAGEMENT_OVERSIGHT,
        at=now,
        notes=f"{label}: {notes}",
        sensitive=True,
    )
    oversight = Oversight.objects.create(
        case=case,
        reason=reason,
        notes=notes,
        recorded_by=by,
        recorded_at=now,
        contact=contact,
        meeting=meeting,
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject="oversight",
        subject_id=oversight.pk,
        changes={"reason": [None, reason], "notes": [None, notes]},
        detail={"meeting": meeting.pk} if meeting else {},
        request=request,
    )
    return oversight


@transaction.atomic
def weekly_meeting_record(
    *, practitioner, cases: list[Case], agreed: str, by, request=None
) -> WeeklyMeeting:
    """Record what was agreed, and an oversight record on each case discussed, which must be
    on the practitioner's caseload."""
    if any(case.practitioner_id != practitioner.pk for case in cases):
        raise ValueError("Every case discussed must be on the practitioner's caseload")
    meeting = WeeklyMeeting.objects.create(
        practitioner=practitioner, held_by=by, held_on=timezone.localdate(), agreed=agreed
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        subject="weekly_meeting",
        subject_id=meeting.pk,
        changes={"agreed": [None, agreed]},
        detail={"practitioner": practitioner.pk, "cases": [c.crn for c in cases]},
        request=request,
    )
    for case in cases:
        oversight_record(
            case=case,
            reason=OversightReason.WEEKLY_MEETING,
            notes=agreed,
            by=by,
            meeting=meeting,
            request=request,
        )
    return meeting
