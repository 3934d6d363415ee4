"""Limits on community and suspended sentence orders and their requirements, England and Wales.

Pure functions; no Django. Each check returns ``Problem``s (the form field at fault and a
message a practitioner can act on) rather than raising, so a form can show them all at once.
Where the law changed, the rule is chosen by the date the statute says: conviction for the
curfew limits and the SSO term, offence for the Sentencing Act 2026 prohibitions.

Sources (as summarised in the practice notes, rules.md section 1):

- Sentencing Act 2020 (the Sentencing Code) ss.200-209 (community orders: at most 3 years,
  at least one requirement), ss.264, 286-288 (suspended sentence orders: custodial term of
  14 days to 2 years, operational period of 6 months to 2 years, supervision period within it).
- Sentencing Code Sch 9: Pt 1 unpaid work (40-300 hours), Pt 2 rehabilitation activity (the
  court sets the maximum days), Pt 3 programme, Pt 4 prohibited activity, Pt 5 curfew (as
  amended by the Police, Crime, Sentencing and Courts Act 2022 for convictions on or after
  28 Jun 2022: 2-20 hours a day, at most 112 hours in any 7 days, up to 2 years; before: 2-16
  hours a day, up to 12 months), Pt 6 exclusion (up to 2 years), Pt 7 residence, Pt 8 foreign
  travel prohibition (up to 12 months from the day the order is made), Pts 9-11 mental health,
  drug rehabilitation and alcohol treatment, Pt 12 alcohol abstinence and monitoring, Pt 13
  attendance centre (12-36 hours, under 25 at conviction).
- Sentencing Code Sch 10 para 13(4): unpaid work imposed for a breach may be under 40 hours
  (at least 20).
- Sentencing Code Sch 9 para 2 (unpaid work to be done within 12 months unless the court
  extends it), repealed for all orders by Sentencing Act 2026 s.36.
- Sentencing Act 2026 (c.2) s.2 (SSO custodial term and operational period up to 3 years for
  convictions on or after 22 Mar 2026) and ss.14-17 (driving prohibition, public event
  attendance prohibition, drinking establishment entry prohibition, restriction zone: only
  for offences committed on or after commencement).
- Sentencing Council, *Imposition of community and custodial sentences* (1 Apr 2025).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desist.rules.release_dates import Term, term_end

__all__ = [
    "CATEGORIES",
    "Order",
    "Problem",
    "ProposedRequirement",
    "order_problems",
    "requirement_problems",
    "upw_extension_due",
]

CURFEW_2022 = date(2022, 6, 28)  # PCSC Act 2022 s.152 (curfew limits)
SA2026_SSO = date(2026, 3, 22)  # SA2026 s.2: longer SSOs, by conviction date
# VERIFY: the commencement date of SA2026 ss.14-17 is not confirmed in a primary source; taken
# as the Act's two-month commencement (22 Mar 2026), as s.2.
SA2026_PROHIBITIONS = date(2026, 3, 22)
# SA2026 s.36 (SI 2026/402, May 2026) removes the 12-month limit on unpaid work for every order,
# whenever made. VERIFY: the exact day in May is not confirmed; taken as 1 May, as PSS repeal.
UPW_TIME_LIMIT_REPEALED = date(2026, 5, 1)


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    unit: str  # what ``length`` counts: "hours", "days" or "months"
    minimum: int = 1
    maximum: int | None = None  # None: no limit but the order's own end
    new_in_sa2026: bool = False


CATEGORIES: dict[str, Category] = {
    c.code: c
    for c in (
        Category("UPW", "Unpaid work", "hours", 40, 300),
        Category("RAR", "Rehabilitation activity", "days"),
        Category("PROG", "Accredited programme", "days"),
        Category("PROH", "Prohibited activity", "months"),
        Category("CURF", "Curfew", "months", 1, 24),
        Category("EXCL", "Exclusion", "months", 1, 24),
        Category("RESI", "Residence", "months"),
        Category("FTP", "Foreign travel prohibition", "months", 1, 12),
        Category("MHTR", "Mental health treatment", "months"),
        Category("DRR", "Drug rehabilitation", "months"),
        Category("ATR", "Alcohol treatment", "months"),
        # VERIFY: the maximum is historically 120 days (rules.md section 1).
        Category("AAMR", "Alcohol abstinence and monitoring", "days", 1, 120),
        Category("ACR", "Attendance centre", "hours", 12, 36),
        Category("DRIV", "Driving prohibition", "months", new_in_sa2026=True),
        Category("PEVT", "Public event attendance prohibition", "months", new_in_sa2026=True),
        Category("DRNK", "Drinking establishment entry prohibition", "months", new_in_sa2026=True),
        Category("RZON", "Restriction zone", "months", new_in_sa2026=True),
    )
}
BREACH_UPW_MINIMUM = 20
ATTENDANCE_CENTRE_AGE_LIMIT = 25


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


@dataclass(frozen=True)
class Order:
    """The order a requirement belongs to: ``start`` to ``end`` is the community order or the
    suspended sentence order's supervision period, which every requirement must end within."""

    start: date
    end: date
    conviction_date: date
    offence_date: date
    age_at_conviction: int


