"""Recall recommendations waiting for a senior probation officer, for the countersigning
queue."""

from collections.abc import Iterable
from datetime import date

from django.urls import reverse
from django.utils import timezone

from desist.enforcement.selectors import recalls_awaiting
from desist.oversight.countersign import AwaitingCountersignature, countersign_source


@countersign_source("enforcement")
def recalls_to_countersign(team_ids: Iterable[int], today: date) -> list[AwaitingCountersignature]:
    return [
        AwaitingCountersignature(
            kind="Recall recommendation",
            requested_by_id=recall.requested_by_id,
            requested_on=timezone.localdate(recall.requested_at),
            url=reverse("enforcement:recall", args=[recall.case.crn, recall.pk]),
            crn=recall.case.crn,
            name=recall.case.listed_name,
            detail=f"Event {recall.event.number}: {recall.get_recall_type_display().lower()}",
        )
        for recall in recalls_awaiting(team_ids)
    ]
