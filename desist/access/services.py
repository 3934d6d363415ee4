"""Changing who may open a case. Only senior probation officers and administrators may."""

from django.db import transaction
from django.db.models import F

from desist.access.models import AccessKind, CaseAccess
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.people.models import Case


@transaction.atomic
def case_set_restricted(*, case: Case, restricted: bool, message: str, by, request=None) -> None:
    before = {"restricted": case.restricted, "restriction_message": case.restriction_message}
    case.restricted, case.restriction_message = restricted, message
    case.version = F("version") + 1
    case.save(update_fields=["restricted", "restriction_message", "version", "updated_at"])
    case.refresh_from_db(fields=["version"])
    after = {"restricted": restricted, "restriction_message": message}
    if restricted:
        # The allocated practitioner keeps their own case, and whoever restricts it keeps it
        # too, or the restriction would lock out the person managing it.
        keep = {case.practitioner_id: "Allocated practitioner", by.pk: "Restricted the case"}
        for staff_id, reason in keep.items():
            if staff_id is not None:
                CaseAccess.objects.get_or_create(
                    case=case,
                    staff_id=staff_id,
                    defaults={"kind": AccessKind.ALLOWED, "added_by": by, "reason": reason},
                )
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=case,
        subject="case_access",
        changes={k: [before[k], after[k]] for k in after if before[k] != after[k]},
        request=request,
    )


@transaction.atomic
def case_access_add(
    *, case: Case, staff, kind: AccessKind, reason: str, by, request=None
) -> CaseAccess:
    entry, _ = CaseAccess.objects.update_or_create(
        case=case, staff=staff, defaults={"kind": kind, "reason": reason, "added_by": by}
    )
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=case,
        subject="case_access",
        subject_id=entry.pk,
        changes={"staff": [None, staff.username], "kind": [None, kind]},
        detail={"reason": reason},
        request=request,
    )
    return entry


@transaction.atomic
def case_access_remove(*, entry: CaseAccess, by, request=None) -> None:
    audit_record(
        actor=by,
        action=Action.DELETE,
        case=entry.case,
        subject="case_access",
        subject_id=entry.pk,
        changes={"staff": [entry.staff.username, None], "kind": [entry.kind, None]},
        request=request,
    )
    entry.delete()
