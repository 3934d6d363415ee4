"""The "new allocation" alert: a case someone else allocated to me lately, still mine."""

from datetime import timedelta

from django.utils import timezone

from desist.oversight.alerts import ALERT_DAYS
from desist.people import services
from desist.people.alerts import new_allocations
from desist.people.models import Allocation


def test_a_case_allocated_to_me_by_someone_else(make_case, officer, manager, colleague):
    mine = make_case(practitioner=None)
    services.case_allocate(case=mine, practitioner=officer, by=manager)
    make_case("Self", "Allocated")  # the officer allocated it to themselves: no news
    moved_on = make_case("Moved", "On", practitioner=None)
    services.case_allocate(case=moved_on, practitioner=officer, by=manager)
    services.case_allocate(case=moved_on, practitioner=colleague, by=manager)
    [alert] = new_allocations([officer.pk], timezone.localdate())
    assert alert.kind == "New allocation" and alert.crn == mine.crn
    assert alert.detail == f"Allocated to you by {manager}"


def test_old_allocations_are_no_longer_news(make_case, officer, manager):
    case = make_case(practitioner=None)
    services.case_allocate(case=case, practitioner=officer, by=manager)
    Allocation.objects.filter(case=case).update(
        started_at=timezone.now() - timedelta(days=ALERT_DAYS + 1)
    )
    assert new_allocations([officer.pk], timezone.localdate()) == []
