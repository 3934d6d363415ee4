"""Tests for desist.rules.needs: every section threshold on both sides (with and without the
SAN overrides), the need_section_severity vectors through the catalogue, and properties."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules.needs import (
    SECTION_BY_NEED,
    SECTIONS,
    AnswerKind,
    score_assessment,
    score_section,
    tier_needs,
    women_answers,
)
from desist.rules.tiering import Answer, Need, NeedSeverity, YesNo

# (standard, severe) from the notes 1.4.3, and the SAN overrides.
THRESHOLDS = {
    Need.ACCOMMODATION: (2, 7),
    Need.EDUCATION_TRAINING_AND_EMPLOYABILITY: (3, 7),
    Need.RELATIONSHIPS: (2, 5),
    Need.LIFESTYLE_AND_ASSOCIATES: (2, 5),
    Need.DRUG_MISUSE: (2, 8),
    Need.ALCOHOL_MISUSE: (4, 7),
    Need.THINKING_AND_BEHAVIOUR: (4, 7),
    Need.ATTITUDES: (2, 7),
}
SAN = {
    Need.ACCOMMODATION: (3, 5),
    Need.DRUG_MISUSE: (2, 6),
    Need.ALCOHOL_MISUSE: (2, 4),
    Need.THINKING_AND_BEHAVIOUR: (3, 5),
    Need.ATTITUDES: (1, 5),
}
VALUE = {
    Answer.YES: 2,
    Answer.NO: 0,
    Answer.NONE: 0,
    Answer.SOME: 1,
    Answer.SIGNIFICANT: 2,
    Answer.NEVER: 0,
    Answer.PREVIOUS: 1,
    Answer.CURRENTLY: 2,
}


def answers_scoring(need: Need, target: int) -> dict[str, Answer] | None:
    """Some full set of real answers to the section's scored questions summing to target."""
    questions = [q for q in SECTION_BY_NEED[need].questions if q.scored]
    options = [[a for a, _ in q.kind.choices if a in VALUE] for q in questions]
    for combo in itertools.product(*options):
        if sum(VALUE[a] for a in combo) == target:
            return {q.key: a for q, a in zip(questions, combo, strict=True)}
    return None


def expected(score: int, standard: int, severe: int) -> NeedSeverity:
    if score >= severe:
        return NeedSeverity.SEVERE
    if score >= standard:
        return NeedSeverity.STANDARD
    return NeedSeverity.NO_NEED


BOUNDARIES = [
    (need, san, score)
    for need in THRESHOLDS
    for san in (False, True)
    for score in sorted(
        {
            t + d
            for t in (SAN.get(need, THRESHOLDS[need]) if san else THRESHOLDS[need])
            for d in (-1, 0)
        }
    )
]


@pytest.mark.parametrize(("need", "san", "score"), BOUNDARIES)
def test_each_threshold_on_both_sides(need, san, score):
    standard, severe = SAN.get(need, THRESHOLDS[need]) if san else THRESHOLDS[need]
    answers = answers_scoring(need, score)
    assert answers is not None, f"{need} cannot score {score}"
    result = score_section(SECTION_BY_NEED[need], answers, san_indicator=san)
    assert result.score == score
    assert result.severity == expected(score, standard, severe)
    assert result.is_need == (score >= standard)


def test_every_section_can_reach_severe():
    for need, (_, severe) in THRESHOLDS.items():
        assert answers_scoring(need, severe) is not None


VECTORS = Path(__file__).parent / "vectors" / "tiering.json"


def _severity_vectors():
    data = json.loads(VECTORS.read_text())
    return [v for v in data["vectors"] if v["kind"] == "need_section_severity"]


@pytest.mark.parametrize("vector", _severity_vectors(), ids=lambda v: v["id"])
def test_need_section_severity_vectors_through_the_catalogue(vector):
    data = vector["input"]
    section = SECTION_BY_NEED[Need(data["section"])]
    assert set(data["answers"]) <= {q.key for q in section.questions}
    result = score_section(section, data["answers"], san_indicator=data["san_indicator"])
    assert result.score == vector["expected"]["score"]
    assert (result.severity and str(result.severity)) == vector["expected"]["severity"]


def test_ten_sections_with_unique_question_keys():
    assert {s.need for s in SECTIONS} == set(Need)
    keys = [q.key for s in SECTIONS for q in s.questions]
    assert len(keys) == len(set(keys))


