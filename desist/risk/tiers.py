"""Keeping a case's tier and risk summary current.

``case_risk_refresh`` is called by every service that changes an input (a registration, a RoSH
assessment, scores) in the same transaction; ``recalculate_all`` is the nightly batch for
date-driven changes, with the same arithmetic over bulk reads and bulk writes.

Fed: registrations, scores (OGRS3 and RSR for v2; ARP, CSRP and DC-SRP for v3), current events
(the v2 mandate for change) and the latest completed needs assessment (the v2 change points).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from django.db import connection, transaction
from django.utils import timezone

from desist.core.queries import ids_lookup
from desist.oversight.actions import actions_changed
from desist.people.models import Case
from desist.plans.selectors import latest_tier_assessments
from desist.risk.constants import ROSH_REGISTRATIONS, TAG_COLOURS
from desist.risk.models import ACTIVE, CaseRisk, PredictorScores, Registration, TierCalculation
from desist.rules import tiering
from desist.rules.tier_convictions import conviction
from desist.seed.bulk import bulk_load
from desist.sentences.models import Event, Requirement

ROSH_CODES = frozenset(ROSH_REGISTRATIONS.values())
BATCH = 5000


@dataclass(frozen=True)
class Inputs:
    """What the tier of one case is calculated from, as read from the database."""

    gender: str
    registrations: Sequence[tuple[str, dt.date, str, str]]  # type, date, level, category
    rsr_percent: Decimal | None = None
    ogrs_percent: int | None = None
    convictions: tuple[tiering.Conviction, ...] = ()
    assessment: tiering.Assessment | None = None
    predictors: tiering.Predictors | None = None


@dataclass(frozen=True)
class Outcome:
    flags: list[dict]
    rosh: str
    calculation: tiering.TierCalculation
    explanation: str

    @property
    def v3(self) -> str:
        return str(self.calculation.v3.tier)


def _points(items: Iterable[tiering.PointsItem]) -> str:
    return ", ".join(f"{i.detail} ({i.points} points)" for i in items if i.counted and i.points)


def explain(calc: tiering.TierCalculation) -> str:
    """The tier in plain words: "C0 because: RoSH MEDIUM (10 points). Change level 0: …"."""
    v2 = calc.v2
    protect = _points(v2.protect.breakdown) or "no protect points"
    change = "; ".join(i.detail for i in v2.change.breakdown if i.counted)
    text = (
        f"{v2.tier} because: {protect}, {v2.protect.points} points in all (protect level "
        f"{v2.protect.level}). Change level {v2.change.level}: {change}."
    )
    if v2.unsupervised:
        text += " S: unsupervised (final third)."
    v3 = calc.v3
    if v3.tier == tiering.V3Status.MISSING:
        text += " Tier v3 missing: no ARP and CSRP scores."
    elif v3.tier == tiering.V3Status.NOT_SUPERVISED:
        text += " Tier v3: not supervised."
    else:
        steps = ", ".join(s.replace("_", " ").lower() for s in v3.deciding_steps) or "default"
        text += f" Tier v3 {v3.tier} from {steps}."
        if v3.provisional:
            text += " Provisional: " + "; ".join(v3.provisional_reasons) + "."
    return text


def assess(inputs: Inputs, as_of: dt.date) -> Outcome:
    """Both tier models for one case, with its header flags and overall RoSH."""
    raws = [
        tiering.RawRegistration(code, on, level or None, category or None)
        for code, on, level, category in inputs.registrations
    ]
    summary = tiering.registrations_from_raw(raws)
    case = tiering.TierCase(
        gender=tiering.Gender.FEMALE if inputs.gender == "F" else tiering.Gender.MALE,
        rsr_percent=inputs.rsr_percent,
        ogrs_percent=inputs.ogrs_percent,
        rosh=summary.rosh,
        mappa_level=summary.mappa_level,
        mappa_category=summary.mappa_category,
        registrations=summary.registrations,
        convictions=inputs.convictions,
        assessment=inputs.assessment,
        predictors=inputs.predictors,
    )
    calc = tiering.calculate_tiers(case, as_of)
    flags = [
        {"type": code, "label": _label(code, level, category), "colour": TAG_COLOURS.get(code)}
        for code, _, level, category in sorted(
            inputs.registrations, key=lambda r: (r[0], r[2], r[3])
        )
        if code not in ROSH_CODES
    ]
    return Outcome(flags, summary.rosh or "", calc, explain(calc))


@cache
def _label(code: str, level: str, category: str) -> str:
    return Registration(type=code, mappa_level=level, mappa_category=category).label


SUMMARY_FIELDS = [
    "flags",
    "rosh",
    "tier_v2",
    "tier_v3",
    "tier_v3_provisional",
    "explanation",
]


def _summary(outcome: Outcome) -> tuple:
    """An outcome as the values of SUMMARY_FIELDS."""
    calc = outcome.calculation
    return (
        outcome.flags,
        outcome.rosh,
        calc.v2.tier,
        outcome.v3,
        calc.v3.provisional,
        outcome.explanation,
    )


def _changes(before: tuple | None, after: tuple) -> tuple[bool, bool]:
    """(did anything change, did the tier change) between two summaries; None is no summary."""
    if before is None:
        return True, True
    return before != after, before[2:] != after[2:]


def _apply(risk: CaseRisk, outcome: Outcome) -> tuple[bool, bool]:
    """Copy an outcome onto a summary row: (did anything change, did the tier change)."""
    before = tuple(getattr(risk, name) for name in SUMMARY_FIELDS)
    after = _summary(outcome)
    for name, value in zip(SUMMARY_FIELDS, after, strict=True):
        setattr(risk, name, value)
    return _changes(before, after)


def _history(case_id: int, outcome: Outcome, now: dt.datetime, trigger: str) -> tuple:
    """A TierCalculation row, as the values of HISTORY_COLUMNS."""
    calc = outcome.calculation
    return (
        case_id,
        calc.v2.tier,
        calc.v2.protect.points,
        calc.v2.change.points,
        outcome.v3,
        calc.v3.provisional,
        outcome.explanation,
        now,
        trigger,
    )


def _predictors(arp, arp_type, csrp, csrp_type, dc_srp, dc_srp_band) -> tiering.Predictors | None:
    """The 2026 predictor set of a scores row; None for a row scored with the legacy tools."""
    if arp is None and csrp is None:
        return None
    return tiering.Predictors(
        arp=None if arp is None else tiering.Predictor(arp, arp_type),
        csrp=None if csrp is None else tiering.Predictor(csrp, csrp_type),
        dc_srp=None if dc_srp is None else tiering.DcSrp(dc_srp, dc_srp_band or None),
    )


ScoreInputs = tuple[Decimal | None, int, tiering.Predictors | None]


def _latest_scores(case_ids) -> dict[int, ScoreInputs]:
    rows = (
        PredictorScores.objects.filter(ids_lookup("case_id", case_ids))
        .order_by("case_id", "-assessed_on", "-id")
        .values_list(
            "case_id",
            "rsr_percent",
            "ogrs3_two_year",
            "arp_percent",
            "arp_type",
            "csrp_percent",
            "csrp_type",
            "dc_srp_percent",
            "dc_srp_band",
        )
    )
    latest: dict[int, ScoreInputs] = {}
    for case_id, rsr, ogrs, *predictors in rows:
        if case_id not in latest:
            latest[case_id] = (rsr, ogrs, _predictors(*predictors))
    return latest


def _registrations(case_ids) -> dict[int, list[tuple]]:
    by_case: dict[int, list[tuple]] = defaultdict(list)
    rows = Registration.objects.filter(ACTIVE, ids_lookup("case_id", case_ids)).values_list(
        "case_id", "type", "registered_on", "mappa_level", "mappa_category"
    )
    for case_id, *row in rows:
        by_case[case_id].append(tuple(row))
    return by_case


def _convictions(case_ids) -> dict[int, tuple[tiering.Conviction, ...]]:
    """Each case's current events with their requirement categories (two queries)."""
    events = (
        Event.objects.filter(
            ids_lookup("case_id", case_ids), active=True, termination_date__isnull=True
        )
        .order_by("case_id", "number")
        .values_list("pk", "case_id", "sentence_type")
    )
    categories: dict[int, list[str]] = defaultdict(list)
    requirements = Requirement.objects.filter(
        ids_lookup("event__case_id", case_ids),
        event__active=True,
        event__termination_date__isnull=True,
    ).values_list("event_id", "category")
    for event_id, category in requirements:
        categories[event_id].append(category)
    by_case: dict[int, list[tiering.Conviction]] = defaultdict(list)
    for event_id, case_id, sentence_type in events:
        by_case[case_id].append(conviction(sentence_type, categories[event_id]))
    return {case_id: tuple(found) for case_id, found in by_case.items()}


