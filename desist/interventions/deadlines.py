"""Interventions' deadline: chase a referral the agency has not answered within the working
days desist.rules.referrals allows. One query, whatever the caseload."""

from django.utils import timezone

from desist.interventions.models import Referral
from desist.oversight.deadlines import Deadline, deadline_source
from desist.rules import referrals as flow


@deadline_source("interventions.awaiting_response")
def referrals_awaiting_response(owner_ids, today, until=None):
    referrals = Referral.objects.filter(
        status__in=flow.AWAITING_RESPONSE, case__practitioner_id__in=owner_ids
    ).select_related("case", "agency")
    return [
        Deadline(
            kind="Chase a referral awaiting response",
            owner_id=r.case.practitioner_id,
            due=flow.chase_due(timezone.localdate(r.sent_at)),
            view="interventions:referral",
            args=(
                r.case.crn,
                r.pk,
            ),
            crn=r.case.crn,
            name=r.case.listed_name,
            detail=f"Sent to {r.agency} on {timezone.localdate(r.sent_at):%-d %b %Y}",
        )
        for r in referrals
    ]
