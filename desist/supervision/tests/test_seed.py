from collections import Counter
from datetime import UTC, datetime

from desist.people.models import Case
from desist.seed.generator import seed
from desist.supervision.constants import COMPLIANCE_OF_OUTCOME, RESCHEDULED, SHARED_TYPES
from desist.supervision.models import Appointment, Contact
from desist.supervision.selectors import GOING_AHEAD


def test_a_year_of_supervision_in_realistic_proportions(db):
    seed(people=120, seed=5, regions=2, progress=False)
    people = Case.objects.count()
    # About 30 a person a year from supervision itself; groups and unpaid work add their own.
    contacts = Contact.objects.exclude(appointment__type__in=SHARED_TYPES).count()
    assert 20 <= contacts / people <= 32
    outcomes = Counter(
        COMPLIANCE_OF_OUTCOME.get(o) for o in Appointment.objects.values_list("outcome", flat=True)
    )
    past = sum(n for c, n in outcomes.items() if c)
    assert outcomes["complied"] / past > 0.75
    assert 0.03 < outcomes["unacceptable"] / past < 0.08
    assert outcomes["acceptable"] > 0
    assert not Appointment.objects.filter(outcome__in=RESCHEDULED).exists()
    # Every outcome has its contact on the timeline.
    assert Contact.objects.filter(system_generated=True).count() == past
    # No practitioner is booked twice at once, but for the people of one group or work session.
    starts = (
        Appointment.objects.filter(GOING_AHEAD)
        .exclude(type__in=SHARED_TYPES)
        .values_list("practitioner_id", "starts_at")
    )
    assert len(set(starts)) == len(starts)
    # Some are still to come, and a few past ones wait for an outcome.
    now = datetime(2026, 11, 23, 9, tzinfo=UTC)
    assert Appointment.objects.filter(starts_at__gt=now).exists()
    assert Appointment.objects.filter(starts_at__lt=now, outcome="").exists()