def _inputs(
    cases: Sequence[tuple[int, str]], ids: Sequence[int] | None = None
) -> Iterator[tuple[int, Inputs]]:
    """The inputs of each of ``cases`` (id, gender), read for ``ids`` (by default their ids;
    a batch passes the range of ids it spans)."""
    ids = ids if ids is not None else [pk for pk, _ in cases]
    registrations = _registrations(ids)
    scores = _latest_scores(ids)
    convictions = _convictions(ids)
    assessments = latest_tier_assessments(ids)
    for pk, gender in cases:
        rsr, ogrs, predictors = scores.get(pk, (None, None, None))
        yield (
            pk,
            Inputs(
                gender,
                registrations.get(pk, ()),
                rsr,
                ogrs,
                convictions.get(pk, ()),
                assessments.get(pk),
                predictors,
            ),
        )


@transaction.atomic
def case_risk_refresh(*, case, trigger: str, as_of: dt.date | None = None) -> CaseRisk:
    """Recalculate one case's flags, RoSH and tier, adding a history row if the tier moved."""
    now = timezone.now()
    risk, _ = CaseRisk.objects.select_for_update().get_or_create(case=case)
    [(_, inputs)] = _inputs([(case.pk, case.gender)])
    outcome = assess(inputs, as_of or timezone.localdate())
    changed, tier_changed = _apply(risk, outcome)
    if tier_changed:
        TierCalculation.objects.create(
            **dict(zip(HISTORY_COLUMNS, _history(case.pk, outcome, now, trigger), strict=True))
        )
    if changed:
        risk.calculated_at = now
        risk.save()
    return risk


