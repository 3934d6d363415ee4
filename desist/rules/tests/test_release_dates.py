"""Release dates for a single SDS: MoJ vectors, the rules.md §2 test cases, and properties."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desist.rules.release_dates import (
    LAW_PROFILES,
    PSS_REPEAL,
    ReleaseDates,
    Sentence,
    Term,
    calculate_release_dates,
    term_end,
)

VECTOR_FILE = Path(__file__).parent / "vectors" / "release-dates.json"
VECTORS: list[dict[str, Any]] = json.loads(VECTOR_FILE.read_text())["vectors"]
COMPARED = ("CRD", "ARD", "SLED", "SED", "LED", "TUSED", "ESED")

# The MoJ tests in these folders ran with featureToggles.applyPostRecallRepealRules=true, which
# the extraction dropped: the calculator then shows no TUSED, as on any date after PSS repeal.
PSS_REPEALED_SOURCE_DIRS = ("/tused-repeal/", "/progression-model/")
AFTER_PSS_REPEAL = PSS_REPEAL + timedelta(days=1)

# The extraction dropped the source tests' isSection250=true; s.250 detention stays outside the
# SA2026 progression model. test_section_250_vectors_with_the_flag_restored checks them with it.
SECTION_250_DROPPED = {
    "progression-model/crs-2649-ac1-1",
    "progression-model/crs-2649-ac1-5",
    "progression-model/crs-2649-ac2-3",
    "progression-model/crs-2649-ac3-1",
    "progression-model/crs-2649-ac3-2",
    "progression-model/crs-2649-ac4-1",
    "progression-model/crs-2673-ac1-1a",
    "progression-model/crs-2673-ac1-1b",
}
SECTION_250_REASON = (
    "source sets isSection250=true (s.250 detention, outside the progression model); "
    "the vector omits the flag"
)
XFAIL = dict.fromkeys(SECTION_250_DROPPED, SECTION_250_REASON) | {
    "progression-model/crs-2656-ac1-1": (
        "source sets isSDSPlusEligibleSentenceTypeLengthAndOffence=true (SDS+-type offence and "
        "length sentenced before SDS+ began), released at 1/2 not 1/3 under the progression "
        "model; the vector omits the flag and no written rule covers it"
    ),
}


def sentence_from(vector: dict[str, Any], **changes: Any) -> Sentence:
    length = vector["length"]
    sentence = Sentence(
        sentence_date=date.fromisoformat(vector["sentence_date"]),
        term=Term(
            years=length.get("YEARS", 0),
            months=length.get("MONTHS", 0),
            weeks=length.get("WEEKS", 0),
            days=length.get("DAYS", 0),
        ),
        offence_date=date.fromisoformat(vector["offence_committed"]),
        date_of_birth=date.fromisoformat(vector["offender_dob"]),
        sds_plus=vector["sds_plus"],
        remand_days=vector["remand_days"],
        tagged_bail_days=vector["tagged_bail_days"],
        exclusions=frozenset(vector["early_release_exclusions"]),
    )
    return dataclasses.replace(sentence, **changes)


def calculate_vector(vector: dict[str, Any], **changes: Any) -> ReleaseDates:
    # A vector without a profile ran on the test default, which has SDS40 in force.
    law = LAW_PROFILES[vector["profile"] or "calculation-params"]
    repealed = any(d in vector["source_input"] for d in PSS_REPEALED_SOURCE_DIRS)
    as_at = AFTER_PSS_REPEAL if repealed else None
    return calculate_release_dates(sentence_from(vector, **changes), law=law, as_at=as_at)


def as_codes(result: ReleaseDates) -> dict[str, str]:
    """The result in the calculator's date codes, for comparison with a vector."""
    codes = {result.release_type: result.release_date, "ESED": result.sentence_end}
    if result.sled is not None:
        codes["SLED"] = result.sled
    else:
        codes["SED"] = result.sed
        if result.led is not None:
            codes["LED"] = result.led
    if result.tused is not None:
        codes["TUSED"] = result.tused
    return {code: day.isoformat() for code, day in codes.items()}


def vector_params() -> list[Any]:
    return [
        pytest.param(
            v,
            id=v["id"],
            marks=[pytest.mark.xfail(reason=XFAIL[v["id"]], strict=True)]
            if v["id"] in XFAIL
            else [],
        )
        for v in VECTORS
    ]


