"""Recording significant changes: a new charge, address, relationship or contact with children.

Kept apart from ``services`` because the people and sentences services call it as they record a
new address or event, and risk's services import theirs.
"""

import datetime as dt

from django.db import transaction

from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.risk.constants import ChangeKind
from desist.risk.models import SignificantChange

FIELDS = ("kind", "happened_on", "detail")


@transaction.atomic
def significant_change_record(
    *, case, kind: ChangeKind, happened_on: dt.date, detail: str = "", by, request=None
) -> SignificantChange:
    """Keep the change; the risk deadline source then makes a RoSH review due if the latest
    assessment is older than it."""
    change = SignificantChange.objects.create(
        case=case, kind=kind, happened_on=happened_on, detail=detail[:200], recorded_by=by
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject="significantchange",
        subject_id=change.pk,
        changes=field_changes({}, snapshot(change, FIELDS)),
        request=request,
    )
    return change
