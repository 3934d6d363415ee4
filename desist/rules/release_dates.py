"""Release dates for one standard determinate sentence (SDS or SDS+), England and Wales.

Pure functions over frozen dataclasses; no Django. The law is data: each ``LawProfile`` lists
the dated early-release schemes in force (SDS40, the Sentencing Act 2026 progression model)
and the date post-sentence supervision was repealed, so a rule that changed is chosen by its
commencement and tranche dates rather than by branches in the arithmetic.

Sources (as summarised in the practice notes, rules.md section 2):

- Criminal Justice Act 2003 ss.240ZA, 240A (remand and tagged-bail credit), s.243A
  (unconditional release of pre-ORA terms under 12 months: ARD), s.244 (release at the
  requisite custodial period: CRD), s.244ZA (SDS+ at two-thirds), s.249 (licence to SLED),
  ss.256AA-256AC (post-sentence supervision: TUSED).
- Criminal Justice Act 1991 Part II as saved for offences before 4 Apr 2005 and sentences
  before 3 Dec 2012 (LASPO 2012): terms of 12 months to under 4 years end the licence at the
  three-quarter point (separate LED).
- Offender Rehabilitation Act 2014 (offences on or after 1 Feb 2015): licence for terms under
  12 months, and top-up supervision for terms over 1 day and under 2 years.
- Criminal Justice Act 2003 (Requisite and Minimum Custodial Periods) Order 2024 (SDS40):
  40% release, tranche 1 from 10 Sep 2024 (terms under 5 years), tranche 2 from 22 Oct 2024,
  further exclusions from 16 Dec 2024.
- Sentencing Act 2026 (c.2): the progression model (SDS one-third, SDS+ one-half) phased in by
  sentence-length tranches from 1 Oct 2026 to 8 Jun 2027; s.34 and Sch 5 repeal post-sentence
  supervision (SI 2026/402, May 2026), including for people already subject to it.
- Prison Service Instruction 2012 (sentence calculation) para 5.5 for converting a term to days.
- The MoJ calculate-release-dates-api (MIT, Crown copyright; commit cd827b07, Aug 2026): its
  acceptance-test data is the source of the test vectors, and its configuration profiles
  (``sds-50``, ``calculation-params``, ``sds-progression-model-october``) name ours.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

__all__ = [
    "LAW_PROFILES",
    "EarlyReleaseScheme",
    "LawProfile",
    "ReleaseDates",
    "Sentence",
    "Term",
    "Tranche",
    "calculate_release_dates",
    "term_end",
]

CJA_2003_COMMENCEMENT = date(2005, 4, 4)
LASPO_COMMENCEMENT = date(2012, 12, 3)
ORA_COMMENCEMENT = date(2015, 2, 1)


@dataclass(frozen=True)
class Term:
    """A custodial term as the court passed it; months and years are calendar months."""

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0


@dataclass(frozen=True)
class Sentence:
    """One standard determinate sentence and the facts its release dates depend on.

    ``exclusions`` are the calculator's offence flags (e.g. ``SEXUAL``, ``VIOLENT``,
    ``DOMESTIC_ABUSE``, ``NATIONAL_SECURITY``, ``SEXUAL_T3``,
    ``SA2026_PROGRESSION_MODEL_SCHEDULE``).
    ``section_250`` marks detention of a child under Sentencing Code s.250.
    """

    sentence_date: date
    term: Term
    offence_date: date
    date_of_birth: date
    sds_plus: bool = False
    remand_days: int = 0
    tagged_bail_days: int = 0
    exclusions: frozenset[str] = frozenset()
    section_250: bool = False


@dataclass(frozen=True)
class Tranche:
    """Sentences of at most ``max_days`` days, or shorter than ``under_years`` years, move on
    ``commences``; a tranche with neither limit takes every sentence left."""

    commences: date
    max_days: int | None = None
    under_years: int | None = None

    def covers(self, sentence: Sentence, term_days: int) -> bool:
        if self.max_days is not None and term_days > self.max_days:
            return False
        return self.under_years is None or _shorter_than(sentence, 12 * self.under_years)


@dataclass(frozen=True)
class EarlyReleaseScheme:
    """A change to the release point, phased in by tranches, with its excluded offences.

    ``later_exclusions`` are exclusions added from a date; they bite when the scheme's own
    release date would fall on or after it (SDS40's "tranche 3").
    """

    name: str
    sds: Fraction
    sds_plus: Fraction | None
    tranches: tuple[Tranche, ...]
    excluded: frozenset[str] = frozenset()
    later_exclusions: tuple[tuple[date, frozenset[str]], ...] = ()
    excludes_section_250: bool = False
    releases_on_licence: bool = False

    def commencement_for(self, sentence: Sentence, term_days: int) -> date:
        """The date this scheme reaches a sentence of this length (first tranche covering it)."""
        return next(t.commences for t in self.tranches if t.covers(sentence, term_days))


@dataclass(frozen=True)
class LawProfile:
    """The law as a dated table: schemes apply in order, each over the result of the last."""

    name: str
    schemes: tuple[EarlyReleaseScheme, ...]
    pss_repealed_from: date | None


SDS40 = EarlyReleaseScheme(
    name="SDS40",
    sds=Fraction(2, 5),
    sds_plus=None,
    tranches=(Tranche(date(2024, 9, 10), under_years=5), Tranche(date(2024, 10, 22))),
    excluded=frozenset({"SEXUAL", "VIOLENT", "DOMESTIC_ABUSE", "NATIONAL_SECURITY", "TERRORISM"}),
    later_exclusions=(
        (date(2024, 12, 16), frozenset({"SEXUAL_T3", "DOMESTIC_ABUSE_T3", "MURDER_T3"})),
    ),
)

# Tranche limits in days and dates as the calculator's progression-model config, with tranche 1
# delayed to 1 Oct 2026 (profile "sds-progression-model-october"). Release under the model is on
# licence even for pre-ORA terms under 12 months (vectors crs-2694-ac1-1a, crs-2657-ac2-1a).
SA2026_PROGRESSION = EarlyReleaseScheme(
    name="SA2026 progression model",
    sds=Fraction(1, 3),
    sds_plus=Fraction(1, 2),
    tranches=(
        Tranche(date(2026, 10, 1), 574),
        Tranche(date(2026, 10, 13), 882),
        Tranche(date(2026, 11, 10), 1162),
        Tranche(date(2026, 12, 8), 1561),
        Tranche(date(2027, 1, 12), 2121),
        Tranche(date(2027, 2, 9), 2758),
        Tranche(date(2027, 3, 9), 3283),
        Tranche(date(2027, 4, 13), 3654),
        Tranche(date(2027, 5, 11), 4396),
        Tranche(date(2027, 6, 8)),
    ),
    excluded=frozenset(
        {"SA2026_PROGRESSION_MODEL_SCHEDULE", "PROGRESSION_MODEL_SCHEDULE_13_PART_3"}
    ),
    excludes_section_250=True,
    releases_on_licence=True,
)

# VERIFY: SI 2026/402 brings s.34 into force in May 2026; the exact day is not confirmed.
PSS_REPEAL = date(2026, 5, 1)

LAW_PROFILES: dict[str, LawProfile] = {
    "sds-50": LawProfile("sds-50", (), PSS_REPEAL),
    "calculation-params": LawProfile("calculation-params", (SDS40,), PSS_REPEAL),
    "sds-progression-model-october": LawProfile(
        "sds-progression-model-october", (SDS40, SA2026_PROGRESSION), PSS_REPEAL
    ),
}


@dataclass(frozen=True)
class ReleaseDates:
    """The dates a practitioner sees.

    ``release_type`` is "CRD" (release on licence) or "ARD" (unconditional). SLED is set when
    sentence and licence expire together; otherwise SED and LED (LED None: no licence).
    """

    release_type: str
    release_date: date
    sed: date
    led: date | None
    tused: date | None
    immediate_release: bool
    sentence_end: date  # ESED: end of the term before remand and tagged bail
    scheme: str  # the rule set that fixed the release date

    @property
    def crd(self) -> date | None:
        return self.release_date if self.release_type == "CRD" else None

    @property
    def ard(self) -> date | None:
        return self.release_date if self.release_type == "ARD" else None

    @property
    def sled(self) -> date | None:
        return self.sed if self.led == self.sed else None


def _add_months(day: date, months: int) -> date:
    """Calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_end(start: date, term: Term) -> date:
    """Last day of a term (PSI 2012 para 5.5).

    Count from the day before the start, so 1 month from 31 Aug ends 30 Sep; a term in months
    or years starting on the 1st ends on the last day of a month (1 Jan + 3 months = 31 Mar).
    """
    months = 12 * term.years + term.months
    if start.day == 1 and months:
        end = _add_months(start, months - 1)
        end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
    else:
        end = _add_months(start - timedelta(days=1), months)
    return end + timedelta(weeks=term.weeks, days=term.days)


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _shorter_than(sentence: Sentence, months: int) -> bool:
    return term_end(sentence.sentence_date, sentence.term) < term_end(
        sentence.sentence_date, Term(months=months)
    )


def _point(start: date, term_days: int, fraction: Fraction, credit: int) -> date:
    """Day on which ``fraction`` of the term has been served, less remand and tagged bail.

    Part days round up: a 365-day term at one half is served after 183 days.
    """
    return start + timedelta(days=math.ceil(term_days * fraction) - 1 - credit)


def _scheme_applies(scheme: EarlyReleaseScheme, sentence: Sentence, early: date) -> bool:
    if scheme.excludes_section_250 and sentence.section_250:
        return False
    excluded = set(scheme.excluded)
    for commences, flags in scheme.later_exclusions:
        if early >= commences:
            excluded |= flags
    return not excluded & sentence.exclusions


def calculate_release_dates(
    sentence: Sentence, *, law: LawProfile, as_at: date | None = None
) -> ReleaseDates:
    """Release dates for one sentence under ``law``, as the calculation stands on ``as_at``.

    ``as_at`` matters only for repeals that reach people already sentenced (PSS: no TUSED is
    shown once SA2026 s.34 is in force); None means before any such repeal.
    """
    start = sentence.sentence_date
    end = term_end(start, sentence.term)
    term_days = (end - start).days + 1
    credit = sentence.remand_days + sentence.tagged_bail_days
    expiry = end - timedelta(days=credit)

    pre_cja = start < LASPO_COMMENCEMENT and sentence.offence_date < CJA_2003_COMMENCEMENT
    ora = sentence.offence_date >= ORA_COMMENCEMENT and not pre_cja

    # Release point before any early-release scheme: 1/2, or 2/3 for SDS+.
    fraction = Fraction(2, 3) if sentence.sds_plus else Fraction(1, 2)
    release = _point(start, term_days, fraction, credit)
    unfloored = release  # the date before any tranche floor: TUSED runs from it
    governing: EarlyReleaseScheme | None = None
    for scheme in law.schemes:
        early_fraction = scheme.sds_plus if sentence.sds_plus else scheme.sds
        if early_fraction is None:
            continue  # the scheme leaves SDS+ at its existing point
        early = _point(start, term_days, early_fraction, credit)
        if not _scheme_applies(scheme, sentence, early):
            continue
        commences = scheme.commencement_for(sentence, term_days)
        if release < commences:
            continue  # released (or due) under the earlier rules before this tranche began
        unfloored = early
        release = max(early, commences)
        governing = scheme

    immediate = release <= start
    if immediate:
        release = start

    # Terms of 12 months or more are always released on licence; shorter ones only under ORA
    # (more than one day, 18 or over on release) or when the governing scheme says so.
    licence = (
        not _shorter_than(sentence, 12)
        or (ora and term_days > 1 and _age_on(sentence.date_of_birth, release) >= 18)
        or (governing is not None and governing.releases_on_licence)
    )
    if pre_cja and not _shorter_than(sentence, 12) and _shorter_than(sentence, 48):
        # Credit can carry the three-quarter point to before release: the licence is then
        # already spent, so it expires on the day of release.
        led: date | None = max(_point(start, term_days, Fraction(3, 4), credit), release)
    else:
        led = expiry if licence else None

    tused = None
    pss_in_force = law.pss_repealed_from is None or as_at is None or as_at < law.pss_repealed_from
    if (
        pss_in_force
        and ora
        and licence
        and term_days > 1
        and _shorter_than(sentence, 24)
        and (expiry - release).days < 365  # top-up only where the licence is under a year
        and _age_on(sentence.date_of_birth, release) >= 18
    ):
        tused = _add_months(start if immediate else unfloored, 12)

    return ReleaseDates(
        release_type="CRD" if licence else "ARD",
        release_date=release,
        sed=expiry,
        led=led,
        tused=tused,
        immediate_release=immediate,
        sentence_end=end,
        scheme=governing.name if governing else "standard",
    )
