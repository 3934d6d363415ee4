"""Allocation exceptions waiting for a senior probation officer, for the countersigning
queue."""

from collections.abc import Iterable
from datetime import date

from django.urls import reverse
from django.utils import timezone

from desist.oversight.countersign import AwaitingCountersignature, countersign_source
from desist.workforce.selectors import exceptions_awaiting


@countersign_source("workforce")
def allocation_exceptions_to_countersign(
    team_ids: Iterable[int], today: date
) -> list[AwaitingCountersignature]:
    return [
        AwaitingCountersignature(
            kind="Allocation exception",
            requested_by_id=exception.requested_by_id,
            requested_on=timezone.localdate(exception.requested_at),
            url=reverse("workforce:exception", args=[exception.pk]),
            crn=exception.entry.case.crn,
            name=exception.entry.case.listed_name,
            detail=f"To {exception.practitioner.get_full_name()} "
            f"({exception.practitioner.get_grade_display()})",
        )
        for exception in exceptions_awaiting(team_ids)
    ]
