"""Programmes' alert: a facilitator raised a concern about a person at a group session."""

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from desist.oversight.alerts import ALERT_DAYS, Alert, alert_source
from desist.programmes.models import Attendance


@alert_source("programmes.group_concerns")
def group_concerns(owner_ids, today):
    since = timezone.make_aware(
        datetime.combine(today - timedelta(days=ALERT_DAYS), datetime.min.time())
    )
    concerns = Attendance.objects.filter(
        concern=True,
        concern_raised_at__gte=since,
        referral__case__practitioner_id__in=owner_ids,
    ).select_related("referral__case", "session__group__programme", "session__template")
    return [
        Alert(
            kind="Concern raised at a group session",
            owner_id=a.referral.case.practitioner_id,
            on=timezone.localdate(a.concern_raised_at),
            url=reverse("people:case", args=[a.referral.case.crn]),
            crn=a.referral.case.crn,
            name=a.referral.case.listed_name,
            detail=f"{a.session.group}, session {a.session.template.number}: "
            f"{a.concern_notes[:80]}",
        )
        for a in concerns
    ]
