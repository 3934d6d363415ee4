"""Sentences' deadlines: events whose expected end has passed, or comes within a week, and
that are still active, so the practitioner terminates them (with the reason) on time."""

from datetime import timedelta

from desist.oversight.deadlines import Deadline, deadline_source
from desist.sentences.models import Event

WARNING_DAYS = 7


@deadline_source("sentences.terminations_due")
def terminations_due(owner_ids, today, until=None):
    soonest = today + timedelta(days=WARNING_DAYS)
    events = Event.objects.filter(
        case__practitioner_id__in=owner_ids,
        active=True,
        expected_end__lte=min(soonest, until) if until else soonest,
    ).select_related("case")
    return [
        Deadline(
            kind="Terminate the event",
            owner_id=e.case.practitioner_id,
            due=e.expected_end,
            view="sentences:event-terminate",
            args=(
                e.case.crn,
                e.number,
            ),
            crn=e.case.crn,
            name=e.case.listed_name,
            detail=f"Event {e.number}: {e.get_sentence_type_display() or 'no sentence yet'}",
        )
        for e in events
    ]