@pytest.mark.parametrize("vector", vector_params())
def test_moj_vector(vector: dict[str, Any]) -> None:
    expected = {code: day for code, day in vector["expected"].items() if code in COMPARED}
    assert as_codes(calculate_vector(vector)) == expected


@pytest.mark.parametrize("vector_id", sorted(SECTION_250_DROPPED))
def test_section_250_vectors_with_the_flag_restored(vector_id: str) -> None:
    vector = next(v for v in VECTORS if v["id"] == vector_id)
    expected = {code: day for code, day in vector["expected"].items() if code in COMPARED}
    assert as_codes(calculate_vector(vector, section_250=True)) == expected


def test_vector_file_is_the_full_set() -> None:
    assert len(VECTORS) == 178
    assert len({v["id"] for v in VECTORS}) == len(VECTORS)


# rules.md §2 test cases


def adult_sds(sentence_date: date, term: Term, **kw: Any) -> Sentence:
    defaults: dict[str, Any] = {
        "offence_date": sentence_date - timedelta(days=1),
        "date_of_birth": date(1990, 1, 1),
    }
    return Sentence(sentence_date=sentence_date, term=term, **(defaults | kw))


def test_two_years_at_half_from_21_september_2013() -> None:
    result = calculate_release_dates(
        adult_sds(date(2013, 9, 21), Term(years=2)), law=LAW_PROFILES["sds-50"]
    )
    assert (result.crd, result.sled) == (date(2014, 9, 20), date(2015, 9, 20))


def test_three_years_with_remand_and_tagged_bail() -> None:
    sentence = adult_sds(date(2012, 12, 15), Term(years=3), remand_days=35, tagged_bail_days=10)
    result = calculate_release_dates(sentence, law=LAW_PROFILES["sds-50"])
    assert (result.crd, result.sled) == (date(2014, 5, 1), date(2015, 10, 30))


def test_one_month_from_31_august_expires_30_september() -> None:
    assert term_end(date(2020, 8, 31), Term(months=1)) == date(2020, 9, 30)
    assert term_end(date(2021, 1, 1), Term(months=3)) == date(2021, 3, 31)
    assert term_end(date(2020, 10, 1), Term(months=54)) == date(2025, 3, 31)


def test_release_on_or_before_sentence_date_is_immediate() -> None:
    sentence = adult_sds(date(2020, 2, 29), Term(months=3), remand_days=45)
    result = calculate_release_dates(sentence, law=LAW_PROFILES["sds-50"])
    assert result.immediate_release
    assert result.crd == date(2020, 2, 29)
    assert result.tused == date(2021, 2, 28)  # counted from the sentence date


def test_six_month_ora_sentence_has_tused_until_pss_repeal() -> None:
    sentence = adult_sds(date(2025, 10, 30), Term(months=6))
    law = LAW_PROFILES["calculation-params"]
    before = calculate_release_dates(sentence, law=law, as_at=date(2026, 1, 10))
    after = calculate_release_dates(sentence, law=law, as_at=AFTER_PSS_REPEAL)
    assert before.crd == after.crd == date(2026, 1, 10)
    assert before.tused == date(2027, 1, 10)
    assert after.tused is None


def test_sds40_tranche_one_floor() -> None:
    """A 40% date before 10 Sep 2024 waits for the tranche; a 50% date before it does not."""
    law = LAW_PROFILES["calculation-params"]
    floored = calculate_release_dates(adult_sds(date(2024, 5, 9), Term(months=10)), law=law)
    assert floored.crd == date(2024, 9, 10)
    assert floored.tused == date(2025, 9, 7)  # from the 40% date, not the tranche date
    old_law = calculate_release_dates(adult_sds(date(2023, 9, 10), Term(years=2)), law=law)
    assert old_law.crd == date(2024, 9, 9)


def test_sds40_excluded_offence_stays_at_half() -> None:
    sentence = adult_sds(
        date(2024, 9, 20), Term(years=1, months=6), exclusions=frozenset({"SEXUAL"})
    )
    result = calculate_release_dates(sentence, law=LAW_PROFILES["calculation-params"])
    assert result.crd == date(2025, 6, 19)


