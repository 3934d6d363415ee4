"""Pre-release deadlines: the tasks desist.rules.pre_release sets before a release, for the
community practitioner who holds the case. Release dates are computed, so the database keeps
only sentences that can have a task due by ``until`` (a task falls at most the longest lead
before release, and release is never before sentence); one query for the events and their
plans, and two for their main offences and needs, whatever the caseload."""

from desist.oversight.deadlines import Deadline, deadline_source, due_until
from desist.prerelease.selectors import custodial_events, releases
from desist.rules.pre_release import LONGEST_LEAD


@deadline_source("prerelease.tasks")
def pre_release_tasks(owner_ids, today, until=None):
    events = custodial_events(today=today).filter(case__practitioner_id__in=owner_ids)
    latest_sentence = None if until is None else until + LONGEST_LEAD
    return [
        Deadline(
            kind=task.task.value,
            owner_id=release.case.practitioner_id,
            due=task.due,
            view="prerelease:plan",
            args=(release.case.crn, release.event.number),
            crn=release.case.crn,
            name=release.case.listed_name,
            detail=f"Release on {release.release_date:%-d %b %Y}, event {release.event.number}",
        )
        for release in releases(due_until(events, "sentence_date", latest_sentence), today)
        for task in release.tasks
        if not task.done and (until is None or task.due <= until)
    ]
