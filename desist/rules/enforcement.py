"""Compliance and enforcement: what is due on an event, from its failures and actions so far.

Three rules practitioners apply by hand and get wrong under pressure: when a warning is due and
when breach (or, on licence, recall) becomes mandatory; which recall type to ask for; and when
the Probation Reset stops routine appointments in the final third. Pure functions over frozen
dataclasses; no Django. Deadlines use ``working_days``.

Sources (as summarised in the practice notes, rules.md sections 1 and 3, and vocabulary.md):

- Sentencing Act 2020 (Sentencing Code) Sch 10 paras 5-6 (community orders: a warning on an
  unacceptable failure; a further failure within 12 months of a warning means an information
  must be laid) and Sch 16 (the suspended sentence order equivalent).
- Criminal Justice Act 2003 s.254 (recall of licensees), s.255 onwards (fixed-term and
  standard recall), ss.256AA-256AC (post-sentence supervision and its breach).
- Probation Circular 43/2004, *Managing compliance and enforcement of community penalties*:
  enforcement action initiated within 10 working days (the National Standards target).
- Sentencing Act 2026 (c.2) ss.31-33: automatic re-release 56 days after a fixed-term recall
  from 31 Mar 2026, phased by sentence length to 12 May 2026 (tranche dates as configured in
  the MoJ calculate-release-dates-api, commit cd827b07); s.34 and Sch 5 repeal post-sentence
  supervision (date shared with ``release_dates.PSS_REPEAL``), except for failures begun before.
- "FTR48" (recall changes, 2 Sep 2025): fixed-term recall mandatory for most sentences under
  4 years.
- HMPPS "Probation Reset" (2024, operational; summarised in the Newcastle Safeguarding
  "Probation Reset update"): no routine supervision after two-thirds of a licence, or of a
  CO/SSO with a rehabilitation activity requirement; one licence follow-up midway through the
  final third; MAPPA, very high RoSH, National Security Division, active child protection and
  intensive supervision court cases are exempt.
- nDelius outcome and enforcement codes (vocabulary.md) for the code mappings.

Interpretations marked VERIFY in the comments below are not confirmed in a primary source.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desist.rules.release_dates import PSS_REPEAL, Term, term_end
from desist.rules.working_days import add_working_days

__all__ = [
    "FTR56_COMMENCEMENT",
    "FTR56_TRANCHES",
    "FTR48_COMMENCEMENT",
    "ActionKind",
    "ComplianceSummary",
    "DueAction",
    "DueKind",
    "EnforcementAction",
    "EnforcementAssessment",
    "EnforcementHistory",
    "EnforcementPolicy",
    "Failure",
    "FailureKind",
    "FinalThird",
    "OrderType",
    "RecallCase",
    "RecallSuggestion",
    "RecallType",
    "Rosh",
    "SupervisionPeriod",
    "action_from_code",
    "enforcement_due",
    "failure_from_outcome",
    "final_third",
    "ftr56_tranche_date",
    "recall_type_suggested",
]

WARNING_PERIOD_MONTHS = 12


class OrderType(StrEnum):
    COMMUNITY_ORDER = "CO"
    SUSPENDED_SENTENCE_ORDER = "SSO"
    LICENCE = "LICENCE"
    POST_SENTENCE_SUPERVISION = "PSS"


class FailureKind(StrEnum):
    FAILED_TO_ATTEND = "failed to attend"
    FAILED_TO_COMPLY = "failed to comply"


class ActionKind(StrEnum):
    WARNING = "warning"
    WARNING_WITHDRAWN = "warning withdrawn"
    BREACH = "breach"
    RECALL_REQUEST = "recall request"
    DECISION_NOT_TO_RECALL = "decision not to recall"
    OTHER = "other"  # recorded (ROM, NFA, C173) but answers nothing


class DueKind(StrEnum):
    WARNING = "warning"
    BREACH = "breach"
    RECALL_CONSIDERATION = "recall consideration"


@dataclass(frozen=True)
class Failure:
    """A failure to attend or comply. ``acceptable`` only when a reasonable excuse was accepted
    on evidence: an absence left unverified counts as unacceptable (rules.md §3)."""

    on: date
    kind: FailureKind
    acceptable: bool = False
    ref: str = ""  # the contact it came from, so a due action can link back


@dataclass(frozen=True)
class EnforcementAction:
    """An enforcement action already recorded. A withdrawal names the warning it withdraws by
    date (``withdraws``); without one it withdraws the latest live warning before it."""

    on: date
    kind: ActionKind
    code: str = ""
    withdraws: date | None = None


@dataclass(frozen=True)
class EnforcementHistory:
    order_type: OrderType
    failures: tuple[Failure, ...] = ()
    actions: tuple[EnforcementAction, ...] = ()


@dataclass(frozen=True)
class EnforcementPolicy:
    """Deadlines in working days after the failure. Configurable because only the breach target
    has a cited source (PC 43/2004); the others are local practice."""

    warning_working_days: int = 10  # VERIFY: PC 43/2004 "enforcement action" read as warnings too
    breach_working_days: int = 10
    recall_consideration_working_days: int = 1  # VERIFY: recall targets are in hours
    pss_repeal: date = PSS_REPEAL


@dataclass(frozen=True)
class DueAction:
    kind: DueKind
    failure: Failure
    reason: str
    due: date
    overdue: bool
    prior_warning: date | None = None  # the live warning that made breach or recall due
    warning_must: tuple[str, ...] = ()  # what the warning letter must contain


@dataclass(frozen=True)
class ComplianceSummary:
    unacceptable_failures_last_12_months: int
    warnings_last_12_months: int
    breach_actions: int
    recall_requests: int
    live_warning: date | None  # the latest warning still counting at ``today``
    live_warning_until: date | None  # a failure up to this day makes breach/recall due


@dataclass(frozen=True)
class EnforcementAssessment:
    due: tuple[DueAction, ...]
    summary: ComplianceSummary


# nDelius contact outcomes (vocabulary.md). None: not a failure (attended, rescheduled, or sent
# home for service reasons).
_UNACCEPTABLE_OUTCOMES = {
    "AFTA": FailureKind.FAILED_TO_ATTEND,
    "UAAB": FailureKind.FAILED_TO_ATTEND,
    "AFTC": FailureKind.FAILED_TO_COMPLY,
    "ATSH": FailureKind.FAILED_TO_COMPLY,  # VERIFY: sent home for behaviour as a failure
}
_ACCEPTABLE_OUTCOMES = frozenset(
    {"AACL", "AAEM", "AAFC", "AAHO", "AAME", "AARE", "AARC", "CO05", "CO10"}
)
_NOT_A_FAILURE = frozenset({"ATTC", "ATSS", "RSSR", "RSOF"})

_WARNING_CODES = frozenset({"EA02", "EA03", "LCL"})
_BREACH_OR_RECALL_CODES = frozenset({"IBR", "IMB"})
_BREACH_CODES = frozenset({"EA08", "BRE"})
_WITHDRAW_CODES = frozenset({"EA06", "EA07"})
_OTHER_CODES = frozenset({"ROM", "NFA", "C173"})


def failure_from_outcome(code: str, on: date, ref: str = "") -> Failure | None:
    """Map an nDelius outcome code to a failure (acceptable or not); None if it is no failure.

    Acceptable-absence codes become acceptable failures to attend, so the record stays complete
    while never counting towards enforcement.
    """
    code = code.upper()
    if code in _UNACCEPTABLE_OUTCOMES:
        return Failure(on, _UNACCEPTABLE_OUTCOMES[code], ref=ref)
    if code in _ACCEPTABLE_OUTCOMES:
        return Failure(on, FailureKind.FAILED_TO_ATTEND, acceptable=True, ref=ref)
    if code in _NOT_A_FAILURE:
        return None
    raise ValueError(f"unknown outcome code {code!r}")


def action_from_code(
    code: str, on: date, order_type: OrderType, withdraws: date | None = None
) -> EnforcementAction:
    """Map an nDelius enforcement code to an action. IBR/IMB ("breach/recall initiated") mean
    recall on a licence and breach on an order."""
    code = code.upper()
    if code in _WARNING_CODES:
        kind = ActionKind.WARNING
    elif code in _BREACH_CODES:
        kind = ActionKind.BREACH
    elif code in _BREACH_OR_RECALL_CODES:
        recall = order_type is OrderType.LICENCE
        kind = ActionKind.RECALL_REQUEST if recall else ActionKind.BREACH
    elif code == "EA11":
        kind = ActionKind.RECALL_REQUEST
    elif code in _WITHDRAW_CODES:
        kind = ActionKind.WARNING_WITHDRAWN
    elif code in _OTHER_CODES:
        kind = ActionKind.OTHER
    else:
        raise ValueError(f"unknown enforcement code {code!r}")
    return EnforcementAction(
        on, kind, code, withdraws if kind is ActionKind.WARNING_WITHDRAWN else None
    )


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _within_12_months_after(earlier: date, later: date) -> bool:
    """``later`` falls within the 12 months after ``earlier``: strictly after it, and no later
    than the corresponding date a year on (the last day of the month when there is none).

    VERIFY: the corresponding-date reading (warning 1 Mar 2025 still counts on 1 Mar 2026)
    matches the rules.md test case, which takes 2 Mar 2026 as the first day outside.
    """
    return earlier < later <= _add_months(earlier, WARNING_PERIOD_MONTHS)


def _live_warnings(actions: Iterable[EnforcementAction], today: date) -> list[date]:
    """Warning dates that still count at ``today``: recorded by then and not withdrawn."""
    recorded = sorted((a for a in actions if a.on <= today), key=lambda a: (a.on, a.kind))
    live: list[date] = []
    for action in recorded:
        if action.kind is ActionKind.WARNING:
            live.append(action.on)
        elif action.kind is ActionKind.WARNING_WITHDRAWN:
            if action.withdraws is not None:
                target = action.withdraws if action.withdraws in live else None
            else:
                target = max((w for w in live if w <= action.on), default=None)
            if target is not None:
                live.remove(target)
    return sorted(live)


def _describe(failure: Failure) -> str:
    return f"{failure.kind.value} on {failure.on.isoformat()}"


def _warning_due(
    failure: Failure, history: EnforcementHistory, lapsed: date | None, due: date, days: int
) -> tuple[str, tuple[str, ...]]:
    licence = history.order_type is OrderType.LICENCE
    consequence = (
        "makes them liable to be recalled to custody"
        if licence
        else "makes them liable to be taken back to court"
    )
    if lapsed is None:
        why = "there is no warning in the previous 12 months"
    else:
        why = (
            f"the last warning ({lapsed.isoformat()}) was more than 12 months before it, "
            "so another warning is allowed rather than breach"
        )
    law = "licence warning" if licence else _order_law(history.order_type, "warning")
    reason = (
        f"Unacceptable failure: {_describe(failure)}; {why}. Give a warning ({law}) by "
        f"{due.isoformat()}, {days} working days after the failure (PC 43/2004)."
    )
    must = (
        f"describe the failure: {_describe(failure)}",
        "say that the failure is unacceptable",
        f"warn that another failure within 12 months {consequence}",
        "be recorded on the case",
    )
    return reason, must


def _order_law(order_type: OrderType, step: str) -> str:
    if order_type is OrderType.COMMUNITY_ORDER:
        para = 5 if step == "warning" else 6
        return f"Sentencing Code Sch 10 para {para}"
    if order_type is OrderType.SUSPENDED_SENTENCE_ORDER:
        return "Sentencing Code Sch 16"
    return "CJA 2003 s.256AC"  # VERIFY: PSS enforced on the community-order pattern


def _answered(
    failure: Failure, kinds: frozenset[ActionKind], actions: list[EnforcementAction]
) -> bool:
    return any(a.kind in kinds and a.on >= failure.on for a in actions)


_ANSWERS_WARNING = frozenset({ActionKind.WARNING, ActionKind.BREACH, ActionKind.RECALL_REQUEST})
_ANSWERS_BREACH = frozenset({ActionKind.BREACH})
_ANSWERS_RECALL = frozenset({ActionKind.RECALL_REQUEST, ActionKind.DECISION_NOT_TO_RECALL})


def enforcement_due(
    history: EnforcementHistory, today: date, policy: EnforcementPolicy | None = None
) -> EnforcementAssessment:
    """The enforcement actions still due at ``today``, one per unacceptable failure, and a
    compliance summary. Records dated after ``today`` are ignored, so a past date replays the
    case as it stood then.

    A failure with no live warning in the previous 12 months needs a warning. A failure within
    12 months after a live warning makes breach mandatory on a CO or SSO (and due on PSS), or
    recall to be considered on a licence. Withdrawn warnings count for nothing. A due action is
    answered by a later (or same-day) action of the right kind: a warning by any warning,
    breach or recall request; a breach only by breach action; a recall consideration by a
    recall request or a recorded decision not to recall.
    """
    policy = policy or EnforcementPolicy()
    actions = [a for a in history.actions if a.on <= today]
    warnings = _live_warnings(actions, today)
    # Only warnings still live can answer a failure; every other recorded action can.
    actions = [a for a in actions if a.kind is not ActionKind.WARNING]
    actions += [EnforcementAction(w, ActionKind.WARNING) for w in warnings]
    failures = sorted(
        (f for f in history.failures if not f.acceptable and f.on <= today),
        key=lambda f: (f.on, f.kind.value, f.ref),
    )
    order = history.order_type
    due: list[DueAction] = []
    for failure in failures:
        if order is OrderType.POST_SENTENCE_SUPERVISION and failure.on >= policy.pss_repeal:
            continue  # PSS repealed (SA2026 s.34): only failures begun before can be enforced
        before = [w for w in warnings if w < failure.on]
        live = max((w for w in before if _within_12_months_after(w, failure.on)), default=None)
        if live is None:
            if _answered(failure, _ANSWERS_WARNING, actions):
                continue
            days = policy.warning_working_days
            by = add_working_days(failure.on, days)
            reason, must = _warning_due(failure, history, max(before, default=None), by, days)
            due.append(DueAction(DueKind.WARNING, failure, reason, by, today > by, None, must))
        elif order is OrderType.LICENCE:
            if _answered(failure, _ANSWERS_RECALL, actions):
                continue
            days = policy.recall_consideration_working_days
            by = add_working_days(failure.on, days)
            reason = (
                f"Unacceptable failure: {_describe(failure)}, within 12 months of the warning "
                f"given on {live.isoformat()}. Consider recall (CJA 2003 s.254) and record the "
                f"decision by {by.isoformat()}, {days} working day(s) after the failure."
            )
            kind = DueKind.RECALL_CONSIDERATION
            due.append(DueAction(kind, failure, reason, by, today > by, live))
        else:
            if _answered(failure, _ANSWERS_BREACH, actions):
                continue
            days = policy.breach_working_days
            by = add_working_days(failure.on, days)
            mandatory = (
                "is mandatory" if order is not OrderType.POST_SENTENCE_SUPERVISION else "is due"
            )
            reason = (
                f"Unacceptable failure: {_describe(failure)}, within 12 months of the warning "
                f"given on {live.isoformat()}. Breach action {mandatory} "
                f"({_order_law(order, 'breach')}): start proceedings by {by.isoformat()}, "
                f"{days} working days after the failure (PC 43/2004)."
            )
            due.append(DueAction(DueKind.BREACH, failure, reason, by, today > by, live))
    return EnforcementAssessment(tuple(due), _summary(failures, warnings, actions, today))


def _summary(
    failures: list[Failure], warnings: list[date], actions: list[EnforcementAction], today: date
) -> ComplianceSummary:
    def recent(day: date) -> bool:
        return day <= today <= _add_months(day, WARNING_PERIOD_MONTHS)

    recent_warnings = [w for w in warnings if recent(w)]
    live = max(recent_warnings, default=None)
    return ComplianceSummary(
        unacceptable_failures_last_12_months=sum(1 for f in failures if recent(f.on)),
        warnings_last_12_months=len(recent_warnings),
        breach_actions=sum(1 for a in actions if a.kind is ActionKind.BREACH),
        recall_requests=sum(1 for a in actions if a.kind is ActionKind.RECALL_REQUEST),
        live_warning=live,
        live_warning_until=_add_months(live, WARNING_PERIOD_MONTHS) if live else None,
    )


# --- Recall type -------------------------------------------------------------------------------


class RecallType(StrEnum):
    STANDARD = "standard"
    FIXED_TERM = "fixed-term"


FTR48_COMMENCEMENT = date(2025, 9, 2)  # VERIFY: commencement day of the FTR48 changes
FTR56_COMMENCEMENT = date(2026, 3, 31)
# (sentences shorter than N years, date the 56-day rule reaches them); None: every length.
FTR56_TRANCHES: tuple[tuple[int | None, date], ...] = (
    (5, date(2026, 3, 31)),
    (6, date(2026, 4, 14)),
    (7, date(2026, 4, 21)),
    (8, date(2026, 4, 28)),
    (9, date(2026, 5, 5)),
    (None, date(2026, 5, 12)),
)


@dataclass(frozen=True)
class RecallCase:
    """What the recall type turns on. ``recall_date`` (the request or revocation) picks the law;
    ``returned_to_custody`` gives the post-recall release date."""

    recall_date: date
    sentence_length: Term
    sentence_date: date | None = None  # anchors lengths in months; defaults to recall_date
    extended_determinate_sentence: bool = False
    mappa_level: int | None = None
    mappa_category: int | None = None
    charged_with_new_offence: bool = False
    terrorist_or_state_threat_offence: bool = False
    returned_to_custody: date | None = None


@dataclass(frozen=True)
class RecallSuggestion:
    recall_type: RecallType
    reasons: tuple[str, ...]
    fixed_term_days: int | None = None
    post_recall_release_date: date | None = None


def _shorter_than(case: RecallCase, years: int = 0, months: int = 0) -> bool:
    anchor = case.sentence_date or case.recall_date
    return term_end(anchor, case.sentence_length) < term_end(anchor, Term(years, months))


def ftr56_tranche_date(case: RecallCase) -> date:
    """The date from which 56-day automatic re-release reaches a sentence of this length."""
    for years, start in FTR56_TRANCHES:
        if years is None or _shorter_than(case, years=years):
            return start
    raise AssertionError("the last tranche covers every length")  # pragma: no cover


def recall_type_suggested(case: RecallCase) -> RecallSuggestion:
    """Standard recall where the law keeps it (MAPPA level 2/3 or category 4, EDS, a new charged
    offence, terrorist or state-threat offences); otherwise fixed-term, whose length depends on
    the law at the recall date. A suggestion: the decision stays with the practitioner, SPO and
    PPCS.

    From 31 Mar 2026 (SA2026) a fixed-term recall is 56 days, released on the later of the
    return + 55 days (MoJ vector ftr-56/crs-2462-ac1-1) and the tranche date for the sentence
    length; before that 14 days (term under 12 months) or 28 days.
    """
    standard: list[str] = []
    if case.mappa_level in (2, 3):
        standard.append(f"MAPPA level {case.mappa_level}")
    if case.mappa_category == 4:
        standard.append("MAPPA category 4 (terrorism or national security)")
    if case.extended_determinate_sentence:
        standard.append("extended determinate sentence (release by the Parole Board)")
    if case.charged_with_new_offence:
        standard.append("charged with a new offence")
    if case.terrorist_or_state_threat_offence:
        standard.append("terrorist or state-threat offence")
    if standard:
        return RecallSuggestion(
            RecallType.STANDARD,
            tuple(f"Standard recall: {why} (CJA 2003 s.254; rules.md §3)." for why in standard),
        )
    reasons: list[str] = []
    returned = case.returned_to_custody
    if case.recall_date >= FTR56_COMMENCEMENT:
        days = 56
        tranche = ftr56_tranche_date(case)
        reasons.append(
            "Fixed-term recall: automatic re-release after 56 days (Sentencing Act 2026 "
            f"ss.31-33; this sentence length is in scope from {tranche.isoformat()})."
        )
        release = max(returned + timedelta(days=days - 1), tranche) if returned else None
    else:
        days = 14 if _shorter_than(case, years=1) else 28
        if case.recall_date >= FTR48_COMMENCEMENT and _shorter_than(case, years=4):
            reasons.append("Fixed-term recall is mandatory for a sentence under 4 years (FTR48).")
        reasons.append(
            f"Fixed-term recall of {days} days (CJA 2003 s.255A; "
            f"{'under' if days == 14 else 'at least'} 12 months)."
        )
        # VERIFY: return + days - 1, by analogy with the 56-day vector.
        release = returned + timedelta(days=days - 1) if returned else None
    return RecallSuggestion(RecallType.FIXED_TERM, tuple(reasons), days, release)


# --- Probation Reset final third -----------------------------------------------------------------


class Rosh(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    VERY_HIGH = "very high"


@dataclass(frozen=True)
class SupervisionPeriod:
    """A licence or order with the facts that decide the reset. ``end`` is the last day
    (licence expiry, or the order's or supervision period's end)."""

    order_type: OrderType
    start: date
    end: date
    has_rar: bool = False
    mappa_level: int | None = None
    mappa_category: int | None = None
    rosh: Rosh = Rosh.LOW
    national_security: bool = False
    active_child_protection: bool = False
    intensive_supervision_court: bool = False


@dataclass(frozen=True)
class FinalThird:
    applies: bool
    reason: str
    exemptions: tuple[str, ...] = ()
    starts: date | None = None  # first day of the final third (the two-thirds point)
    follow_up: date | None = None  # the one licence follow-up, on a working day
    end: date | None = None

    def routine_appointments_expected(self, on: date) -> bool:
        """Whether routine appointments are expected on ``on`` (the follow-up aside)."""
        return not self.applies or self.starts is None or on < self.starts

    def appointment_expected(self, on: date) -> bool:
        """Routine appointments, or the single follow-up day."""
        return self.routine_appointments_expected(on) or on == self.follow_up


def final_third(period: SupervisionPeriod) -> FinalThird:
    """Where the Probation Reset stops routine appointments: from the two-thirds point of a
    licence, or of a CO/SSO with a RAR, unless an exemption applies. Licences keep one
    follow-up midway through the final third (rolled forward to a working day).

    The two-thirds point is day floor(2n/3) of the n days from start to end inclusive
    (licence 1 Jan-31 Dec 2026: 1 Sep 2026); the follow-up is the middle day of the rest.
    """
    if period.end < period.start:
        raise ValueError("a supervision period cannot end before it starts")
    exemptions: list[str] = []
    if period.mappa_level is not None or period.mappa_category is not None:
        exemptions.append("MAPPA case")
    if period.rosh is Rosh.VERY_HIGH:
        exemptions.append("very high risk of serious harm")
    if period.national_security:
        exemptions.append("National Security Division case")
    if period.active_child_protection:
        exemptions.append("active child protection")
    if period.intensive_supervision_court:
        exemptions.append("intensive supervision court")
    order = period.order_type
    in_scope = order is OrderType.LICENCE or (
        order in (OrderType.COMMUNITY_ORDER, OrderType.SUSPENDED_SENTENCE_ORDER) and period.has_rar
    )
    if not in_scope:
        why = (
            "post-sentence supervision is outside the reset"  # VERIFY
            if order is OrderType.POST_SENTENCE_SUPERVISION
            else "the order has no rehabilitation activity requirement"
        )
        return FinalThird(False, f"Probation Reset does not apply: {why}.", end=period.end)
    if exemptions:
        return FinalThird(
            False,
            "Probation Reset does not apply: exempt (" + "; ".join(exemptions) + ").",
            tuple(exemptions),
            end=period.end,
        )
    days = (period.end - period.start).days + 1
    starts = period.start + timedelta(days=2 * days // 3)
    follow_up = None
    if order is OrderType.LICENCE:
        midpoint = starts + timedelta(days=((period.end - starts).days + 1) // 2)
        follow_up = min(add_working_days(midpoint, 0), period.end)
    kind = "licence" if order is OrderType.LICENCE else f"{order.value} with a RAR"
    reason = (
        f"Probation Reset: no routine appointments from {starts.isoformat()}, the two-thirds "
        f"point of the {kind}"
        + (f", except one follow-up around {follow_up.isoformat()}." if follow_up else ".")
    )
    return FinalThird(True, reason, (), starts, follow_up, period.end)
