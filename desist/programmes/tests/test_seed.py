"""The bulk seed for programmes (desist.seed.programmes) makes what the service would."""

import random

import pytest
from django.utils import timezone

from desist.programmes import selectors
from desist.programmes.models import Attendance, Group, Referral
from desist.seed.programmes import seed_programmes
from desist.sentences.selectors import requirement_ledgers
from desist.supervision.models import Appointment

pytestmark = pytest.mark.django_db


def test_most_people_with_a_programme_requirement_are_placed_in_a_group(
    make_prog, facilitator, office
):
    requirements = [make_prog(f"P{n}", "Person") for n in range(5)]
    made = seed_programmes(rng=random.Random(7), now=timezone.now(), progress=False)
    assert made["programmes_referral"] == 5
    members = list(Referral.objects.filter(group__isnull=False))
    assert len(members) == 4 and Group.objects.count() == 1
    group = Group.objects.get()
    assert group.lead_facilitator == facilitator and group.sessions.count() == 21
    assert Appointment.objects.filter(type="GROUP").count() == 4 * 21
    assert Attendance.objects.count() == 4 * 21
    held = group.sessions.filter(starts_at__lt=timezone.now()).count()
    assert Appointment.objects.exclude(outcome="").count() <= 4 * held
    # The seeded rows read back through the service's own selectors and ledgers.
    progress = selectors.progress_of(members, timezone.now())
    ledgers = requirement_ledgers(requirements)
    for member in members:
        assert ledgers[member.requirement_id].done == len(progress[member.pk].attended)
    again = seed_programmes(rng=random.Random(7), now=timezone.now(), progress=False)
    assert again == dict.fromkeys(made, 0)
