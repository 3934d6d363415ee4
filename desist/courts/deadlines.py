"""Court work's deadlines: pre-sentence reports their authors still have to write, revise or
finalise, due on the date the court set (rules.md §4). The author owns the report whoever
holds the case, since a report is often written before the case is allocated."""

from desist.courts.constants import ReportState
from desist.courts.models import PreSentenceReport
from desist.oversight.deadlines import Deadline, deadline_source, due_until, other_owners

# What the author has to do next, by the report's state; other states wait for someone else.
AUTHOR_ACTION = {
    ReportState.DRAFT: "Write the pre-sentence report",
    ReportState.RETURNED: "Revise the returned pre-sentence report",
    ReportState.APPROVED: "Finalise the pre-sentence report",
}


@deadline_source("courts.reports_due")
def reports_due(owner_ids, today, until=None):
    reports = due_until(
        PreSentenceReport.objects.filter(author_id__in=owner_ids, state__in=list(AUTHOR_ACTION)),
        "due_date",
        until,
    ).select_related("case")
    return [
        Deadline(
            kind=AUTHOR_ACTION[report.state],
            owner_id=report.author_id,
            due=report.due_date,
            view="courts:report",
            args=(report.pk,),
            crn=report.case.crn,
            name=report.case.listed_name,
            detail=report.get_type_display(),
        )
        for report in reports
    ]


@other_owners
def report_authors(case):
    """A report's author owns its deadlines, whoever holds the case."""
    return PreSentenceReport.objects.filter(case=case).values_list("author_id", flat=True)
