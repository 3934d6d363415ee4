"""Builders for workload and allocation tests: a case's tier, RoSH and sentence, and a case
waiting in the team's allocation queue."""

import pytest
from django.utils import timezone

from desist.workforce.demo import add_sentence, set_risk
from desist.workforce.models import QueueSource
from desist.workforce.services import queue_for_allocation


@pytest.fixture
def community_case(make_case):
    """Build a community case at a tier, held by a practitioner (or nobody)."""

    def make(practitioner, *, tier="B2", rosh="MEDIUM", first="Case", last="Held"):
        case = make_case(first, last, practitioner=practitioner)
        set_risk(case, tier=tier, rosh=rosh)
        add_sentence(case)
        return case

    return make


@pytest.fixture
def waiting(make_case, manager, team):
    """A new community order from court, waiting in the team's queue."""

    def make(*, tier="B2", rosh="MEDIUM", first="Wendy", last="Waiting", **details):
        case = make_case(first, last, practitioner=None, **details)
        set_risk(case, tier=tier, rosh=rosh)
        event = add_sentence(case)
        return queue_for_allocation(
            case=case,
            pdu=team.pdu,
            team=team,
            event=event,
            source=QueueSource.COURT,
            starts_on=timezone.localdate(),
            by=manager,
        )

    return make
