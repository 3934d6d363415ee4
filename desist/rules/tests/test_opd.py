"""OPD screen: every risk.json vector, entry gates, thresholds on both sides, monotonicity."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules.actuarial import ProblemLevel, Sex
from desist.rules.opd import (
    FEMALE_THRESHOLD,
    OpdInput,
    OpdOutcome,
    OpdScreen,
    RoshLevel,
    opd_screen,
)
from desist.rules.tests.test_actuarial import assert_matches, level, vector_params


def input_from(inp: dict[str, Any]) -> OpdInput:
    return OpdInput(
        sex=Sex(inp["gender"]),
        overall_rosh=RoshLevel(inp["overallRiskForAssessment"]),
        offence_violent_or_sexual=inp["resolved"]["opd_violent_or_sexual"],
        custodial_sentence=bool(inp.get("hasCustodialSentence")),
        mappa_eligible=bool(inp.get("isEligibleForMappa")),
        age_at_first_sanction=inp.get("ageAtFirstSanction"),
        weapon=bool(inp.get("didOffenceInvolveCarryingOrUsingWeapon")),
        violence_or_threat=bool(inp.get("didOffenceInvolveViolenceOrThreatOfViolence")),
        excessive_violence=bool(inp.get("didOffenceInvolveExcessiveUseOfViolence")),
        arson=bool(inp.get("didOffenceInvolveArson")),
        emotional_state_motivation=bool(inp.get("offenceMotivationEmotionalState")),
        offence_linked_to_risk=bool(inp.get("isAnalysisOfOffenceIssuesLinkedToRisk")),
        recognises_impact_on_others=inp.get("doesRecogniseImpactOfOffendingOnOthers") is not False,
        accommodation_linked_to_risk=bool(inp.get("hasAccommodationIssuesLinkedToRisk")),
        childhood_experience=level(inp.get("experienceOfChildhood")),
        domestic_abuse=bool(inp.get("evidenceOfDomesticAbuse")),
        domestic_abuse_against_partner=bool(inp.get("domesticAbuseAgainstPartner")),
        domestic_abuse_against_family=bool(inp.get("domesticAbuseAgainstFamily")),
        relationships_linked_to_risk=bool(inp.get("relationshipIssuesLinkedToRisk")),
        over_reliance_on_others_for_money=level(inp.get("overRelianceOnOthersForFinancialSupport")),
        difficulties_coping=level(inp.get("difficultiesCoping")),
        current_psychological_problems=level(inp.get("currentPsychologicalProblems")),
        current_psychiatric_problems=level(inp.get("currentPsychiatricProblems")),
        current_psychiatric_treatment=bool(inp.get("hasCurrentPsychiatricTreatment")),
        history_of_psychiatric_treatment=bool(inp.get("hasHistoryOfPsychiatricTreatment")),
        mental_health_medication=bool(inp.get("hasBeenOnMedicationForMentalHealthProblems")),
        special_hospital_or_secure_unit=bool(
            inp.get("hasEverBeenInSpecialHospitalOrRegionalSecureUnit")
        ),
        obsessive_behaviour_linked_to_offending=bool(
            inp.get("hasDisplayedObsessiveBehaviourLinkedToOffending")
        ),
        self_harm_or_suicide_attempt=bool(inp.get("hasSelfHarmOrAttemptedSuicide")),
        emotional_issues_linked_to_risk=bool(inp.get("areEmotionalIssuesLinkedToRisk")),
        thinking_behaviour_linked_to_risk=bool(
            inp.get("areThinkingAndBehaviourIssuesLinkedToRisk")
        ),
        manipulative_or_predatory=level(inp.get("manipulativeOrPredatoryBehaviour")),
        reckless_risk_taking=level(inp.get("recklessnessAndRiskTakingBehaviour")),
        childhood_behavioural_problems=bool(inp.get("isEvidenceOfChildhoodBehaviouralProblems")),
        impulsivity=level(inp.get("impulsivityProblems")),
        controlling_or_aggressive=level(inp.get("controllingOrAggressiveBehaviour")),
        attitude_to_supervision=level(inp.get("attitudeTowardsSupervisionOrLicence")),
        assaulted_or_threatened_staff=bool(inp.get("hasAssaultedOrThreatenedStaff")),
        escaped_or_absconded=bool(inp.get("hasEscapedOrAbsconded")),
        control_issues_or_breach_of_trust=bool(inp.get("hasControlIssues")),
        practitioner_override=inp.get("applyOPDOverride"),
    )


def as_api(r: OpdScreen) -> dict[str, Any]:
    return {"opdCheck": r.eligible, "opdResult": r.outcome.value, "opdOverride": r.override}


@pytest.mark.parametrize("vector", vector_params("OPD_SCREEN"))
def test_opd_vectors(vector: dict[str, Any]) -> None:
    assert_matches(vector["expected"], as_api(opd_screen(input_from(vector["input"]))))


MAN = OpdInput(Sex.MALE, RoshLevel.HIGH, offence_violent_or_sexual=True, custodial_sentence=True)
WOMAN = OpdInput(
    Sex.FEMALE, RoshLevel.HIGH, offence_violent_or_sexual=False, custodial_sentence=False
)
SOME = ProblemLevel.SOME_PROBLEMS


@pytest.mark.parametrize(
    "change",
    [
        {"overall_rosh": RoshLevel.MEDIUM},
        {"offence_violent_or_sexual": False},
        {"custodial_sentence": False},
    ],
)
def test_men_fail_the_gate_without_all_three_conditions(change: dict[str, Any]) -> None:
    loaded = replace(
        MAN, self_harm_or_suicide_attempt=True, mental_health_medication=True, **change
    )
    r = opd_screen(loaded)
    assert not r.eligible and r.outcome is OpdOutcome.SCREEN_OUT


def test_women_pass_the_gate_on_rosh_or_mappa() -> None:
    assert opd_screen(WOMAN).eligible
    assert opd_screen(replace(WOMAN, overall_rosh=RoshLevel.LOW, mappa_eligible=True)).eligible
    assert not opd_screen(replace(WOMAN, overall_rosh=RoshLevel.MEDIUM)).eligible


MALE_PERSONALITY = [
    {"age_at_first_sanction": 15},
    {"violence_or_threat": True},
    {"recognises_impact_on_others": False},
    {"over_reliance_on_others_for_money": SOME},
    {"manipulative_or_predatory": SOME},
    {"reckless_risk_taking": SOME},
    {"childhood_behavioural_problems": True},
    {"impulsivity": SOME},
    {"controlling_or_aggressive": SOME},
    {"excessive_violence": True},
]


def _merge(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {k: v for item in items for k, v in item.items()}


def test_male_personality_threshold_both_sides() -> None:
    six = replace(MAN, **_merge(MALE_PERSONALITY[:6]))
    # childhood behavioural problems is also an indicator, so it is not among the first six
    assert opd_screen(six).personality_score == 6
    assert opd_screen(six).outcome is OpdOutcome.SCREEN_OUT
    seven = replace(six, impulsivity=SOME)
    assert opd_screen(seven).personality_score == 7
    assert opd_screen(seven).outcome is OpdOutcome.SCREEN_IN


def test_male_indicator_threshold_both_sides() -> None:
    one = replace(MAN, self_harm_or_suicide_attempt=True)
    assert opd_screen(one).indicator_score == 1 and opd_screen(one).outcome is OpdOutcome.SCREEN_OUT
    two = replace(one, assaulted_or_threatened_staff=True)
    assert opd_screen(two).indicator_score == 2 and opd_screen(two).outcome is OpdOutcome.SCREEN_IN


def test_excessive_violence_without_violence_scores_two() -> None:
    assert opd_screen(replace(MAN, excessive_violence=True)).term("excessive_violence") == 2
    both = replace(MAN, excessive_violence=True, violence_or_threat=True)
    assert opd_screen(both).term("excessive_violence") == 1


def test_first_sanction_at_18_does_not_count() -> None:
    assert opd_screen(replace(MAN, age_at_first_sanction=17)).term("first_sanction_under_18") == 1
    assert opd_screen(replace(MAN, age_at_first_sanction=18)).term("first_sanction_under_18") == 0


FEMALE_ITEMS = [
    {"weapon": True},
    {"violence_or_threat": True},
    {"arson": True},
    {"emotional_state_motivation": True},
    {"offence_linked_to_risk": True},
    {"accommodation_linked_to_risk": True},
    {"childhood_experience": SOME},
    {"domestic_abuse": True, "domestic_abuse_against_family": True},
    {"relationships_linked_to_risk": True},
    {"difficulties_coping": SOME},
    {"current_psychological_problems": SOME},
    {"self_harm_or_suicide_attempt": True},
    {"emotional_issues_linked_to_risk": True},
    {"thinking_behaviour_linked_to_risk": True},
]


def test_female_threshold_both_sides() -> None:
    nine = replace(WOMAN, **_merge(FEMALE_ITEMS[: FEMALE_THRESHOLD - 1]))
    assert opd_screen(nine).female_score == 9 and opd_screen(nine).outcome is OpdOutcome.SCREEN_OUT
    ten = replace(WOMAN, **_merge(FEMALE_ITEMS[:FEMALE_THRESHOLD]))
    assert opd_screen(ten).female_score == 10 and opd_screen(ten).outcome is OpdOutcome.SCREEN_IN


def test_domestic_abuse_counts_only_against_partner_or_family() -> None:
    assert (
        opd_screen(replace(WOMAN, domestic_abuse=True)).term("domestic_abuse_partner_or_family")
        == 0
    )


def test_override_is_recorded_only_on_screen_out() -> None:
    out = opd_screen(replace(WOMAN, practitioner_override=True))
    assert out.outcome is OpdOutcome.SCREEN_OUT and out.override is True
    in_ = opd_screen(replace(WOMAN, practitioner_override=True, **_merge(FEMALE_ITEMS)))
    assert in_.outcome is OpdOutcome.SCREEN_IN and in_.override is None


BOOL_FIELDS = [
    f.name
    for f in fields(OpdInput)
    if f.type == "bool"
    and f.name
    not in (
        "custodial_sentence",
        "offence_violent_or_sexual",
        "mappa_eligible",
        "recognises_impact_on_others",
    )
]
LEVEL_FIELDS = [f.name for f in fields(OpdInput) if "ProblemLevel" in str(f.type)]


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Any]:
    chosen = {n: draw(st.booleans()) for n in BOOL_FIELDS}
    chosen |= {n: draw(st.sampled_from([None, *ProblemLevel])) for n in LEVEL_FIELDS}
    chosen["recognises_impact_on_others"] = draw(st.booleans())
    chosen["age_at_first_sanction"] = draw(st.integers(min_value=10, max_value=60))
    return chosen


@given(st.sampled_from([MAN, WOMAN]), answers(), st.sampled_from(BOOL_FIELDS + LEVEL_FIELDS))
@settings(max_examples=200, deadline=None)
def test_adding_a_concern_never_screens_out(
    base: OpdInput, chosen: dict[str, Any], item: str
) -> None:
    before = opd_screen(replace(base, **chosen))
    worse = {**chosen, item: True if item in BOOL_FIELDS else ProblemLevel.SIGNIFICANT_PROBLEMS}
    # excessive violence alone scores 2, with violence 1: the only item that can fall
    if item == "violence_or_threat" and chosen["excessive_violence"]:
        return
    after = opd_screen(replace(base, **worse))
    if before.outcome is OpdOutcome.SCREEN_IN:
        assert after.outcome is OpdOutcome.SCREEN_IN
