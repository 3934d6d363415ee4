"""Enforcement's deadlines for the one deadline engine: a warning to issue, breach action to
start, or recall to consider, for each failure that still needs an answer."""

from collections.abc import Iterable
from datetime import date

from desist.enforcement.selectors import due_on_cases
from desist.oversight.deadlines import Deadline, deadline_source
from desist.people.models import Case


@deadline_source("enforcement")
def enforcement_deadlines(
    owner_ids: Iterable[int], today: date, until: date | None = None
) -> list[Deadline]:
    """Three queries for any number of practitioners (see selectors.due_on_cases)."""
    cases = Case.objects.filter(practitioner_id__in=list(owner_ids))
    return [
        Deadline(
            kind=item.to_do,
            owner_id=item.event.case.practitioner_id,
            due=item.due.due,
            view="sentences:event",
            args=(item.event.case.crn, item.event.number),
            anchor="#enforcement",
            crn=item.event.case.crn,
            name=item.event.case.listed_name,
            detail=item.due.reason,
        )
        for item in due_on_cases(cases, today)
    ]
