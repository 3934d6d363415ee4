from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.rules.working_days import add_working_days
from desist.workforce.models import AwaitingAllocation, QueueSource

# National Standards (2015) and the Probation Instructions after them expect the first
# appointment within five working days of sentence or release. VERIFY against the current
# Probation Operating Model before relying on the exact figure.
FIRST_APPOINTMENT_WORKING_DAYS = 5


def queue_for_allocation(
    *,
    case,
    pdu,
    source: QueueSource,
    starts_on,
    by,
    team=None,
    event=None,
    request=None,
) -> AwaitingAllocation:
    """Put a case in the allocation queue of a team (or of the PDU when the team is not known),
    due by the day its first appointment must happen. Audited against the case."""
    entry = AwaitingAllocation.objects.create(
        case=case,
        event=event,
        pdu=pdu,
        team=team,
        source=source,
        starts_on=starts_on,
        due_by=add_working_days(starts_on, FIRST_APPOINTMENT_WORKING_DAYS),
        created_by=by,
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject="allocation queue",
        subject_id=entry.pk,
        detail={"source": source, "due_by": entry.due_by.isoformat()},
        request=request,
    )
    return entry