def test_an_unanswered_section_has_no_score_and_is_left_out_of_tiering():
    results = score_assessment({})
    assert all(r.score is None and r.severity is None and not r.is_need for r in results)
    assert tier_needs(results) == {}


def test_not_known_answers_leave_a_section_unscored_but_an_unknown_frequency_counts():
    accommodation = SECTION_BY_NEED[Need.ACCOMMODATION]
    unknown = {"noFixedAbodeOrTransient": "UNKNOWN", "suitabilityOfAccommodation": "MISSING"}
    assert score_section(accommodation, unknown).score is None
    drugs = SECTION_BY_NEED[Need.DRUG_MISUSE]
    result = score_section(drugs, {"everInjectedDrugs": "FREQUENCY_UNKNOWN"})
    assert (result.score, result.severity) == (0, NeedSeverity.NO_NEED)


def test_unbanded_sections_are_needs_only_when_linked():
    answers = {"financialSituation": "SIGNIFICANT", "difficultiesCoping": "SIGNIFICANT"}
    plain = {r.need: r for r in score_assessment(answers)}
    finance = plain[Need.FINANCIAL_MANAGEMENT_AND_INCOME]
    assert (finance.score, finance.severity, finance.is_need) == (2, None, False)
    linked = score_assessment(
        answers,
        {
            Need.FINANCIAL_MANAGEMENT_AND_INCOME: {"reoffending": True},
            Need.EMOTIONAL_WELL_BEING: {"harm": True},
        },
    )
    by_need = {r.need: r for r in linked}
    assert by_need[Need.FINANCIAL_MANAGEMENT_AND_INCOME].is_need
    assert by_need[Need.EMOTIONAL_WELL_BEING].linked_to_harm
    assert by_need[Need.EMOTIONAL_WELL_BEING].is_need
    assert Need.FINANCIAL_MANAGEMENT_AND_INCOME not in tier_needs(linked)


def test_banded_sections_are_not_needs_by_linking_alone():
    links = {Need.ACCOMMODATION: {"harm": True, "reoffending": True}}
    [accommodation, *_] = score_assessment({"suitabilityOfAccommodation": "NONE"}, links)
    assert accommodation.linked_to_harm and not accommodation.is_need


def test_women_answers_are_asked_but_not_summed():
    answers = {
        "parentalResponsibilities": "YES",
        "impulsivity": "SOME",
        "temperControl": "MISSING",
        "relCloseFamily": "NONE",
    }
    by_need = {r.need: r for r in score_assessment(answers)}
    assert by_need[Need.RELATIONSHIPS].score == 0
    assert by_need[Need.THINKING_AND_BEHAVIOUR].score is None
    women = women_answers(answers)
    assert (women.parenting_responsibilities, women.impulsivity, women.temper_control) == (
        YesNo.YES,
        1,
        None,
    )
    assert women_answers({}).parenting_responsibilities is None


def _section_answers(section):
    return st.fixed_dictionaries(
        {},
        optional={
            q.key: st.sampled_from([a for a, _ in q.kind.choices]) for q in section.questions
        },
    )


@settings(max_examples=200, deadline=None)
@given(data=st.data(), san=st.booleans())
def test_score_is_the_sum_of_answers_and_severity_is_monotone(data, san):
    section = data.draw(st.sampled_from([s for s in SECTIONS if s.banded]))
    answers = data.draw(_section_answers(section))
    result = score_section(section, answers, san_indicator=san)
    scored = [Answer(answers[q.key]) for q in section.questions if q.scored and q.key in answers]
    if all(a in (Answer.MISSING, Answer.UNKNOWN) for a in scored):
        assert result.score is None and result.severity is None
        return
    assert result.score == sum(VALUE.get(a, 0) for a in scored)
    standard, severe = (
        SAN.get(section.need, THRESHOLDS[section.need]) if san else THRESHOLDS[section.need]
    )
    assert result.severity == expected(result.score, standard, severe)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_adding_a_problem_never_lowers_severity(data):
    order = [NeedSeverity.NO_NEED, NeedSeverity.STANDARD, NeedSeverity.SEVERE]
    section = data.draw(st.sampled_from([s for s in SECTIONS if s.banded]))
    answers = data.draw(_section_answers(section))
    question = data.draw(
        st.sampled_from([q for q in section.questions if q.scored and q.kind == AnswerKind.PROBLEM])
    )
    worse = {**answers, question.key: Answer.SIGNIFICANT}
    before = score_section(section, answers).severity
    after = score_section(section, worse).severity
    assert after is not None
    assert before is None or order.index(after) >= order.index(before)
