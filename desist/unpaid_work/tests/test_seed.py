import random
from collections import Counter

from django.db.models import Count

from desist.accounts.roles import Role
from desist.seed.generator import NOW, seed
from desist.seed.unpaid_work import generate_unpaid_work
from desist.sentences.selectors import requirement_ledgers
from desist.supervision.constants import AppointmentType
from desist.supervision.models import Appointment, Contact
from desist.unpaid_work.models import Placement, Project, WorkSession


def test_weekend_sessions_with_hours_credited(db):
    seed(people=150, seed=5, regions=2, progress=False)  # runs generate_unpaid_work
    # Only once: a second run adds nothing.
    assert generate_unpaid_work(rng=random.Random(1), now=NOW, progress=False) == (0, 0, 0)
    sessions = WorkSession.objects.count()
    assert Project.objects.exists() and sessions > 0
    assert Placement.objects.count() > sessions
    assert all(
        Role.PROBATION_SERVICES_OFFICER in p.supervisor.roles
        for p in Project.objects.select_related("supervisor")
    )
    assert {s.date.weekday() for s in WorkSession.objects.all()} <= {5, 6}
    assert all(s.n <= s.capacity for s in WorkSession.objects.annotate(n=Count("placements")))
    upw = Appointment.objects.filter(type=AppointmentType.UNPAID_WORK)
    # No one is booked twice at once, and no supervisor runs two sessions at once.
    assert not Counter(upw.values_list("case_id", "starts_at")).most_common(1)[0][1] > 1
    runs = set(upw.values_list("practitioner_id", "starts_at", "work_placement__session__project"))
    assert len(runs) == len({(who, at) for who, at, _ in runs})
    # Sent home credits part of the day; the ledger counts it; every outcome is on the timeline.
    sent_home = upw.filter(outcome__in=["ATSH", "ATSS"])
    assert sent_home.exists()
    assert all(0 < a.credited_minutes < a.duration_minutes for a in sent_home)
    recorded = upw.exclude(outcome="")
    assert Contact.objects.filter(appointment__in=recorded).count() == recorded.count()
    requirement = recorded.filter(outcome="ATTC").first().requirement
    ledger = requirement_ledgers([requirement])[requirement.pk]
    assert (
        ledger.done
        == sum(a.credited_minutes for a in upw.filter(requirement=requirement).exclude(outcome=""))
        / 60
    )
    assert ledger.done <= requirement.length + 7
