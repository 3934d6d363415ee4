"""Court work waiting for a senior probation officer: pre-sentence reports submitted for the
quality check by authors in the SPO's teams. Returning or approving the report on its own
page takes it out of the queue."""

from django.urls import reverse
from django.utils import timezone

from desist.courts.constants import ReportState
from desist.courts.models import PreSentenceReport
from desist.oversight.countersign import AwaitingCountersignature, countersign_source


@countersign_source("courts.reports_submitted")
def reports_submitted(team_ids, today):
    reports = PreSentenceReport.objects.filter(
        state=ReportState.SUBMITTED, author__team_id__in=team_ids
    ).select_related("case")
    return [
        AwaitingCountersignature(
            kind="Pre-sentence report",
            requested_by_id=r.author_id,
            requested_on=timezone.localdate(r.updated_at),
            url=reverse("courts:report", args=[r.pk]),
            crn=r.case.crn,
            name=r.case.listed_name,
            detail=f"{r.get_type_display()}, due {r.due_date:%-d %b %Y}",
        )
        for r in reports
    ]
