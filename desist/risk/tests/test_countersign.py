"""A PQiP learner's latest RoSH assessment waits for their team's SPO until the SPO records
oversight with the reason "Countersigning" on the case."""

import datetime

from desist.accounts.roles import Role
from desist.oversight import services as oversight
from desist.oversight.constants import OversightReason
from desist.risk.countersign import learners_rosh
from desist.risk.models import RoshAssessment
from desist.risk.tests.conftest import TODAY


def _rosh(case, by, *, assessed_on=TODAY):
    return RoshAssessment.objects.create(
        case=case,
        assessed_on=assessed_on,
        overall="MEDIUM",
        nature_of_harm="Violence",
        review_date=TODAY + datetime.timedelta(weeks=16),
        assessed_by=by,
    )


def test_a_learners_assessment_waits_until_countersigned(make_case, make_staff, manager, team):
    learner = make_staff("learner", Role.PQIP_LEARNER, grade="PQIP")
    case = make_case(practitioner=learner)
    _rosh(case, learner)
    [item] = learners_rosh([team.pk], TODAY)
    assert item.kind == "RoSH assessment by a PQiP learner"
    assert item.requested_by_id == learner.pk
    assert item.url == f"/cases/{case.crn}/oversight/record/?reason=COUNTERSIGN"
    oversight.oversight_record(
        case=case, reason=OversightReason.RISK_REVIEW, notes="Not a countersignature", by=manager
    )
    assert len(learners_rosh([team.pk], TODAY)) == 1
    oversight.oversight_record(
        case=case, reason=OversightReason.COUNTERSIGN, notes="Agreed", by=manager
    )
    assert learners_rosh([team.pk], TODAY) == []
    # A new assessment by the learner waits again.
    _rosh(case, learner, assessed_on=TODAY + datetime.timedelta(days=1))
    assert len(learners_rosh([team.pk], TODAY)) == 1


def test_qualified_officers_and_other_teams_are_not_listed(
    make_case, make_staff, officer, team, django_assert_num_queries
):
    learner = make_staff("learner", Role.PQIP_LEARNER, grade="PQIP")
    _rosh(make_case(), officer)
    replaced = make_case("Re", "Placed")
    _rosh(replaced, learner, assessed_on=TODAY - datetime.timedelta(days=9))
    _rosh(replaced, officer)  # the learner's assessment is no longer the latest
    for i in range(3):
        _rosh(make_case(f"P{i}", "Learnt"), learner)
    with django_assert_num_queries(1):
        assert len(learners_rosh([team.pk], TODAY)) == 3
    assert learners_rosh([team.pk + 1], TODAY) == []
