"""Reads for court work: candidates for matching a whole list at once, the court officer's
list for a sitting, and a defendant's probation status."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet, Value, When

from desist.access.selectors import visible_cases
from desist.courts.constants import ProbationStatus, ReportState
from desist.courts.models import Hearing, PreSentenceReport
from desist.enforcement.models import EnforcementAction
from desist.people.models import Address, Alias, Case, SearchName
from desist.people.names import normalise_name
from desist.rules.enforcement import ActionKind
from desist.rules.matching import Candidate, Defendant, MatchResult, rank_candidates
from desist.sentences.models import Event

# Rows per IN (...) list: well inside SQLite's and PostgreSQL's parameter limits.
CHUNK = 2000


def _chunks(values: Iterable, size: int = CHUNK):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _swapped(day: date | None) -> date | None:
    """The date with day and month swapped, a common keying error, if that is a date."""
    if day is None or day.day > 12 or day.day == day.month:
        return None
    return day.replace(month=day.day, day=day.month)


def _load_candidates(case_ids: set[int]) -> dict[int, Candidate]:
    """Everything scoring needs about these cases, in four queries per chunk."""
    found: dict[int, Candidate] = {}
    for ids in _chunks(case_ids):
        names: dict[int, list[tuple[str, str, bool]]] = defaultdict(list)
        postcodes: dict[int, list[str]] = defaultdict(list)
        rows = Case.objects.filter(pk__in=ids).values_list(
            "pk", "first_name", "last_name", "date_of_birth", "pnc", "crn"
        )
        people = list(rows)
        for pk, first, last, *_ in people:
            names[pk].append((normalise_name(first), normalise_name(last), False))
        for pk, first, last in Alias.objects.filter(case_id__in=ids).values_list(
            "case_id", "first_name", "last_name"
        ):
            names[pk].append((normalise_name(first), normalise_name(last), True))
        current = Address.objects.filter(case_id__in=ids, end_date__isnull=True)
        for pk, postcode in current.exclude(postcode="").values_list("case_id", "postcode"):
            postcodes[pk].append(postcode.upper())
        for pk, _, _, born, pnc, crn in people:
            found[pk] = Candidate(pk, tuple(names[pk]), born, pnc, crn, tuple(postcodes[pk]))
    return found


def match_defendants(defendants: list[Defendant]) -> list[list[MatchResult]]:
    """The ranked matches for each defendant of a list, looked up for the whole list at once.

    Candidates are the people with the same PNC number or CRN, the same date of birth (or with
    day and month swapped), or exactly the same name or alias: indexed lookups, so a list of
    hundreds costs a handful of queries however many people are known.
    """
    pncs = {d.pnc for d in defendants if d.pnc}
    crns = {d.crn for d in defendants if d.crn}
    births = {d.date_of_birth for d in defendants} | {_swapped(d.date_of_birth) for d in defendants}
    births.discard(None)
    full_names = {f"{d.first_name} {d.last_name}" for d in defendants}
    full_names |= {f"{d.last_name} {d.first_name}" for d in defendants}

    by_key: dict[object, set[int]] = defaultdict(set)
    for chunk in _chunks(births):
        for pk, born in Case.objects.filter(date_of_birth__in=chunk).values_list(
            "pk", "date_of_birth"
        ):
            by_key[born].add(pk)
    for pk, pnc, crn in Case.objects.filter(Q(pnc__in=pncs) | Q(crn__in=crns)).values_list(
        "pk", "pnc", "crn"
    ):
        by_key[("pnc", pnc)].add(pk)
        by_key[("crn", crn)].add(pk)
    for chunk in _chunks(full_names):
        for pk, name in SearchName.objects.filter(name__in=chunk).values_list("case_id", "name"):
            by_key[("name", name)].add(pk)

    def keys(d: Defendant) -> set[int]:
        ids = by_key[d.date_of_birth] | by_key[_swapped(d.date_of_birth)]
        ids |= by_key[("pnc", d.pnc)] if d.pnc else set()
        ids |= by_key[("crn", d.crn)] if d.crn else set()
        ids |= by_key[("name", f"{d.first_name} {d.last_name}")]
        return ids | by_key[("name", f"{d.last_name} {d.first_name}")]

    wanted = [keys(d) for d in defendants]
    # Scoring names first would need the names; the date-of-birth candidates are few per day.
    candidates = _load_candidates(set().union(*wanted) if wanted else set())
    return [
        rank_candidates(d, [candidates[pk] for pk in ids if pk in candidates])
        for d, ids in zip(defendants, wanted, strict=True)
    ]


def _with_probation_status(hearings: QuerySet[Hearing]) -> QuerySet[Hearing]:
    """Annotate probation status, defined once here so it filters in SQL.

    Current: an active event (order or licence). Previously known: events, none active.
    Pre-sentence record: known to probation (a case) but no event yet. No record: no case.
    """
    events = Event.objects.filter(case_id=OuterRef("case_id"))
    return hearings.annotate(
        probation_status=models.Case(
            When(case__isnull=True, then=Value(ProbationStatus.NO_RECORD)),
            When(Exists(events.filter(active=True)), then=Value(ProbationStatus.CURRENT)),
            When(Exists(events), then=Value(ProbationStatus.PREVIOUSLY_KNOWN)),
            default=Value(ProbationStatus.PRE_SENTENCE),
        )
    )


def court_day(
    *, user, court, hearing_date: date, session: str = "", status: str = ""
) -> QuerySet[Hearing]:
    """The court officer's list for a court and day (and session), in list order, with each
    matched person's risk summary. ``case_visible`` says whether this user may see the case's
    details: a restricted case's flags are not shown to those kept out of it."""
    hearings = Hearing.objects.filter(court=court, hearing_date=hearing_date)
    if session:
        hearings = hearings.filter(session=session)
    hearings = (
        _with_probation_status(hearings)
        .select_related("case__risk", "report")
        # What the list shows of a matched person is their risk summary: not their record, nor
        # the charges and match candidates the hearing page shows.
        .only(
            "court_id",
            "hearing_date",
            "session",
            "courtroom",
            "list_number",
            "defendant_name",
            "date_of_birth",
            "in_custody",
            "match_status",
            "outcome",
            "case__id",
            "case__risk",
            "report",
        )
    )
    hearings = hearings.annotate(
        case_visible=Exists(visible_cases(user).filter(pk=OuterRef("case_id"))),
        # Breach proceedings started on a current order or licence: the bench will ask.
        in_breach=Exists(
            EnforcementAction.objects.filter(
                case=OuterRef("case_id"), kind=ActionKind.BREACH, event__active=True
            )
        ),
    )
    if status:
        hearings = hearings.filter(probation_status=status)
    return hearings.order_by("session", "courtroom", "list_number")


def hearing_detail(pk: int) -> Hearing:
    return _with_probation_status(Hearing.objects.select_related("court", "case", "event")).get(
        pk=pk
    )


def reports_to_write(user) -> QuerySet[PreSentenceReport]:
    """The user's reports not yet final, soonest due first, on cases they may still see."""
    return (
        PreSentenceReport.objects.filter(author=user, case__in=visible_cases(user))
        .exclude(state=ReportState.FINAL)
        .select_related("case", "hearing__court")
        .order_by("due_date")
    )


def team_reports(user) -> QuerySet[PreSentenceReport]:
    """The court team's worklist: reports not yet final written by anyone in the user's team,
    soonest due first, on cases the user may see."""
    if user.team_id is None:
        return PreSentenceReport.objects.none()
    return (
        PreSentenceReport.objects.filter(author__team_id=user.team_id, case__in=visible_cases(user))
        .exclude(state=ReportState.FINAL)
        .select_related("case", "hearing__court", "author")
        .order_by("due_date", "pk")
    )
