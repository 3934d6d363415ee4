"""OPD pathway screen (OASys): does this person meet the Offender Personality Disorder criteria?

Policy (NHS England/HMPPS): the pathway is for people likely to have a severe personality
disorder clinically linked to their risk: men at high risk of serious harm with a violent or
sexual offence; women at high risk of further violent, sexual or criminal-damage offences.

Entry gate: men need RoSH High/Very high AND a current offence flagged violent/sexual (offence
map ``opd_violent_or_sexual``) AND a custodial sentence; women need RoSH High/Very high OR
MAPPA eligibility. Failing the gate screens out (``eligible`` False).
Men screen in on personality score >= 7 or indicator score >= 2; women on 15 items >= 10.
A practitioner override is recorded only on a screen-out (it never changes the computed result).

Sources: steering/research/risk-tools.md §8; MoJ hmpps-arns-risk-actuarial-api @1811fe74 [A]
(OPD fixtures 1, 2, 4 reproduced; OPDTransformationHelper for item scoring: a 0-2 answer
counts 1 when there is any problem). VERIFY: [A] counts a first sanction at 18 (``0..18``);
the spec says "under 18", which is implemented (``FIRST_SANCTION_BEFORE_AGE``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desist.rules.actuarial import ProblemLevel, Sex, Term, term_value

FIRST_SANCTION_BEFORE_AGE = 18
MALE_PERSONALITY_THRESHOLD = 7
MALE_INDICATOR_THRESHOLD = 2
FEMALE_THRESHOLD = 10


class RoshLevel(StrEnum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    VERY_HIGH = "VERY_HIGH"


class OpdOutcome(StrEnum):
    SCREEN_IN = "SCREEN_IN"
    SCREEN_OUT = "SCREEN_OUT"


@dataclass(frozen=True)
class OpdInput:
    """OASys answers used by the screen; unanswered 0-2 items (None) score 0."""

    sex: Sex
    overall_rosh: RoshLevel
    offence_violent_or_sexual: bool
    custodial_sentence: bool
    mappa_eligible: bool = False
    age_at_first_sanction: int | None = None
    # Offence analysis (section 2)
    weapon: bool = False
    violence_or_threat: bool = False
    excessive_violence: bool = False
    arson: bool = False
    emotional_state_motivation: bool = False
    offence_linked_to_risk: bool = False
    recognises_impact_on_others: bool = True
    # Accommodation, relationships, finance, lifestyle
    accommodation_linked_to_risk: bool = False
    childhood_experience: ProblemLevel | None = None
    domestic_abuse: bool = False
    domestic_abuse_against_partner: bool = False
    domestic_abuse_against_family: bool = False
    relationships_linked_to_risk: bool = False
    over_reliance_on_others_for_money: ProblemLevel | None = None
    # Emotional wellbeing (section 10) and mental health
    difficulties_coping: ProblemLevel | None = None
    current_psychological_problems: ProblemLevel | None = None
    current_psychiatric_problems: ProblemLevel | None = None
    current_psychiatric_treatment: bool = False
    history_of_psychiatric_treatment: bool = False
    mental_health_medication: bool = False
    special_hospital_or_secure_unit: bool = False
    obsessive_behaviour_linked_to_offending: bool = False
    self_harm_or_suicide_attempt: bool = False
    emotional_issues_linked_to_risk: bool = False
    # Thinking and behaviour, attitudes, RoSH history
    thinking_behaviour_linked_to_risk: bool = False
    manipulative_or_predatory: ProblemLevel | None = None
    reckless_risk_taking: ProblemLevel | None = None
    childhood_behavioural_problems: bool = False
    impulsivity: ProblemLevel | None = None
    controlling_or_aggressive: ProblemLevel | None = None
    attitude_to_supervision: ProblemLevel | None = None
    assaulted_or_threatened_staff: bool = False
    escaped_or_absconded: bool = False
    control_issues_or_breach_of_trust: bool = False
    practitioner_override: bool | None = None


@dataclass(frozen=True)
class OpdScreen:
    eligible: bool
    outcome: OpdOutcome
    override: bool | None
    personality_score: int | None
    indicator_score: int | None
    female_score: int | None
    terms: tuple[Term, ...]

    def term(self, name: str) -> float:
        return term_value(self.terms, name)


def _any(level: ProblemLevel | None) -> int:
    """A 0-2 answer counts when there is any problem (some or significant)."""
    return int(level is not None and level > ProblemLevel.NO_PROBLEMS)


def _excessive_violence(i: OpdInput) -> int:
    """1 with violence recorded too; 2 when excessive violence is recorded without violence."""
    if not i.excessive_violence:
        return 0
    return 1 if i.violence_or_threat else 2


def eligible_for_screen(i: OpdInput) -> bool:
    high_rosh = i.overall_rosh in (RoshLevel.HIGH, RoshLevel.VERY_HIGH)
    if i.sex is Sex.MALE:
        return high_rosh and i.offence_violent_or_sexual and i.custodial_sentence
    return high_rosh or i.mappa_eligible


def male_personality_items(i: OpdInput) -> tuple[Term, ...]:
    afs = i.age_at_first_sanction
    return (
        Term("first_sanction_under_18", int(afs is not None and afs < FIRST_SANCTION_BEFORE_AGE)),
        Term("violence_or_threat", int(i.violence_or_threat)),
        Term("excessive_violence", _excessive_violence(i)),
        Term("does_not_recognise_impact", int(not i.recognises_impact_on_others)),
        Term("over_reliance_on_others_for_money", _any(i.over_reliance_on_others_for_money)),
        Term("manipulative_or_predatory", _any(i.manipulative_or_predatory)),
        Term("reckless_risk_taking", _any(i.reckless_risk_taking)),
        Term("childhood_behavioural_problems", int(i.childhood_behavioural_problems)),
        Term("impulsivity", _any(i.impulsivity)),
        Term("controlling_or_aggressive", _any(i.controlling_or_aggressive)),
    )


def male_indicator_items(i: OpdInput) -> tuple[Term, ...]:
    mental_health = (
        _any(i.current_psychological_problems)
        or _any(i.current_psychiatric_problems)
        or i.current_psychiatric_treatment
        or i.history_of_psychiatric_treatment
        or i.mental_health_medication
        or i.special_hospital_or_secure_unit
        or i.obsessive_behaviour_linked_to_offending
    )
    challenging = (
        _any(i.attitude_to_supervision)
        or i.assaulted_or_threatened_staff
        or i.escaped_or_absconded
        or i.control_issues_or_breach_of_trust
    )
    childhood = _any(i.childhood_experience) or i.childhood_behavioural_problems
    return (
        Term("childhood_difficulties", int(bool(childhood))),
        Term("mental_health_history", int(bool(mental_health))),
        Term("self_harm_or_suicide_attempt", int(i.self_harm_or_suicide_attempt)),
        Term("severe_challenging_behaviour", int(bool(challenging))),
    )


def female_items(i: OpdInput) -> tuple[Term, ...]:
    abuse = i.domestic_abuse and (
        i.domestic_abuse_against_partner or i.domestic_abuse_against_family
    )
    return (
        Term("weapon", int(i.weapon)),
        Term("violence_or_threat", int(i.violence_or_threat)),
        Term("excessive_violence", _excessive_violence(i)),
        Term("arson", int(i.arson)),
        Term("emotional_state_motivation", int(i.emotional_state_motivation)),
        Term("offence_linked_to_risk", int(i.offence_linked_to_risk)),
        Term("accommodation_linked_to_risk", int(i.accommodation_linked_to_risk)),
        Term("childhood_experience", _any(i.childhood_experience)),
        Term("domestic_abuse_partner_or_family", int(abuse)),
        Term("relationships_linked_to_risk", int(i.relationships_linked_to_risk)),
        Term("difficulties_coping", _any(i.difficulties_coping)),
        Term("current_psychological_problems", _any(i.current_psychological_problems)),
        Term("self_harm_or_suicide_attempt", int(i.self_harm_or_suicide_attempt)),
        Term("emotional_issues_linked_to_risk", int(i.emotional_issues_linked_to_risk)),
        Term("thinking_behaviour_linked_to_risk", int(i.thinking_behaviour_linked_to_risk)),
    )


def opd_screen(i: OpdInput) -> OpdScreen:
    if not eligible_for_screen(i):
        return OpdScreen(
            False, OpdOutcome.SCREEN_OUT, i.practitioner_override, None, None, None, ()
        )
    if i.sex is Sex.MALE:
        personality, indicators = male_personality_items(i), male_indicator_items(i)
        p_score = int(sum(t.value for t in personality))
        i_score = int(sum(t.value for t in indicators))
        screened_in = p_score >= MALE_PERSONALITY_THRESHOLD or i_score >= MALE_INDICATOR_THRESHOLD
        terms, f_score = personality + indicators, None
    else:
        terms = female_items(i)
        p_score = i_score = None
        f_score = int(sum(t.value for t in terms))
        screened_in = f_score >= FEMALE_THRESHOLD
    outcome = OpdOutcome.SCREEN_IN if screened_in else OpdOutcome.SCREEN_OUT
    override = i.practitioner_override if outcome is OpdOutcome.SCREEN_OUT else None
    return OpdScreen(True, outcome, override, p_score, i_score, f_score, terms)
