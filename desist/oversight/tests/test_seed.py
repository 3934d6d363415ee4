"""The demo: demo.po's home page has today's appointments, overdue actions and an alert;
demo.spo has a history of weekly meetings with demo.po and a learner's RoSH to countersign."""

from desist.accounts.models import Staff
from desist.seed.demo import seed_demo


def test_the_demo_home_page_and_meetings(db, client, signed_in):
    seed_demo(people=120)
    po, spo = Staff.objects.get(username="demo.po"), Staff.objects.get(username="demo.spo")
    signed_in(po)
    home = client.get("/").context
    assert len(home["appointments"]) >= 2
    assert any(d.kind == "Record an outcome" for d in home["overdue"])
    assert any(a.kind == "New allocation" for a in home["alerts"])
    signed_in(spo)
    meeting = client.get(f"/oversight/practitioners/{po.pk}/meeting/").context
    assert len(meeting["meetings"]) == 2
    assert all(m.oversight.all() for m in meeting["meetings"])
    queue = client.get("/countersigning/").context["items"]
    assert any(item.kind == "RoSH assessment by a PQiP learner" for item, _ in queue)
