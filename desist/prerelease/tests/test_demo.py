"""The demo gives demo.prerelease several people due out with needs recorded, and demo.po
pre-release actions on the home page."""

import pytest
from django.utils import timezone

from desist.oversight.deadlines import deadlines_for
from desist.prerelease.selectors import worklist
from desist.rules.pre_release import Task
from desist.seed.demo import seed_demo


@pytest.mark.django_db
def test_demo_prerelease_sees_people_due_out_and_po_has_actions():
    users = {u.username: u for u in seed_demo(people=120)}
    today = timezone.localdate()
    due = worklist(users["demo.prerelease"], today)
    assert len(due) >= 5
    assert sum(1 for r in due if r.summary.assessed) >= 3
    assert any(r.summary.complete for r in due)
    kinds = {d.kind for d in deadlines_for([users["demo.po"].pk], today)}
    assert Task.SCREEN.value in kinds
