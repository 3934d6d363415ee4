"""People's alert: a case newly allocated to the practitioner by someone else."""

from datetime import timedelta

from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from desist.oversight.alerts import ALERT_DAYS, Alert, alert_source
from desist.people.models import Allocation


@alert_source("people.new_allocations")
def new_allocations(owner_ids, today):
    allocations = (
        Allocation.objects.filter(
            practitioner_id__in=owner_ids,
            ended_at__isnull=True,
            started_at__gte=timezone.now() - timedelta(days=ALERT_DAYS),
        )
        .exclude(allocated_by_id=F("practitioner_id"))
        .select_related("case", "allocated_by")
    )
    return [
        Alert(
            kind="New allocation",
            owner_id=a.practitioner_id,
            on=timezone.localdate(a.started_at),
            url=reverse("people:case", args=[a.case.crn]),
            crn=a.case.crn,
            name=a.case.listed_name,
            detail=f"Allocated to you by {a.allocated_by}" if a.allocated_by else "",
        )
        for a in allocations
    ]
