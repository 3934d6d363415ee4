import pytest

from desist.audit.models import Action, AuditEvent
from desist.people.services import StaleEdit
from desist.prerelease.models import PathwayNeed
from desist.prerelease.services import resettlement_record

pytestmark = pytest.mark.django_db

DETAILS = {
    "prison": None,
    "release_address": "1 Quay Road, Newcastle NE1 3AA",
    "release_accommodation": "SETTLED",
    "address_confirmed": False,
    "licence_proposed_on": None,
}


def test_first_save_creates_the_plan_and_audits_each_pathway(case, make_custody, officer):
    event = make_custody(case)
    plan = resettlement_record(
        event=event,
        version=0,
        by=officer,
        needs={"ACCOMMODATION": ("NEED", "Hostel place sought"), "HEALTH": ("NO_NEED", "")},
        **DETAILS,
    )
    assert plan.version == 1
    assert dict(plan.needs.values_list("pathway", "status")) == {
        "ACCOMMODATION": "NEED",
        "HEALTH": "NO_NEED",
    }
    audit = AuditEvent.objects.get(subject="resettlement_plan")
    assert audit.action == Action.CREATE and audit.case == case
    assert audit.changes["need_accommodation"] == [None, "NEED: Hostel place sought"]
    assert audit.changes["release_address"] == [None, DETAILS["release_address"]]


def test_a_change_updates_clears_and_audits(case, make_custody, officer):
    event = make_custody(case)
    plan = resettlement_record(
        event=event, version=0, by=officer, needs={"WORK": ("NEED", "")}, **DETAILS
    )
    plan = resettlement_record(
        event=event,
        version=plan.version,
        by=officer,
        needs={"FAMILY": ("RESOLVED", "")},
        **{**DETAILS, "address_confirmed": True},
    )
    assert list(PathwayNeed.objects.values_list("pathway", flat=True)) == ["FAMILY"]
    change = AuditEvent.objects.filter(subject="resettlement_plan").first()
    assert change.action == Action.CHANGE
    assert change.changes["address_confirmed"] == [False, True]
    assert change.changes["need_work"] == ["NEED", None]


def test_a_save_over_someone_elses_is_refused(case, make_custody, officer):
    event = make_custody(case)
    resettlement_record(event=event, version=0, by=officer, needs={}, **DETAILS)
    with pytest.raises(StaleEdit):
        resettlement_record(
            event=event, version=0, by=officer, needs={"WORK": ("NEED", "")}, **DETAILS
        )
    assert not PathwayNeed.objects.exists()