@dataclass(frozen=True)
class ProposedRequirement:
    category: str
    length: int
    hours_per_day: int | None = None  # curfew only
    days_per_week: int | None = None  # curfew only
    on_breach: bool = False  # imposed as a sanction for breach of the order


def _range_message(name: str, low: int, high: int, unit: str) -> str:
    return f"{name} must be between {low} and {high} {unit}"


def requirement_problems(proposed: ProposedRequirement, *, order: Order) -> list[Problem]:
    """Everything wrong with a requirement on this order under the law that applies to it."""
    category = CATEGORIES.get(proposed.category)
    if category is None:
        return [Problem("category", "Select a requirement type")]
    if category.new_in_sa2026 and order.offence_date < SA2026_PROHIBITIONS:
        return [
            Problem(
                "category",
                f"A {category.name.lower()} requirement is only for offences committed on or "
                f"after {SA2026_PROHIBITIONS:%-d %B %Y}",
            )
        ]
    if category.code == "ACR" and order.age_at_conviction >= ATTENDANCE_CENTRE_AGE_LIMIT:
        return [
            Problem(
                "category",
                f"An attendance centre requirement is only for people aged under "
                f"{ATTENDANCE_CENTRE_AGE_LIMIT} when convicted",
            )
        ]
    low, high = category.minimum, category.maximum
    if category.code == "UPW" and proposed.on_breach:
        low = BREACH_UPW_MINIMUM
    if category.code == "CURF" and order.conviction_date < CURFEW_2022:
        high = 12
    problems = []
    if high is None:
        if proposed.length < low:
            problems.append(
                Problem("length", f"{category.name} must be at least {low} {category.unit}")
            )
    elif not low <= proposed.length <= high:
        problems.append(Problem("length", _range_message(category.name, low, high, category.unit)))
    if (
        category.unit == "months"
        and not problems
        and term_end(order.start, Term(months=proposed.length)) > order.end
    ):
        problems.append(
            Problem(
                "length",
                f"{category.name} must end by the end of the order on {order.end:%-d %B %Y}",
            )
        )
    if category.code == "CURF":
        problems += _curfew_problems(proposed, order)
    return problems


def _curfew_problems(proposed: ProposedRequirement, order: Order) -> list[Problem]:
    daily_max = 20 if order.conviction_date >= CURFEW_2022 else 16
    hours, days = proposed.hours_per_day, proposed.days_per_week
    if hours is None or days is None:
        return [Problem("hours_per_day", "Enter the curfew hours a day and days a week")]
    problems = []
    if not 2 <= hours <= daily_max:
        problems.append(
            Problem("hours_per_day", _range_message("Curfew hours", 2, daily_max, "a day"))
        )
    if not 1 <= days <= 7:
        problems.append(Problem("days_per_week", "Curfew days must be between 1 and 7 a week"))
    elif order.conviction_date >= CURFEW_2022 and hours * days > 112:
        problems.append(
            Problem(
                "days_per_week",
                f"Curfew must be no more than 112 hours in any 7 days ({hours} hours on "
                f"{days} days is {hours * days})",
            )
        )
    return problems


def order_problems(
    *,
    kind: str,
    conviction_date: date,
    sentence_date: date,
    length: Term,
    operational_months: int | None = None,
    supervision_months: int | None = None,
) -> list[Problem]:
    """Everything wrong with the length of a community order ("CO") or a suspended sentence
    order ("SSO"). For an SSO, ``length`` is the suspended custodial term."""
    end = term_end(sentence_date, length)
    if kind == "CO":
        if end > term_end(sentence_date, Term(years=3)):
            return [Problem("length", "A community order must be no longer than 3 years")]
        return []
    if kind != "SSO":
        return []
    years = 3 if conviction_date >= SA2026_SSO else 2
    problems = []
    if (end - sentence_date).days + 1 < 14 or end > term_end(sentence_date, Term(years=years)):
        problems.append(
            Problem(
                "length",
                f"A suspended sentence must be between 14 days and {years} years for a "
                f"conviction on {conviction_date:%-d %B %Y}",
            )
        )
    if operational_months is None or not 6 <= operational_months <= 12 * years:
        problems.append(
            Problem(
                "operational_months",
                _range_message("The operational period", 6, 12 * years, "months"),
            )
        )
    elif supervision_months is not None and supervision_months > operational_months:
        problems.append(
            Problem(
                "supervision_months",
                "The supervision period must be no longer than the operational period",
            )
        )
    return problems


def upw_extension_due(
    *, order_date: date, ordered: float, worked: float, as_at: date
) -> date | None:
    """The day by which the court had to extend an unfinished unpaid work requirement, or None
    when none is needed: the hours are done, or the 12-month limit has been repealed."""
    if worked >= ordered or as_at >= UPW_TIME_LIMIT_REPEALED:
        return None
    return term_end(order_date, Term(months=12)) + timedelta(days=1)