def test_progression_model_one_third_after_its_tranche() -> None:
    sentence = adult_sds(date(2026, 10, 24), Term(years=2))
    result = calculate_release_dates(sentence, law=LAW_PROFILES["sds-progression-model-october"])
    assert result.crd == date(2027, 6, 24)
    assert result.scheme == "SA2026 progression model"


def test_pre_cja_2003_short_term_has_separate_licence_expiry() -> None:
    sentence = adult_sds(date(2009, 10, 9), Term(years=2), offence_date=date(2005, 1, 1))
    result = calculate_release_dates(
        dataclasses.replace(sentence, remand_days=20, tagged_bail_days=10),
        law=LAW_PROFILES["sds-50"],
    )
    assert (result.crd, result.led, result.sed) == (
        date(2010, 9, 8),
        date(2011, 3, 10),
        date(2011, 9, 8),
    )
    assert result.sled is None


def test_pre_ora_term_under_12_months_is_unconditional() -> None:
    sentence = adult_sds(date(2009, 1, 1), Term(months=9))
    result = calculate_release_dates(sentence, law=LAW_PROFILES["sds-50"])
    assert (result.ard, result.crd, result.led) == (date(2009, 5, 17), None, None)


# Properties

laws = st.sampled_from(sorted(LAW_PROFILES))
terms = st.builds(
    Term,
    years=st.integers(0, 15),
    months=st.integers(0, 24),
    weeks=st.integers(0, 10),
    days=st.integers(0, 60),
).filter(lambda t: t != Term())
sentences = st.builds(
    Sentence,
    sentence_date=st.dates(date(2000, 1, 1), date(2030, 12, 31)),
    term=terms,
    offence_date=st.dates(date(1999, 1, 1), date(2030, 12, 31)),
    date_of_birth=st.dates(date(1950, 1, 1), date(2010, 12, 31)),
    sds_plus=st.booleans(),
    remand_days=st.integers(0, 800),
    tagged_bail_days=st.integers(0, 200),
    exclusions=st.frozensets(st.sampled_from(["SEXUAL", "VIOLENT", "SEXUAL_T3"]), max_size=2),
    section_250=st.booleans(),
)


def term_days(sentence: Sentence) -> int:
    return (term_end(sentence.sentence_date, sentence.term) - sentence.sentence_date).days + 1


@given(sentences, laws)
def test_release_is_never_before_sentence_date(sentence: Sentence, law: str) -> None:
    assume(sentence.offence_date <= sentence.sentence_date)
    result = calculate_release_dates(sentence, law=LAW_PROFILES[law])
    assert result.release_date >= sentence.sentence_date
    assert result.immediate_release == (result.release_date == sentence.sentence_date)


@given(sentences, laws)
def test_release_is_not_after_expiry(sentence: Sentence, law: str) -> None:
    assume(sentence.offence_date <= sentence.sentence_date)
    assume(sentence.remand_days + sentence.tagged_bail_days < term_days(sentence))
    result = calculate_release_dates(sentence, law=LAW_PROFILES[law])
    assert result.release_date <= result.sed
    if result.led is not None:
        assert result.release_date <= result.led <= result.sed


@given(sentences, laws, st.integers(1, 300))
def test_more_remand_never_gives_a_later_release(sentence: Sentence, law: str, extra: int) -> None:
    assume(sentence.offence_date <= sentence.sentence_date)
    more = dataclasses.replace(sentence, remand_days=sentence.remand_days + extra)
    profile = LAW_PROFILES[law]
    earlier = calculate_release_dates(more, law=profile)
    assert earlier.release_date <= calculate_release_dates(sentence, law=profile).release_date
    assert earlier.sed < calculate_release_dates(sentence, law=profile).sed


@given(sentences, laws)
def test_tused_only_for_ora_terms_under_two_years(sentence: Sentence, law: str) -> None:
    assume(sentence.offence_date <= sentence.sentence_date)
    result = calculate_release_dates(sentence, law=LAW_PROFILES[law])
    if result.tused is not None:
        assert sentence.offence_date >= date(2015, 2, 1)
        assert term_end(sentence.sentence_date, sentence.term) < term_end(
            sentence.sentence_date, Term(years=2)
        )
        assert result.tused > result.release_date
    after = calculate_release_dates(sentence, law=LAW_PROFILES[law], as_at=AFTER_PSS_REPEAL)
    assert after.tused is None
