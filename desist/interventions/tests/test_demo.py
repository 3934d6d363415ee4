"""The demo gives demo.po referrals in different states, an unread agency concern, a referral
to chase, and people without settled accommodation on the caseload."""

import pytest
from django.utils import timezone

from desist.interventions.alerts import agency_concerns
from desist.interventions.deadlines import referrals_awaiting_response
from desist.interventions.models import AccommodationStatus, Agency, Referral
from desist.seed.demo import seed_demo


@pytest.mark.django_db
def test_demo_po_has_referrals_in_every_state_and_an_alert():
    users = {u.username: u for u in seed_demo(people=120)}
    po, today = users["demo.po"], timezone.localdate()
    assert Agency.objects.values("category").distinct().count() == 7
    statuses = set(Referral.objects.filter(case__practitioner=po).values_list("status", flat=True))
    assert statuses == {"DRAFT", "SENT", "STARTED", "COMPLETED", "DECLINED"}
    assert Referral.objects.filter(status="STARTED", objective__need="ACCOMMODATION").exists()
    assert len(agency_concerns([po.pk], today)) == 1
    (chase,) = referrals_awaiting_response([po.pk], today)
    assert chase.status(today) == "overdue"
    assert (
        AccommodationStatus.objects.filter(case__practitioner=po).exclude(status="SETTLED").exists()
    )
