"""The demo gives demo.facilitator a group meeting this week with a session to take, people
waiting, a session to make up, and demo.po a concern raised at a group session."""

import pytest
from django.utils import timezone

from desist.oversight.actions import alerts_for
from desist.programmes import selectors
from desist.programmes.models import Referral
from desist.seed.demo import seed_demo


@pytest.mark.django_db
def test_demo_facilitator_has_a_group_this_week_and_a_waitlist():
    users = {u.username: u for u in seed_demo(people=120)}
    facilitator, po = users["demo.facilitator"], users["demo.po"]
    home = selectors.facilitator_home(facilitator, timezone.localdate())
    assert len(home["groups"]) == 1 and home["groups"][0].member_count == 6
    assert home["missed"]  # the acceptable absence still to make up
    assert {r.suitability for r in selectors.waitlist(facilitator)} == {"", "SUITABLE"}
    assert Referral.objects.filter(referred_by=po).count() == 10
    assert any("group session" in a.kind for a in alerts_for(po.pk, timezone.localdate()))
