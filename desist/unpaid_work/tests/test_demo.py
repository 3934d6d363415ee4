"""The demo gives demo.pso projects with a register taken last Saturday (hours credited to
demo.po's cases, one person sent home part-way) and sessions still to come."""

import pytest
from django.utils import timezone

from desist.seed.demo import seed_demo
from desist.unpaid_work.models import Placement, Project, WorkSession


@pytest.mark.django_db
def test_demo_pso_runs_projects_with_a_register_taken():
    users = {u.username: u for u in seed_demo(people=120)}
    pso, po = users["demo.pso"], users["demo.po"]
    assert Project.objects.filter(supervisor=pso).count() == 2
    placements = Placement.objects.filter(session__project__supervisor=pso).select_related(
        "appointment__case"
    )
    assert {p.appointment.case.practitioner_id for p in placements} == {po.pk}
    outcomes = {p.appointment.outcome for p in placements}
    assert {"ATTC", "ATSH", "UAAB"} <= outcomes
    sent_home = next(p for p in placements if p.appointment.outcome == "ATSH")
    assert sent_home.hours_credited == 2.5
    assert WorkSession.objects.filter(date__gt=timezone.localdate()).exists()