HISTORY_COLUMNS = (
    "case_id",
    "tier_v2",
    "protect_points",
    "change_points",
    "tier_v3",
    "tier_v3_provisional",
    "explanation",
    "calculated_at",
    "trigger",
)
SUMMARY_COLUMNS = ("case_id", *SUMMARY_FIELDS, "calculated_at")


def _replace_summaries(summaries: Sequence[tuple]) -> None:
    """Delete and COPY back the changed summaries (rows of SUMMARY_COLUMNS): on PostgreSQL
    this is several times faster than an UPDATE per row or Django's bulk_update (one CASE per
    column). The ids go as one array parameter, not thousands of placeholders."""
    table = CaseRisk._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"DELETE FROM {table} WHERE case_id = ANY(%s)", [[row[0] for row in summaries]]
            )
        else:
            CaseRisk.objects.filter(case_id__in=[row[0] for row in summaries]).delete()
    bulk_load(table, SUMMARY_COLUMNS, summaries)


def _signature(inputs: Inputs, as_of: dt.date) -> tuple:
    """What the outcome depends on. Registration dates only order the registrations (newest
    first wins, as in ``registrations_from_raw``), so cases whose flags come in the same order
    share one calculation: a national caseload has a few thousand distinct signatures.
    Likewise convictions count only through the mandate for change, and an assessment only
    through its needs and women's answers while it is current."""
    newest_first = sorted(inputs.registrations, key=lambda r: r[1], reverse=True)
    flags = tuple((code, level, category) for code, _, level, category in newest_first)
    assessment = tiering.current_assessment(inputs.assessment, as_of)
    return (
        inputs.gender == "F",
        flags,
        inputs.rsr_percent,
        inputs.ogrs_percent,
        inputs.predictors,
        tiering.has_mandate_for_change(inputs.convictions),
        assessment and (tuple(sorted(assessment.needs.items())), assessment.women_answers),
    )


def recalculate_all(cases, *, as_of: dt.date, progress=None, trigger: str = "nightly") -> int:
    """Recalculate every case in ``cases`` (a queryset of Case) in batches; returns how many
    tiers changed. Each batch reads the span of ids it covers (six reads with two parameters
    each), compares plain rows rather than model instances, and writes only what changed: a
    delete and a COPY of those summaries and a COPY of the history."""
    changed = 0
    now = timezone.now()
    outcomes: dict[tuple, Outcome] = {}
    rows = list(cases.order_by("pk").values_list("pk", "gender"))
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        span = range(batch[0][0], batch[-1][0] + 1)
        with transaction.atomic():
            existing = {
                case_id: tuple(state)
                for case_id, *state in CaseRisk.objects.filter(
                    ids_lookup("case_id", span)
                ).values_list("case_id", *SUMMARY_FIELDS)
            }
            summaries, history = [], []
            for pk, inputs in _inputs(batch, span):
                key = _signature(inputs, as_of)
                if (outcome := outcomes.get(key)) is None:
                    outcome = outcomes[key] = assess(inputs, as_of)
                summary = _summary(outcome)
                changed_any, tier_changed = _changes(existing.get(pk), summary)
                if tier_changed:
                    history.append(_history(pk, outcome, now, trigger))
                if changed_any:
                    summaries.append((pk, *summary, now))
            if summaries:
                _replace_summaries(summaries)
                # Their practitioners' stored figures (tier mix, workload) are now out of date.
                changed_cases = Case.objects.filter(pk__in=[row[0] for row in summaries])
                actions_changed([], changed_cases.values("practitioner_id"))
            bulk_load(TierCalculation._meta.db_table, HISTORY_COLUMNS, history)
        changed += len(history)
        if progress is not None:
            progress.update(len(batch))
    return changed
