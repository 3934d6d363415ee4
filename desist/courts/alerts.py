"""Court work's alert: a pre-sentence report the quality check returned with comments."""

from django.urls import reverse
from django.utils import timezone

from desist.courts.constants import ReportState
from desist.courts.models import PreSentenceReport
from desist.oversight.alerts import Alert, alert_source


@alert_source("courts.returned_reports")
def returned_reports(owner_ids, today):
    reports = PreSentenceReport.objects.filter(
        author_id__in=owner_ids, state=ReportState.RETURNED
    ).select_related("case", "checked_by")
    return [
        Alert(
            kind="Report returned with comments",
            owner_id=r.author_id,
            on=timezone.localdate(r.updated_at),
            url=reverse("courts:report", args=[r.pk]),
            crn=r.case.crn,
            name=r.case.listed_name,
            detail=f"{r.get_type_display()}, checked by {r.checked_by}" if r.checked_by else "",
        )
        for r in reports
    ]
