"""Interventions' alert: an agency's feedback raises a concern the practitioner has not read."""

from django.urls import reverse
from django.utils import timezone

from desist.interventions.models import AgencyFeedback
from desist.oversight.alerts import Alert, alert_source


@alert_source("interventions.agency_concerns")
def agency_concerns(owner_ids, today):
    """Unread concerns stay until read, however old: a concern is not news that expires."""
    feedback = AgencyFeedback.objects.filter(
        concern=True,
        concern_read_at__isnull=True,
        referral__case__practitioner_id__in=owner_ids,
    ).select_related("referral__case", "referral__agency")
    return [
        Alert(
            kind="Concern raised by a partner agency",
            owner_id=f.referral.case.practitioner_id,
            on=timezone.localdate(f.recorded_at),
            url=reverse("interventions:referral", args=[f.referral.case.crn, f.referral_id]),
            crn=f.referral.case.crn,
            name=f.referral.case.listed_name,
            detail=f"{f.referral.agency}: {f.notes[:80]}",
        )
        for f in feedback
    ]
