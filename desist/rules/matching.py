"""Matching a defendant on a court list to a person already known to probation.

Pure functions over frozen dataclasses; no Django. The court officer sees the score and its
reasons and decides: nothing is merged automatically unless the match is exact (the same PNC
number or CRN) or scores at the high-confidence threshold, and even then it is only
*suggested* for the officer to confirm.

The approach follows person-record matching in HMPPS services (ministryofjustice
hmpps-person-record: exact on identifiers, otherwise weighted agreement on name, date of birth
and address, with typing errors forgiven) and the probation practice of checking a
defendant's probation status before court (rules.md section 4). The weights are ours and are
checked against a synthetic list with planted misspellings, aliases and near-twins
(desist/rules/tests/test_matching.py).

A high-confidence match needs the same date of birth: two people with the same name and a
different date of birth ("near-twins") are common, and a wrong merge would put one person's
record in front of the court as another's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rapidfuzz.distance import Indel

__all__ = [
    "HIGH_CONFIDENCE",
    "POSSIBLE",
    "Candidate",
    "Defendant",
    "MatchResult",
    "rank_candidates",
    "score_candidate",
]

# Score (0-100) at or above which a match is suggested for the officer to confirm.
HIGH_CONFIDENCE = 85
# Score at or above which a candidate is shown as a possible match.
POSSIBLE = 55
# Two words are "spelled differently" rather than different at this similarity (0-1) or more.
SPELLING_SIMILARITY = 0.75

NAME_WEIGHT = 50
DATE_OF_BIRTH_WEIGHT = 35
ADDRESS_WEIGHT = 15


@dataclass(frozen=True)
class Defendant:
    """A defendant as the court list gives them: names normalised (casefolded, no accents)."""

    first_name: str
    last_name: str
    date_of_birth: date | None = None
    pnc: str = ""
    crn: str = ""
    postcode: str = ""


@dataclass(frozen=True)
class Candidate:
    """A known person: every name they are known by as (first, last, is_alias)."""

    case_id: int
    names: tuple[tuple[str, str, bool], ...]
    date_of_birth: date | None = None
    pnc: str = ""
    crn: str = ""
    postcodes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatchResult:
    case_id: int
    score: int
    reasons: tuple[str, ...] = field(default_factory=tuple)
    exact: bool = False

    @property
    def high_confidence(self) -> bool:
        return self.exact or self.score >= HIGH_CONFIDENCE


def _similar(a: str, b: str) -> float:
    return Indel.normalized_similarity(a, b)


def _word_agreement(typed: str, known: str, what: str) -> tuple[float, str]:
    """How far one name part agrees (0-1), and the reason to show."""
    if not typed or not known:
        return 0.0, f"{what} missing"
    if typed == known:
        return 1.0, f"same {what}"
    if _similar(typed, known) >= SPELLING_SIMILARITY:
        return 0.8, f"{what} spelled differently"
    if what == "first name" and (known.startswith(typed) or typed.startswith(known)):
        return 0.7, "first name shortened"
    if what == "first name" and typed[0] == known[0]:
        return 0.3, "same first initial"
    return 0.0, f"different {what}"


def _name_agreement(defendant: Defendant, first: str, last: str) -> tuple[float, list[str]]:
    surname, surname_reason = _word_agreement(defendant.last_name, last, "surname")
    forename, forename_reason = _word_agreement(defendant.first_name, first, "first name")
    best = (0.6 * surname + 0.4 * forename, [surname_reason, forename_reason])
    # Court lists sometimes give the names the other way round.
    swapped_surname, _ = _word_agreement(defendant.last_name, first, "surname")
    swapped_forename, _ = _word_agreement(defendant.first_name, last, "first name")
    swapped = 0.9 * (0.6 * swapped_surname + 0.4 * swapped_forename)
    if swapped > best[0]:
        best = (swapped, ["first name and surname swapped"])
    return best


def _date_of_birth_agreement(typed: date | None, known: date | None) -> tuple[float, str]:
    if typed is None or known is None:
        return 0.0, "date of birth missing"
    if typed == known:
        return 1.0, "same date of birth"
    if (typed.year, typed.month, typed.day) == (known.year, known.day, known.month):
        return 0.6, "day and month of birth swapped"
    parts_same = sum((typed.year == known.year, typed.month == known.month, typed.day == known.day))
    if parts_same == 2:
        return 0.4, "date of birth differs by one part"
    return 0.0, "different date of birth"


def _address_agreement(postcode: str, known: tuple[str, ...]) -> tuple[float, str | None]:
    if not postcode or not known:
        return 0.0, None
    if postcode in known:
        return 1.0, "same postcode"
    district = postcode.split()[0]
    if any(p.split()[0] == district for p in known if p):
        return 0.4, "same postcode district"
    return 0.0, "different postcode"


def score_candidate(defendant: Defendant, candidate: Candidate) -> MatchResult:
    """Score one candidate for one defendant, with the reasons an officer can check."""
    if defendant.pnc and defendant.pnc == candidate.pnc:
        return MatchResult(candidate.case_id, 100, ("same PNC number",), exact=True)
    if defendant.crn and defendant.crn == candidate.crn:
        return MatchResult(candidate.case_id, 100, ("same CRN",), exact=True)
    name, name_reasons, by_alias = 0.0, ["different name"], False
    for first, last, is_alias in candidate.names:
        agreement, reasons = _name_agreement(defendant, first, last)
        if agreement > name:
            name, name_reasons, by_alias = agreement, reasons, is_alias
    dob, dob_reason = _date_of_birth_agreement(defendant.date_of_birth, candidate.date_of_birth)
    address, address_reason = _address_agreement(defendant.postcode, candidate.postcodes)
    score = round(NAME_WEIGHT * name + DATE_OF_BIRTH_WEIGHT * dob + ADDRESS_WEIGHT * address)
    if dob < 1.0:
        # Never high confidence without the same date of birth (near-twins).
        score = min(score, HIGH_CONFIDENCE - 1)
    if defendant.pnc and candidate.pnc and defendant.pnc != candidate.pnc:
        # Two different PNC numbers are two different people, however alike otherwise.
        score = min(score, POSSIBLE - 1)
        name_reasons = [*name_reasons, "different PNC number"]
    reasons = [dob_reason, *name_reasons]
    if by_alias:
        reasons.append("matches an alias")
    if address_reason:
        reasons.append(address_reason)
    return MatchResult(candidate.case_id, score, tuple(reasons))


def rank_candidates(
    defendant: Defendant, candidates: list[Candidate], *, limit: int = 5
) -> list[MatchResult]:
    """The candidates worth showing (possible or better), best first.

    An exact identifier match stands alone: the others are not shown beside it.
    """
    results = [score_candidate(defendant, candidate) for candidate in candidates]
    exact = [r for r in results if r.exact]
    if exact:
        return exact[:1]
    shown = [r for r in results if r.score >= POSSIBLE]
    return sorted(shown, key=lambda r: (-r.score, r.case_id))[:limit]
