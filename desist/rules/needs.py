"""Criminogenic needs: the questions of each OASys needs section and how a section is scored.

A needs assessment answers a few structured questions per section. Each section's score is
the sum of its answers and is compared with that section's thresholds to give a severity
(no need, standard, severe); the severities of the eight scored sections feed the tiering v2
change level. The arithmetic (answer values, "all missing means no score", thresholds and the
SAN overrides) is ``desist.rules.tiering.need_section_score``/``need_section_severity``; this
module adds the question catalogue and what the practitioner sees for each section.

Sources (wording ours):

* Desist practice notes ``shared/practice/tiering-and-workload.md`` section 1.4.3 (answer
  values, thresholds per section, the SAN overrides) and 1.4.2 (which sections weigh in the
  change level).
* ``ministryofjustice/hmpps-tier`` @ ``affac98a`` ``client/arns/NeedSection.kt``: the question
  keys of each section and the per-section "linked to risk of serious harm" and "linked to
  reoffending" answers (yes / no / unknown) that OASys records beside the score.
* ``shared/practice/vocabulary.md``: the ten needs (finance and emotional wellbeing included).

VERIFY: the notes give no questions or thresholds for finance and emotional wellbeing (they
weigh 0 in the change level). Their questions here follow OASys sections 5 and 10 as we
understand them; they are summed but never banded, and count as a need only when the
practitioner links them to harm or reoffending. Parenting responsibilities, impulsivity and
temper control are asked but not summed: they feed only the women's protect factors.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from desist.rules.tiering import (
    Answer,
    Need,
    NeedSeverity,
    WomenAnswers,
    YesNo,
    need_section_score,
)
from desist.rules.tiering import need_section_severity as _severity

__all__ = [
    "SECTIONS",
    "AnswerKind",
    "Question",
    "Section",
    "SectionResult",
    "score_assessment",
    "score_section",
    "tier_needs",
    "women_answers",
]


class AnswerKind(StrEnum):
    """The three OASys answer scales (notes 1.4.3)."""

    YES_NO = "YES_NO"  # Yes 2, No 0
    PROBLEM = "PROBLEM"  # None 0, Some 1, Significant 2
    FREQUENCY = "FREQUENCY"  # Never 0, Previous 1, Currently 2

    @property
    def choices(self) -> tuple[tuple[Answer, str], ...]:
        """The answers a practitioner can pick, lowest first, then "not known"."""
        return _CHOICES[self]


_CHOICES = {
    AnswerKind.YES_NO: ((Answer.NO, "No"), (Answer.YES, "Yes"), (Answer.UNKNOWN, "Not known")),
    AnswerKind.PROBLEM: (
        (Answer.NONE, "No problems"),
        (Answer.SOME, "Some problems"),
        (Answer.SIGNIFICANT, "Significant problems"),
        (Answer.MISSING, "Not known"),
    ),
    AnswerKind.FREQUENCY: (
        (Answer.NEVER, "Never"),
        (Answer.PREVIOUS, "Previously"),
        (Answer.CURRENTLY, "Currently"),
        (Answer.FREQUENCY_UNKNOWN, "Not known"),
    ),
}


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    kind: AnswerKind = AnswerKind.PROBLEM
    scored: bool = True  # False: asked for the women's factors only, not summed


@dataclass(frozen=True)
class Section:
    need: Need
    title: str
    questions: tuple[Question, ...]

    @property
    def banded(self) -> bool:
        """Whether the section has thresholds (and so a severity)."""
        return self.need not in _UNBANDED


_UNBANDED = frozenset({Need.FINANCIAL_MANAGEMENT_AND_INCOME, Need.EMOTIONAL_WELL_BEING})
Q = Question
YN, FREQ = AnswerKind.YES_NO, AnswerKind.FREQUENCY

#: The ten sections in the order OASys asks them.
SECTIONS: tuple[Section, ...] = (
    Section(
        Need.ACCOMMODATION,
        "Accommodation",
        (
            Q("noFixedAbodeOrTransient", "No fixed abode or transient accommodation", YN),
            Q("suitabilityOfAccommodation", "Suitability of accommodation"),
            Q("permanenceOfAccommodation", "Permanence of accommodation"),
            Q("locationOfAccommodation", "Suitability of the location"),
        ),
    ),
    Section(
        Need.EDUCATION_TRAINING_AND_EMPLOYABILITY,
        "Education, training and employability",
        (
            Q("unemployed", "Unemployed, or will be on release"),
            Q("employmentHistory", "Employment history"),
            Q("workRelatedSkills", "Work-related skills"),
            Q("attitudeToEmployment", "Attitude to employment"),
        ),
    ),
    Section(
        Need.FINANCIAL_MANAGEMENT_AND_INCOME,
        "Finance",
        (
            Q("financialSituation", "Financial situation"),
            Q("illegalEarnings", "Illegal earnings are a source of income", YN),
            Q("overRelianceOnOthers", "Over-reliance on family or friends for money"),
            Q("managesMoney", "Managing money"),
        ),
    ),
    Section(
        Need.RELATIONSHIPS,
        "Relationships",
        (
            Q("relCloseFamily", "Relationships with close family"),
            Q("experienceOfChildhood", "Experience of childhood"),
            Q("prevCloseRelationships", "Previous close relationships"),
            Q("parentalResponsibilities", "Has parenting responsibilities", YN, scored=False),
        ),
    ),
    Section(
        Need.LIFESTYLE_AND_ASSOCIATES,
        "Lifestyle and associates",
        (
            Q("regActivitiesEncourageOffending", "Regular activities encourage offending"),
            Q("easilyInfluenced", "Easily influenced by criminal associates"),
            Q("recklessness", "Recklessness and risk-taking behaviour"),
        ),
    ),
    Section(
        Need.DRUG_MISUSE,
        "Drug misuse",
        (
            Q("currentDrugNoted", "Current drug use"),
            Q("everInjectedDrugs", "Has injected drugs", FREQ),
            Q("motivationToTackleDrugMisuse", "Motivation to tackle drug misuse"),
            Q("drugsMajorActivity", "Using and obtaining drugs is a major activity"),
        ),
    ),
    Section(
        Need.ALCOHOL_MISUSE,
        "Alcohol misuse",
        (
            Q("currentUse", "Current use of alcohol"),
            Q("bingeDrinking", "Binge drinking or excessive use in the last six months"),
            Q("frequencyAndLevel", "Frequency and level of alcohol misuse in the past"),
            Q("alcoholTackleMotivation", "Motivation to tackle alcohol misuse"),
        ),
    ),
    Section(
        Need.EMOTIONAL_WELL_BEING,
        "Emotional wellbeing",
        (
            Q("difficultiesCoping", "Difficulties coping"),
            Q("psychologicalProblems", "Current psychological problems or depression"),
            Q("socialIsolation", "Social isolation"),
            Q("attitudeToSelf", "Attitude to self"),
        ),
    ),
    Section(
        Need.THINKING_AND_BEHAVIOUR,
        "Thinking and behaviour",
        (
            Q("recogniseProblems", "Recognising problems"),
            Q("problemSolvingSkills", "Problem-solving skills"),
            Q("awarenessOfConsequences", "Awareness of consequences"),
            Q("understandsViewsOfOthers", "Understanding other people's views"),
            Q("impulsivity", "Impulsivity", scored=False),
            Q("temperControl", "Temper control", scored=False),
        ),
    ),
    Section(
        Need.ATTITUDES,
        "Attitudes",
        (
            Q("proCriminalAttitudes", "Pro-criminal attitudes"),
            Q("attitudesTowardsSupervision", "Attitude to supervision or licence"),
            Q("attitudesTowardsCommunitySociety", "Attitude to community and society"),
            Q("motivationToAddressBehaviour", "Motivation to address offending behaviour"),
        ),
    ),
)
SECTION_BY_NEED: Mapping[Need, Section] = {s.need: s for s in SECTIONS}


@dataclass(frozen=True)
class SectionResult:
    """One section as the results page shows it."""

    need: Need
    score: int | None  # None: nothing really answered
    severity: NeedSeverity | None  # None: not scored, or a section without thresholds
    linked_to_harm: bool
    linked_to_reoffending: bool

    @property
    def is_need(self) -> bool:
        """A need: banded standard or severe; an unbanded section only when linked to harm or
        reoffending (VERIFY, see the module docstring)."""
        if self.severity is not None:
            return self.severity != NeedSeverity.NO_NEED
        if SECTION_BY_NEED[self.need].banded:
            return False
        return self.linked_to_harm or self.linked_to_reoffending


def score_section(
    section: Section,
    answers: Mapping[str, Answer | str],
    *,
    linked_to_harm: bool = False,
    linked_to_reoffending: bool = False,
    san_indicator: bool = False,
) -> SectionResult:
    """Score one section from its answers. An unanswered question is left out, as OASys
    sends only answered ones (a "not known" frequency still scores 0 as an answer)."""
    scored = {
        q.key: Answer(answers[q.key]) for q in section.questions if q.scored and answers.get(q.key)
    }
    severity = _severity(section.need, scored, san_indicator) if section.banded else None
    return SectionResult(
        section.need,
        need_section_score(scored),
        severity,
        linked_to_harm,
        linked_to_reoffending,
    )


def score_assessment(
    answers: Mapping[str, Answer | str],
    links: Mapping[str, Mapping[str, bool]] | None = None,
    *,
    san_indicator: bool = False,
) -> tuple[SectionResult, ...]:
    """Every section, in order. ``links`` maps a need to its {"harm": bool, "reoffending":
    bool} answers; question keys are unique across sections, so one answers mapping serves."""
    links = links or {}
    return tuple(
        score_section(
            section,
            answers,
            linked_to_harm=bool(links.get(section.need, {}).get("harm")),
            linked_to_reoffending=bool(links.get(section.need, {}).get("reoffending")),
            san_indicator=san_indicator,
        )
        for section in SECTIONS
    )


_PROBLEM_LEVEL = {Answer.NONE: 0, Answer.SOME: 1, Answer.SIGNIFICANT: 2}


def women_answers(answers: Mapping[str, Answer | str]) -> WomenAnswers:
    """Parenting (yes/no), impulsivity and temper control (0-2) for the women's factors."""
    parenting = answers.get("parentalResponsibilities")
    return WomenAnswers(
        YesNo(parenting) if parenting in YesNo.__members__ else None,
        _PROBLEM_LEVEL.get(answers.get("impulsivity")),
        _PROBLEM_LEVEL.get(answers.get("temperControl")),
    )


def tier_needs(results: tuple[SectionResult, ...]) -> dict[Need, NeedSeverity]:
    """The severities tiering reads: banded sections that have a score."""
    return {r.need: r.severity for r in results if r.severity is not None}
