"""The demo gives demo.po needs assessments, sentence plans and session tools to look at."""

import pytest

from desist.plans.models import NeedsAssessment, SentencePlan, SessionTool
from desist.risk.models import CaseRisk
from desist.seed.demo import seed_demo


@pytest.mark.django_db
def test_demo_po_has_assessed_needs_and_plans():
    users = {u.username: u for u in seed_demo(people=120)}
    po = users["demo.po"]
    assessments = NeedsAssessment.objects.filter(case__practitioner=po, assessed_by=po)
    assert assessments.count() == 3
    plans = SentencePlan.objects.filter(case__practitioner=po)
    assert plans.count() == 3
    assert plans.filter(objectives__need="ACCOMMODATION").exists()
    assert SessionTool.objects.filter(created_by=po).count() == 2
    risky = CaseRisk.objects.get(case=assessments.order_by("assessed_on").first().case)
    assert "ACCOMMODATION SEVERE" in risky.explanation
