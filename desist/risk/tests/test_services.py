import datetime

import pytest

from desist.audit.models import Action, AuditEvent
from desist.people.services import StaleEdit
from desist.risk import services
from desist.risk.constants import RegistrationType
from desist.risk.models import CaseRisk, Registration, TierCalculation
from desist.risk.tests.conftest import ROSH_TEXT, TODAY, rosh_levels

pytestmark = pytest.mark.django_db


def record_rosh(case, by, **levels):
    return services.rosh_record(
        case=case, by=by, assessed_on=TODAY, **rosh_levels(**levels), **ROSH_TEXT
    )


def test_adding_a_flag_shows_it_and_recalculates_the_tier(case, add_registration):
    registration = add_registration(case, RegistrationType.MENTAL_HEALTH)
    risk = CaseRisk.objects.get(case=case)
    assert [f["label"] for f in risk.flags] == ["Mental health issues"]
    assert risk.tier_v2 == "D0"
    assert "complexity factors: MENTAL_HEALTH (2 points)" in risk.explanation
    audit = AuditEvent.objects.get(subject="registration", subject_id=str(registration.pk))
    assert audit.action == Action.CREATE
    assert audit.changes["type"] == [None, "RMDO"]


def test_mappa_flags_carry_category_and_level(case, add_registration):
    add_registration(case, RegistrationType.MAPPA, mappa_category="M2", mappa_level="M2")
    risk = CaseRisk.objects.get(case=case)
    assert risk.flags[0]["label"] == "MAPPA category 2 level 2"
    assert risk.tier_v2.startswith("A")  # MAPPA level 2 is 150 protect points


def test_ending_a_flag_keeps_it_with_its_reason(case, add_registration, officer):
    registration = add_registration(case)
    services.registration_deregister(
        registration=registration,
        version=registration.version,
        by=officer,
        deregistered_on=TODAY,
        reason="Relationship ended",
    )
    registration.refresh_from_db()
    assert not registration.active
    assert registration.deregistration_reason == "Relationship ended"
    assert CaseRisk.objects.get(case=case).flags == []
    audit = AuditEvent.objects.filter(subject="registration", action=Action.CHANGE).get()
    assert audit.changes["deregistration_reason"] == ["", "Relationship ended"]


def test_ending_a_flag_someone_else_changed_is_refused(case, add_registration, officer):
    registration = add_registration(case)
    with pytest.raises(StaleEdit):
        services.registration_deregister(
            registration=registration,
            version=registration.version + 1,
            by=officer,
            deregistered_on=TODAY,
            reason="x",
        )


def test_rosh_sets_the_overall_level_registration_and_tier(case, officer):
    record_rosh(case, officer, community="LOW", public_community="MEDIUM")
    first = CaseRisk.objects.get(case=case)
    assert (first.rosh, first.tier_v2) == ("MEDIUM", "C0")
    assert "RoSH MEDIUM (10 points)" in first.explanation
    assessment = record_rosh(case, officer, children_community="HIGH")
    assert assessment.overall == "HIGH"
    audit = AuditEvent.objects.get(subject="roshassessment", subject_id=str(assessment.pk))
    assert audit.changes["children_community"] == [None, "HIGH"]
    assert audit.changes["overall"] == [None, "HIGH"]
    assert assessment.review_date == TODAY + datetime.timedelta(weeks=16)
    assert CaseRisk.objects.get(case=case).tier_v2 == "B0"
    active = Registration.objects.filter(case=case, deregistered_on=None)
    assert [r.type for r in active] == [RegistrationType.ROSH_HIGH]
    assert list(TierCalculation.objects.filter(case=case).values_list("tier_v2", flat=True)) == [
        "B0",
        "C0",
    ]


def test_scores_are_computed_not_typed(case, officer):
    scores = services.scores_record(
        case=case,
        by=officer,
        assessed_on=TODAY,
        inputs={
            "offence_code": "10400",
            "conviction_date": "2025-06-01",
            "start_of_follow_up": "2025-06-01",
            "total_sanctions": 5,
            "age_at_first_sanction": 18,
        },
    )
    assert 1 <= scores.ogrs3_one_year <= scores.ogrs3_two_year <= 99
    assert [t["name"] for t in scores.ogrs3_terms][0] == "Age and gender"
    # OGRS feeds the change level, which stays 0 until sentences supply a mandate for change.
    assert "no current custody or change work" in CaseRisk.objects.get(case=case).explanation
