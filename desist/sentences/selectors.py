"""Reads for events and sentences, each in a fixed number of queries. Progress on a requirement
and release dates are computed here from the records, never typed in."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, TruncDate
from django.shortcuts import get_object_or_404

from desist.core.compiled import compiled_once
from desist.people.models import Case
from desist.rules import release_dates
from desist.rules.release_dates import LAW_PROFILES, ReleaseDates, Sentence, Term, term_end
from desist.rules.requirements import CATEGORIES, upw_extension_due
from desist.sentences.constants import OffenceCategory
from desist.sentences.models import CourtAppearance, Event, Offence, Requirement

ATTENDED_COMPLIED = "ATTC"
# The calculator's release-date flags for an offence category (SDS40 and SA2026 exclusions).
RELEASE_FLAGS = {
    OffenceCategory.SEXUAL: frozenset({"SEXUAL"}),
    OffenceCategory.TERRORISM: frozenset({"TERRORISM", "NATIONAL_SECURITY"}),
}
VIOLENT_EXCLUSION_YEARS = 4  # SDS40 excludes violent offences only on terms of 4 years or more


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def main_offences() -> Prefetch:
    return Prefetch(
        "offences", queryset=Offence.objects.filter(main=True), to_attr="main_offence_list"
    )


def main_offence(event: Event) -> Offence:
    if hasattr(event, "main_offence_list"):
        return event.main_offence_list[0]
    return event.offences.get(main=True)


def case_events(case: Case) -> list[Event]:
    """A case's events, newest first, with their main offence's description: one query."""
    return _events(case_id=case.pk)


@compiled_once
def _events(*, case_id: int) -> QuerySet[Event]:
    main = Offence.objects.filter(event=OuterRef("pk"), main=True).values("description")
    return Event.objects.filter(case_id=case_id).annotate(main_offence=Subquery(main[:1]))


def event_for_case(case: Case, number: int) -> Event:
    """One event of a case already opened through get_case_for_user, or 404."""
    event = get_object_or_404(case.events.prefetch_related(main_offences()), number=number)
    event.case = case
    return event


def law_for(sentence_date: date) -> release_dates.LawProfile:
    """The calculator profile in force when the sentence was passed: SDS40 from 10 Sep 2024, the
    SA2026 progression model from 1 Oct 2026 (each profile keeps the earlier schemes)."""
    if sentence_date >= date(2026, 10, 1):
        return LAW_PROFILES["sds-progression-model-october"]
    if sentence_date >= date(2024, 9, 10):
        return LAW_PROFILES["calculation-params"]
    return LAW_PROFILES["sds-50"]


def event_release_dates(
    event: Event, *, date_of_birth: date, as_at: date | None = None
) -> ReleaseDates | None:
    """CRD, SLED and TUSED for a custodial sentence, as they stand on ``as_at`` (today)."""
    if not event.is_custodial or not event.sentence_date or event.term is None:
        return None
    offence = main_offence(event)
    flags = RELEASE_FLAGS.get(offence.category, frozenset())
    start = event.sentence_date
    if offence.category == OffenceCategory.VIOLENCE and term_end(start, event.term) >= term_end(
        start, Term(years=VIOLENT_EXCLUSION_YEARS)
    ):
        flags |= {"VIOLENT"}
    sentence = Sentence(
        sentence_date=event.sentence_date,
        term=event.term,
        offence_date=offence.offence_date,
        date_of_birth=date_of_birth,
        remand_days=event.remand_days,
        tagged_bail_days=event.tagged_bail_days,
        exclusions=flags,
    )
    return release_dates.calculate_release_dates(
        sentence, law=law_for(event.sentence_date), as_at=as_at or date.today()
    )


@dataclass(frozen=True)
class Ledger:
    """Progress on one requirement, from the appointments recorded against it."""

    unit: str  # what is counted: "hours", "days" or "sessions"
    done: float
    ordered: int | None
    extension_due: date | None = None  # unpaid work past its time limit (pre-SA2026 only)

    @property
    def remaining(self) -> float | None:
        return None if self.ordered is None else max(0, self.ordered - self.done)


def requirement_ledgers(
    requirements: list[Requirement], *, as_at: date | None = None
) -> dict[int, Ledger]:
    """Unpaid work hours worked, RAR days used and programme sessions attended, counting only
    appointments attended and complied with (ATTC): one query for any number of requirements.
    A RAR day is a date with at least one such appointment, however many were on it. Unpaid
    work also counts the minutes credited to a session cut short (someone sent home part-way):
    where credited minutes are recorded they count instead of the length."""
    complied = Q(appointments__outcome=ATTENDED_COMPLIED)
    credited = complied | Q(appointments__credited_minutes__isnull=False)
    totals = {
        row["pk"]: row
        for row in Requirement.objects.filter(pk__in=[r.pk for r in requirements])
        .values("pk")
        .annotate(
            minutes=Sum(
                Coalesce("appointments__credited_minutes", "appointments__duration_minutes"),
                filter=credited,
            ),
            days=Count(TruncDate("appointments__starts_at"), filter=complied, distinct=True),
            sessions=Count("appointments", filter=complied),
        )
    }
    ledgers = {}
    for requirement in requirements:
        row = totals.get(requirement.pk, {})
        if requirement.category == "UPW":
            worked = (row.get("minutes") or 0) / 60
            due = upw_extension_due(
                order_date=requirement.start_date,
                ordered=requirement.length,
                worked=worked,
                as_at=as_at or date.today(),
            )
            ledger = Ledger("hours", worked, requirement.length, due)
        elif requirement.category == "RAR":
            ledger = Ledger("days", row.get("days") or 0, requirement.length)
        elif requirement.category == "PROG":
            ledger = Ledger("sessions", row.get("sessions") or 0, None)
        else:
            continue
        ledgers[requirement.pk] = ledger
    return ledgers


def event_detail(case: Case, number: int) -> dict:
    """Everything the event page shows, in a fixed number of queries."""
    event = get_object_or_404(
        case.events.prefetch_related(
            "offences",
            Prefetch("appearances", queryset=CourtAppearance.objects.select_related("court")),
            "requirements",
            "licence_conditions",
        ),
        number=number,
    )
    event.case = case
    offences = list(event.offences.all())
    event.main_offence_list = [o for o in offences if o.main]
    requirements = list(event.requirements.all())
    ledgers = requirement_ledgers(requirements) if requirements else {}
    return {
        "event": event,
        "offences": offences,
        "appearances": list(event.appearances.all()),
        "requirements": [(r, CATEGORIES[r.category].unit, ledgers.get(r.pk)) for r in requirements],
        "licence_conditions": list(event.licence_conditions.all()),
        "release_dates": event_release_dates(event, date_of_birth=case.date_of_birth),
    }
