"""Matching a court defendant to a known person: the rules, then the quality on a synthetic
list with planted misspellings, aliases, swapped dates and near-twins."""

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from desist.rules.matching import (
    HIGH_CONFIDENCE,
    POSSIBLE,
    Candidate,
    Defendant,
    rank_candidates,
    score_candidate,
)

JOHN = Candidate(
    case_id=1,
    names=(("john", "smith", False), ("jack", "smithers", True)),
    date_of_birth=date(1985, 3, 27),
    pnc="2004/0046583U",
    crn="N123456",
    postcodes=("NE1 4XF",),
)


def defendant(**changes) -> Defendant:
    base = Defendant("john", "smith", date(1985, 3, 27), postcode="NE1 4XF")
    return replace(base, **changes)


def test_the_same_pnc_number_is_an_exact_match_whatever_the_name():
    result = score_candidate(defendant(first_name="x", last_name="y", pnc=JOHN.pnc), JOHN)
    assert result.exact and result.high_confidence
    assert result.reasons == ("same PNC number",)


def test_the_same_crn_is_an_exact_match():
    assert score_candidate(defendant(crn="N123456"), JOHN).exact


def test_name_date_of_birth_and_postcode_agreeing_is_high_confidence():
    result = score_candidate(defendant(), JOHN)
    assert result.score == 100 and result.high_confidence and not result.exact
    assert result.reasons == (
        "same date of birth",
        "same surname",
        "same first name",
        "same postcode",
    )


def test_a_misspelt_surname_is_forgiven_and_said():
    result = score_candidate(defendant(last_name="smyth"), JOHN)
    assert result.high_confidence
    assert "surname spelled differently" in result.reasons


def test_an_alias_matches_and_is_said():
    result = score_candidate(defendant(first_name="jack", last_name="smithers"), JOHN)
    assert result.high_confidence
    assert "matches an alias" in result.reasons


def test_names_given_the_other_way_round_still_match():
    result = score_candidate(defendant(first_name="smith", last_name="john"), JOHN)
    assert result.score >= POSSIBLE
    assert "first name and surname swapped" in result.reasons


def test_a_near_twin_with_another_date_of_birth_is_never_high_confidence():
    result = score_candidate(defendant(date_of_birth=date(1990, 1, 2)), JOHN)
    assert POSSIBLE <= result.score < HIGH_CONFIDENCE
    assert "different date of birth" in result.reasons


def test_day_and_month_swapped_is_only_a_possible_match():
    same = score_candidate(defendant(), JOHN)
    other = Candidate(2, (("john", "smith", False),), date(1985, 11, 3), postcodes=("NE1 4XF",))
    result = score_candidate(defendant(date_of_birth=date(1985, 3, 11)), other)
    assert "day and month of birth swapped" in result.reasons
    assert POSSIBLE <= result.score < HIGH_CONFIDENCE < same.score


def test_a_different_pnc_number_caps_the_score_below_possible():
    result = score_candidate(defendant(pnc="2010/0000001Z"), JOHN)
    assert result.score < POSSIBLE
    assert "different PNC number" in result.reasons


def test_missing_details_score_nothing_for_them():
    result = score_candidate(Defendant("john", "smith"), JOHN)
    assert result.score == 50 and not result.high_confidence  # the name alone
    assert "date of birth missing" in result.reasons


def test_ranking_shows_an_exact_match_alone_and_drops_weak_candidates():
    stranger = Candidate(3, (("mary", "jones", False),), date(1970, 1, 1))
    twin = Candidate(4, (("john", "smith", False),), date(1991, 5, 5), postcodes=("NE1 4XF",))
    assert [r.case_id for r in rank_candidates(defendant(pnc=JOHN.pnc), [twin, JOHN])] == [1]
    ranked = rank_candidates(defendant(), [stranger, twin, JOHN])
    assert [r.case_id for r in ranked] == [1, 4]


# --- Quality on a synthetic list -------------------------------------------------------------

FIRST = ["john", "james", "david", "michael", "daniel", "sarah", "emma", "laura", "lee", "paul"]
LAST = ["smith", "jones", "taylor", "brown", "wilson", "johnson", "walker", "wright", "robinson"]
LAST += ["thompson", "white", "hughes", "edwards", "green", "hall", "wood", "harris", "clarke"]


def _misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word))
    return word[:i] + rng.choice("aeiouy") + word[i + 1 :] if rng.random() < 0.5 else word[:i]


def _population(rng: random.Random, size: int) -> list[Candidate]:
    people = []
    for case_id in range(1, size + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        names = [(first, last, False)]
        if rng.random() < 0.2:
            names.append((rng.choice(FIRST), rng.choice(LAST), True))
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(40 * 365))
        postcode = f"NE{rng.randrange(1, 40)} {rng.randrange(1, 9)}{rng.choice('ABDEFG')}Q"
        people.append(Candidate(case_id, tuple(names), born, postcodes=(postcode,)))
    return people


def _court_list(rng: random.Random, people: list[Candidate]) -> list[tuple[Defendant, int | None]]:
    """(defendant, the case they really are, or None for someone unknown to probation)."""
    listed = []
    for person in rng.sample(people, 200):
        first, last, _ = rng.choice(person.names)
        born, postcode = person.date_of_birth, person.postcodes[0]
        kind = rng.choice(["exact", "surname", "first", "dob", "moved", "alias"])
        if kind == "surname":
            last = _misspell(last, rng)
        elif kind == "first":
            first = _misspell(first, rng)
        elif kind == "dob" and born.day <= 12 and born.day != born.month:
            born = date(born.year, born.day, born.month)
        elif kind == "moved":
            postcode = ""
        elif kind == "alias" and len(person.names) > 1:
            first, last, _ = person.names[1]
        listed.append((Defendant(first, last, born, postcode=postcode), person.case_id))
    for person in rng.sample(people, 60):
        # A near-twin: someone else with the same name, born on another day, living elsewhere.
        first, last, _ = person.names[0]
        born = person.date_of_birth + timedelta(days=rng.randrange(40, 4000))
        listed.append((Defendant(first, last, born, postcode="TS1 1AA"), None))
    return listed


def test_matching_quality_on_a_synthetic_list_with_planted_errors(record_property):
    rng = random.Random(5)
    people = _population(rng, 1500)
    suggested = correct = shown_correctly = known = 0
    for listed, truth in _court_list(rng, people):
        ranked = rank_candidates(listed, people)
        known += truth is not None
        if ranked and ranked[0].high_confidence:
            suggested += 1
            correct += ranked[0].case_id == truth
        shown_correctly += truth is not None and truth in [r.case_id for r in ranked]
    precision, recall = correct / suggested, correct / known
    shown_recall = shown_correctly / known
    record_property("matching", f"{precision=:.3f} {recall=:.3f} {shown_recall=:.3f}")
    print(f"matching: {precision=:.3f} {recall=:.3f} {shown_recall=:.3f}")  # noqa: T201
    assert precision == pytest.approx(1.0), "a high-confidence suggestion was the wrong person"
    assert recall >= 0.75
    assert shown_recall >= 0.95
