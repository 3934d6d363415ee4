"""The demo shows enforcement working: history answered, a warning and a breach due for the
demo probation officer, and a recall waiting for the SPO."""

from datetime import timedelta

from django.utils import timezone

from desist.enforcement.constants import RecallStatus
from desist.enforcement.demo import answer_history, seed_enforcement_demo
from desist.enforcement.models import EnforcementAction, Recall
from desist.oversight.deadlines import deadlines_for


def test_old_failures_are_answered_and_recent_ones_left_due(case, co_event, fail):
    fail(case, 80)
    fail(case, 40)
    fail(case, 5)
    assert answer_history(timezone.localdate()) == 2
    assert list(EnforcementAction.objects.values_list("code", flat=True)) == ["EA02", "IBR"]


def test_the_demo_officer_has_a_warning_and_a_breach_due_and_a_recall_waits(
    make_case, make_event, licence_event, officer, fail
):
    for name in ("One", "Two"):
        make_event(make_case("Ann", name))
    seed_enforcement_demo(po=officer)
    kinds = sorted(d.kind for d in deadlines_for([officer.pk], timezone.localdate()))
    assert kinds == ["Issue a warning", "Start breach action"]
    recall = Recall.objects.get()
    assert recall.status == RecallStatus.AWAITING and recall.event == licence_event
    assert EnforcementAction.objects.filter(on=timezone.localdate() - timedelta(days=30)).exists()
