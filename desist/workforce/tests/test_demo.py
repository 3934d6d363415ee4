"""The demo: demo.spo has cases waiting (from court and due for release), and a team whose
capacity varies, with a reduction and part-time hours."""

from desist.accounts.models import Staff
from desist.seed.demo import seed_demo
from desist.workforce.models import AllocationException, QueueSource


def test_the_demo_queue_and_team(db, client, signed_in):
    seed_demo(people=120)
    signed_in(Staff.objects.get(username="demo.spo"))
    queue = client.get("/allocations/").context["entries"]
    assert len(queue) >= 5
    assert {QueueSource.COURT, QueueSource.RELEASE} <= {e.source for e in queue}
    rows = client.get("/team/").context["rows"]
    capacities = {row.staff.username: row.load.capacity.percent for row in rows}
    assert len(set(capacities.values())) >= 3
    po = next(row for row in rows if row.staff.username == "demo.po")
    assert po.load.reductions and po.load.case_count >= 30
    entry = queue[0]
    page = client.get(f"/allocations/{entry.pk}/")
    assert page.status_code == 200 and page.context["suggestions"]


def test_the_demo_has_an_exception_for_the_second_spo_to_countersign(db, client, signed_in):
    seed_demo(people=120)
    signed_in(Staff.objects.get(username="demo.spo2"))
    page = client.get("/countersigning/").content.decode()
    assert "Allocation exception" in page and "Wilkes" in page
    exception = AllocationException.objects.get(entry__case__last_name="Wilkes")
    assert exception.requested_by.username == "demo.spo"
    decision = client.get(f"/allocations/exceptions/{exception.pk}/")
    assert decision.status_code == 200 and "form" in decision.context
