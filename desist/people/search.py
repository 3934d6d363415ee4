"""Finding a person on probation by CRN, PNC number, name (partial or misspelt) and date of
birth, among the cases the searching user may see.

One query box, as practitioners use it: "J123456", "2004/46583U", "Jon Smth 3/4/1985".
Exact identifiers are looked up first. Names are matched word by word, forgiving a letter or
two ("Jon Smth" finds "John Smith") and accepting the start of a word ("Smi"). Each typed
word is first matched against the vocabulary of name words (a few thousand, cached in the
process); on PostgreSQL a full-text index then finds the names containing those words, while
SQLite reads every name. Both score the candidates with the same function below, so both
give the same results.
"""

import bisect
from dataclasses import dataclass
from datetime import date, datetime

from django.db import connection
from django.db.models import Max, QuerySet
from rapidfuzz import process
from rapidfuzz.distance import Indel

from desist.access.selectors import visible_cases
from desist.people.identifiers import CRN_PATTERN, normalise_pnc
from desist.people.models import Case, NameWord, SearchName
from desist.people.names import normalise_name

RESULT_LIMIT = 50
# The same expression as the index in migration people 0002, so the index serves it.
FULL_TEXT_MATCH = "to_tsvector('simple'::regconfig, name) @@ to_tsquery('simple'::regconfig, %s)"
# At most this many names are scored per search: a whole national surname fits.
CANDIDATE_LIMIT = 5000
# A query word matches a name word at this similarity (0-100) or better.
WORD_MATCH_THRESHOLD = 75
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y")


@dataclass(frozen=True)
class SearchTerms:
    crn: str | None = None
    pnc: str | None = None
    date_of_birth: date | None = None
    name: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.crn or self.pnc or self.date_of_birth or self.name)


def parse_query(text: str) -> SearchTerms:
    """Split a search box's text into identifiers, a date of birth and name words."""
    crn = pnc = dob = None
    words = []
    for token in text.split():
        if CRN_PATTERN.match(token.upper()):
            crn = token.upper()
        elif (normalised := normalise_pnc(token)) is not None:
            pnc = normalised
        elif (parsed := _parse_date(token)) is not None:
            dob = parsed
        else:
            words.append(token)
    return SearchTerms(crn=crn, pnc=pnc, date_of_birth=dob, name=normalise_name(*words))


def _parse_date(token: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(token, fmt).date()
        except ValueError:
            continue
    return None


def word_score(query_word: str, name_word: str) -> float:
    """0-100: how well one typed word matches one word of a name."""
    if name_word == query_word:
        return 100.0
    if len(query_word) >= 2 and name_word.startswith(query_word):
        return 95.0
    return Indel.normalized_similarity(query_word, name_word) * 100


def name_score(query: str, name: str) -> float:
    """0-100 if every query word matches a different word of the name, else 0."""
    available = name.split()
    total = 0.0
    for word in query.split():
        best = max(available, key=lambda candidate: word_score(word, candidate), default=None)
        if best is None or (score := word_score(word, best)) < WORD_MATCH_THRESHOLD:
            return 0.0
        available.remove(best)
        total += score
    # A full name matched exactly outranks the same words inside a longer name.
    return total / max(len(query.split()), 1) - 0.1 * len(available)


@dataclass(frozen=True)
class Match:
    case: Case
    score: float
    matched_name: str = ""
    by_alias: bool = False


def case_search(user, text: str) -> list[Match]:
    terms = parse_query(text)
    if terms.is_empty:
        return []
    cases = visible_cases(user).select_related("practitioner", "team")
    if terms.crn or terms.pnc:
        if terms.crn:
            cases = cases.filter(crn=terms.crn)
        if terms.pnc:
            cases = cases.filter(pnc=terms.pnc)
        if terms.date_of_birth:
            cases = cases.filter(date_of_birth=terms.date_of_birth)
        return [Match(case=case, score=100.0) for case in cases[:RESULT_LIMIT]]
    if not terms.name:
        found = cases.filter(date_of_birth=terms.date_of_birth).order_by("last_name", "first_name")
        return [Match(case=case, score=100.0) for case in found[:RESULT_LIMIT]]
    return _by_name(cases, terms)


def _by_name(cases: QuerySet[Case], terms: SearchTerms) -> list[Match]:
    if terms.date_of_birth:
        names = SearchName.objects.filter(case__in=cases.filter(date_of_birth=terms.date_of_birth))
    elif connection.vendor == "postgresql":
        # Visibility is applied to the candidates afterwards (in_bulk below): joining it into
        # the index scan would only slow the scan down.
        words = vocabulary.current()
        alternatives = [sorted(similar_words(word, words)) for word in terms.name.split()]
        if not all(alternatives):
            return []
        query = " & ".join("(" + " | ".join(words) + ")" for words in alternatives)
        names = SearchName.objects.extra(
            where=[FULL_TEXT_MATCH],
            params=[query],
        )
    else:
        names = SearchName.objects.filter(case__in=cases)
    best: dict[int, tuple[float, str, bool]] = {}
    for case_id, name, is_alias in names.values_list("case_id", "name", "is_alias")[
        :CANDIDATE_LIMIT
    ]:
        score = name_score(terms.name, name)
        if score > 0 and score > best.get(case_id, (0.0,))[0]:
            best[case_id] = (score, name, is_alias)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[1][1]))
    matches: list[Match] = []
    # Load only the best few cases: a broad query ("sm") may score thousands of names. A case
    # the user may not see drops out here, so keep reading until the page is full.
    for start in range(0, len(ranked), RESULT_LIMIT * 2):
        chunk = ranked[start : start + RESULT_LIMIT * 2]
        visible = cases.in_bulk([case_id for case_id, _ in chunk])
        matches += [
            Match(case=visible[case_id], score=score, matched_name=name, by_alias=alias)
            for case_id, (score, name, alias) in chunk
            if case_id in visible
        ]
        if len(matches) >= RESULT_LIMIT:
            break
    return sorted(
        matches[:RESULT_LIMIT], key=lambda m: (-m.score, m.case.last_name, m.case.first_name)
    )


class _Vocabulary:
    """Every name word, sorted, kept in the process and reloaded when words are added
    (the newest word's id changes) or when this process adds some."""

    def __init__(self) -> None:
        self.version: int | None = None
        self.words: list[str] = []

    def current(self) -> list[str]:
        version = NameWord.objects.aggregate(newest=Max("id"))["newest"]
        if version != self.version:
            self.words = sorted(NameWord.objects.values_list("word", flat=True))
            self.version = version
        return self.words

    def forget(self) -> None:
        self.version = None


vocabulary = _Vocabulary()


def similar_words(word: str, words: list[str]) -> set[str]:
    """The words of a sorted vocabulary that word_score accepts for this typed word."""
    found = {
        w
        for w, _, _ in process.extract(
            word,
            words,
            scorer=Indel.normalized_similarity,
            score_cutoff=WORD_MATCH_THRESHOLD / 100,
            limit=None,
        )
    }
    if len(word) >= 2:  # the start of a word: every vocabulary word with this prefix
        start = bisect.bisect_left(words, word)
        end = bisect.bisect_left(words, word + "\uffff")
        found.update(words[start:end])
    if word in words:
        found.add(word)
    return found
