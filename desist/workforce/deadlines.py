"""Deadlines from allocation: a case allocated from the queue needs its first appointment by
the queue's due-by date (five working days from sentence or release; see services)."""

from datetime import date

from django.db.models import Exists, F, OuterRef

from desist.oversight.deadlines import Deadline, deadline_source, due_until
from desist.supervision.models import Appointment
from desist.workforce.models import AwaitingAllocation


@deadline_source("first appointment")
def first_appointments(owner_ids, today: date, until: date | None = None) -> list[Deadline]:
    """Allocated cases with no appointment arranged since the allocation, in one query."""
    arranged = Appointment.objects.filter(
        case=OuterRef("case_id"),
        created_at__gte=OuterRef("allocation__started_at"),
        cancelled_at__isnull=True,
    )
    entries = (
        due_until(
            AwaitingAllocation.objects.filter(
                allocation__practitioner_id__in=list(owner_ids), allocation__ended_at__isnull=True
            ),
            "due_by",
            until,
        )
        .exclude(Exists(arranged))
        .annotate(owner_id=F("allocation__practitioner_id"))
        .select_related("case")
    )
    return [
        Deadline(
            kind="Arrange the first appointment",
            owner_id=entry.owner_id,
            due=entry.due_by,
            view="supervision:appointment-arrange",
            args=(entry.case.crn,),
            crn=entry.case.crn,
            name=entry.case.listed_name,
        )
        for entry in entries
    ]
