"""Reads for workload, capacity and the allocation queue.

Capacity is worked out for a whole team at once: one query groups every case the team holds
by practitioner, tier and case type, one counts court reports, one reads reductions, so a team
page costs the same however many cases the team holds. The arithmetic and the words of the
"why" are desist.rules.workload's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from desist.access.models import AccessKind, CaseAccess
from desist.access.selectors import visible_cases
from desist.accounts.models import Staff
from desist.accounts.roles import Permission
from desist.core.compiled import compiled_once
from desist.courts.constants import ReportType
from desist.courts.models import PreSentenceReport
from desist.organisation.models import Team
from desist.oversight.actions import stored_with_actions, team_overdue_counts
from desist.people.models import Allocation, Case
from desist.risk.models import CaseRisk
from desist.rules import allocation as allocation_rules
from desist.rules import workload as wl
from desist.sentences.constants import SentenceType
from desist.sentences.models import Event, LicenceCondition
from desist.supervision.constants import Outcome
from desist.supervision.models import Appointment
from desist.workforce import charts
from desist.workforce.models import (
    AllocationException,
    AwaitingAllocation,
    CaseloadSummary,
    ExceptionStatus,
    QueueSource,
    StaffWorkload,
    WorkloadReduction,
    WorkloadWeightings,
)

# Court reports count towards workload for the 30 days after they are asked for (the legacy
# WMT's "SDRs in the last 30 days"; practice/tiering-and-workload.md section 2.2).
COURT_REPORT_DAYS = 30
FAST_REPORTS = (ReportType.SHORT_FORMAT, ReportType.ORAL)
ATTENDED = (Outcome.ATTENDED_COMPLIED, Outcome.ATTENDED_FAILED_TO_COMPLY)


def active_reduction(day: date) -> Q:
    """Reductions in force on a day: started, and not yet ended."""
    return Q(starts_on__lte=day) & (Q(ends_on__isnull=True) | Q(ends_on__gte=day))


# --------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------


def weightings_history() -> list[wl.Weightings]:
    """Every recorded set of weightings, newest first, ending with the published seed (kept as
    the floor even if its row, written by migration 0003, has gone from the database)."""
    history = [
        wl.weightings_from_mapping(row.data, effective_from=row.effective_from)
        for row in WorkloadWeightings.objects.all()
    ]
    if not any(w.effective_from == wl.SEED_EFFECTIVE_FROM for w in history):
        history.append(wl.SEED_WEIGHTINGS)
    return history


def weightings_in_force(on: date) -> wl.Weightings:
    """The weightings an administrator recorded for this day (the published seed until then)."""
    return wl.weightings_in_force(weightings_history(), on)


# --------------------------------------------------------------------------------------
# Cases as the weightings see them
# --------------------------------------------------------------------------------------


def case_types(**cases) -> dict[int, wl.CaseType]:
    """How the weightings see each case chosen by ``cases`` (a filter on the events' case),
    from its active events in one indexed query: on an active community or suspended order a
    community case; on an active custodial sentence a licence case once licence conditions are
    recorded (they are set at release), a custody case before; otherwise unknown. (EXISTS
    over every event made PostgreSQL hash the whole events table for one team.)"""
    events = (
        Event.objects.filter(active=True, **{f"case__{k}": v for k, v in cases.items()})
        .annotate(has_conditions=Exists(LicenceCondition.objects.filter(event=OuterRef("pk"))))
        .values_list("case_id", "sentence_type", "has_conditions")
    )
    found: dict[int, set[wl.CaseType]] = defaultdict(set)
    for case_id, sentence_type, has_conditions in events:
        if sentence_type in SentenceType.orders():
            found[case_id].add(wl.CaseType.COMMUNITY)
        elif sentence_type in SentenceType.custodial():
            found[case_id].add(wl.CaseType.LICENSE if has_conditions else wl.CaseType.CUSTODY)
    precedence = (wl.CaseType.COMMUNITY, wl.CaseType.LICENSE, wl.CaseType.CUSTODY)
    return {
        case_id: next(kind for kind in precedence if kind in kinds)
        for case_id, kinds in found.items()
    }


def _tier(value: str | None) -> str | None:
    return value if value in wl.TIERS else None


def classification_of(case: Case, *, source: str = "") -> wl.CaseClassification:
    """How the weightings see one case. A case queued on release is a licence case already."""
    tier = CaseRisk.objects.filter(case=case).values_list("tier_v2", flat=True).first()
    case_type = case_types(pk=case.pk).get(case.pk, wl.CaseType.UNKNOWN)
    if source == QueueSource.RELEASE and case_type is wl.CaseType.CUSTODY:
        case_type = wl.CaseType.LICENSE
    return wl.CaseClassification(tier=_tier(tier), case_type=case_type)


# --------------------------------------------------------------------------------------
# Capacity of many practitioners at once
# --------------------------------------------------------------------------------------


@dataclass
class PractitionerWorkload:
    """One practitioner's capacity, with what it is made of."""

    staff: Staff
    capacity: wl.Capacity
    cases: list[wl.CaseCount] = field(default_factory=list)
    reductions: list[WorkloadReduction] = field(default_factory=list)

    @property
    def case_count(self) -> int:
        return sum(c.count for c in self.cases)

    @cached_property
    def tier_mix(self) -> dict[str, int]:
        """Cases by the tier's protect letter (A highest), and "none" for untiered."""
        mix = Counter(dict.fromkeys(("A", "B", "C", "D", "none"), 0))
        for c in self.cases:
            tier = c.classification.tier
            mix[tier[0] if tier else "none"] += c.count
        return dict(mix)

    @property
    def recorded(self) -> wl.RecordedWorkload:
        return wl.RecordedWorkload(
            total_points=self.capacity.workload.total,
            available_points=self.capacity.available.points,
        )

    @property
    def explanation(self) -> list[str]:
        """The sentences under the points table: how the available points and the percentage
        come about (the last line of the rules' full explanation)."""
        return [
            wl.explain_available(self.capacity.available),
            wl.explain_capacity(self.capacity).splitlines()[-1],
        ]


def _case_counts(staff_ids: list[int]) -> dict[int, list[wl.CaseCount]]:
    cases = list(
        Case.objects.filter(practitioner_id__in=staff_ids).values_list(
            "pk", "practitioner_id", "risk__tier_v2"
        )
    )
    kinds = case_types(practitioner_id__in=staff_ids)
    tally = Counter(
        (practitioner, _tier(tier), kinds.get(pk, wl.CaseType.UNKNOWN))
        for pk, practitioner, tier in cases
    )
    counts: dict[int, list[wl.CaseCount]] = defaultdict(list)
    for (practitioner, tier, case_type), n in tally.items():
        counts[practitioner].append(wl.CaseCount(wl.CaseClassification(tier, case_type), n))
    return counts


def _stored_counts(
    stored: dict[int, CaseloadSummary],
) -> tuple[dict[int, list[wl.CaseCount]], dict[int, Counter]]:
    cases: dict[int, list[wl.CaseCount]] = defaultdict(list)
    reports: dict[int, Counter] = defaultdict(Counter)
    for pk, summary in stored.items():
        cases[pk] = [
            wl.CaseCount(wl.CaseClassification(tier, wl.CaseType(case_type)), n)
            for tier, case_type, n in summary.cases
        ]
        reports[pk].update(standard=summary.standard_reports, fast=summary.fast_reports)
    return cases, reports


@stored_with_actions
def store_caseload_summaries(staff_ids: list[int], today: date) -> None:
    """Each of these staff's caseload summary for the team page, recomputed with their
    actions (desist.oversight.actions)."""
    cases, reports = _case_counts(staff_ids), _court_reports(staff_ids, today)
    seen = seen_in_time(staff_ids, today)
    CaseloadSummary.objects.filter(staff_id__in=staff_ids).delete()
    CaseloadSummary.objects.bulk_create(
        CaseloadSummary(
            staff_id=pk,
            cases=[
                [c.classification.tier, c.classification.case_type.value, c.count]
                for c in cases.get(pk, [])
            ],
            standard_reports=reports[pk]["standard"] if pk in reports else 0,
            fast_reports=reports[pk]["fast"] if pk in reports else 0,
            seen=seen.get(pk, (0, 0))[0],
            counted=seen.get(pk, (0, 0))[1],
        )
        for pk in staff_ids
        if pk in cases or pk in reports or pk in seen
    )


def _court_reports(staff_ids: list[int], today: date) -> dict[int, Counter]:
    rows = (
        PreSentenceReport.objects.filter(
            author_id__in=staff_ids, requested_on__gt=today - timedelta(days=COURT_REPORT_DAYS)
        )
        .values("author_id", "type")
        .annotate(n=Count("pk"))
        .order_by()
    )
    reports: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        kind = "fast" if row["type"] in FAST_REPORTS else "standard"
        reports[row["author_id"]][kind] += row["n"]
    return reports


def workloads(
    staff: list[Staff],
    today: date,
    weightings: wl.Weightings | None = None,
    *,
    stored: dict[int, CaseloadSummary] | None = None,
    in_force: Iterable[WorkloadReduction] | None = None,
) -> dict[int, PractitionerWorkload]:
    """Capacity for each of these staff (their ``workload`` profile already loaded), in four
    queries whatever their caseloads (three if the caller has the weightings in force), or
    two from their ``stored`` caseload summaries (one if the caller has read the reductions
    ``in_force`` too)."""
    weightings = weightings or weightings_in_force(today)
    ids = [s.pk for s in staff]
    if stored is None:
        cases, reports = _case_counts(ids), _court_reports(ids, today)
    else:
        cases, reports = _stored_counts(stored)
    if in_force is None:
        in_force = WorkloadReduction.objects.filter(active_reduction(today), staff_id__in=ids)
    reductions: dict[int, list[WorkloadReduction]] = defaultdict(list)
    for reduction in in_force:
        reductions[reduction.staff_id].append(reduction)
    result = {}
    for member in staff:
        profile = _profile(member)
        points = wl.workload_points(
            weightings,
            cases=cases[member.pk],
            standard_court_reports=reports[member.pk]["standard"],
            fast_court_reports=reports[member.pk]["fast"],
        )
        available = wl.available_points_for_grade(
            weightings,
            member.grade,
            weekly_hours=profile.contracted_hours if profile else None,
            reduction_hours=sum((r.hours for r in reductions[member.pk]), start=Decimal(0)),
        )
        result[member.pk] = PractitionerWorkload(
            staff=member,
            capacity=wl.capacity(points, available),
            cases=cases[member.pk],
            reductions=reductions[member.pk],
        )
    return result


def _profile(member: Staff) -> StaffWorkload | None:
    try:
        return member.workload
    except StaffWorkload.DoesNotExist:
        return None


def practitioners(team_ids: list[int]) -> list[Staff]:
    """Active staff in these teams who hold a caseload, surname first."""
    return _holding_caseloads(_staff(Q(team_id__in=team_ids)))


def _staff(teams: Q) -> QuerySet[Staff]:
    return (
        Staff.objects.filter(teams, is_active=True)
        .select_related("workload__office", "team")
        .order_by("last_name", "first_name")
    )


def _holding_caseloads(staff: Iterable[Staff]) -> list[Staff]:
    return [s for s in staff if s.may(Permission.HOLD_CASELOAD)]


# The team page's reads, compiled once (desist.core.compiled): by team rather than by a list
# of its members, so their SQL is the same for every team.
@compiled_once
def _team_staff(*, team_id: int) -> QuerySet[Staff]:
    return _staff(Q(team_id=team_id))


@compiled_once
def _team_summaries(*, team_id: int) -> QuerySet[CaseloadSummary]:
    return CaseloadSummary.objects.filter(staff__team_id=team_id)


@compiled_once
def _team_reductions(*, team_id: int, today: date) -> QuerySet[WorkloadReduction]:
    return WorkloadReduction.objects.filter(active_reduction(today), staff__team_id=team_id)


def practitioner_workload(member: Staff, today: date) -> PractitionerWorkload:
    member = Staff.objects.select_related("workload__office", "team").get(pk=member.pk)
    return workloads([member], today)[member.pk]


# --------------------------------------------------------------------------------------
# The team page
# --------------------------------------------------------------------------------------


def seen_in_time(staff_ids: list[int], today: date) -> dict[int, tuple[int, int]]:
    """(cases seen within their expected interval, cases) per practitioner, in one query.

    "Seen" is an attended appointment (rules.allocation explains the intervals)."""
    now = timezone.now()
    last_seen = (
        Appointment.objects.filter(case=OuterRef("pk"), outcome__in=ATTENDED, starts_at__lte=now)
        .order_by("-starts_at")
        .values("starts_at")[:1]
    )
    rows = (
        Case.objects.filter(practitioner_id__in=staff_ids)
        .annotate(last_seen=Subquery(last_seen))
        .values_list("practitioner_id", "risk__tier_v2", "last_seen")
    )
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for staff_id, tier, seen in rows:
        seen_on = timezone.localtime(seen).date() if seen else None
        counts[staff_id][0] += allocation_rules.seen_in_time(tier, seen_on, today)
        counts[staff_id][1] += 1
    return {k: (v[0], v[1]) for k, v in counts.items()}


# --------------------------------------------------------------------------------------
# The allocation queue
# --------------------------------------------------------------------------------------


def allocation_queue(user, *, whole_pdu: bool = False) -> QuerySet[AwaitingAllocation]:
    """Cases waiting in the user's team's queue and their PDU's with no team yet (or, with
    ``whole_pdu``, every team's in the PDU), soonest due first. ``case_visible`` says whether
    the user may see who the person is: a limited-access case shows only its CRN, and opening
    it goes through the case access check."""
    team = user.team
    if team is None:
        return AwaitingAllocation.objects.none()
    visible = visible_cases(user).filter(pk=OuterRef("case_id"))
    scope = (
        Q(pdu_id=team.pdu_id)
        if whole_pdu
        else Q(team=team) | Q(team__isnull=True, pdu_id=team.pdu_id)
    )
    return (
        AwaitingAllocation.objects.filter(allocation__isnull=True)
        .filter(scope)
        .select_related("case__risk", "event", "team", "pdu")
        .annotate(case_visible=Exists(visible), exception_awaiting=Exists(_awaiting_exception()))
        .order_by("due_by", "pk")
    )


def _awaiting_exception() -> QuerySet[AllocationException]:
    return AllocationException.objects.filter(entry=OuterRef("pk"), status=ExceptionStatus.AWAITING)


def awaiting_exception_id(entry: AwaitingAllocation) -> int | None:
    """The exception request this entry waits on, if any."""
    return (
        AllocationException.objects.filter(entry=entry, status=ExceptionStatus.AWAITING)
        .values_list("pk", flat=True)
        .first()
    )


def exceptions_awaiting(team_ids: Iterable[int]) -> QuerySet[AllocationException]:
    """Allocation exceptions waiting for an SPO of these teams, oldest first: any SPO in the
    PDU whose queue the case is in may countersign, since the one who asked may not."""
    pdus = Team.objects.filter(pk__in=list(team_ids)).values("pdu_id")
    return (
        AllocationException.objects.filter(status=ExceptionStatus.AWAITING, entry__pdu_id__in=pdus)
        .select_related("entry__case", "practitioner")
        .order_by("requested_at", "pk")
    )


def allocation_exception(pk: int) -> AllocationException | None:
    return (
        AllocationException.objects.filter(pk=pk)
        .select_related("entry__case", "entry__event", "practitioner", "requested_by", "decided_by")
        .first()
    )


@dataclass(frozen=True)
class Suggestion:
    """A practitioner the case could go to, and what it would do to them."""

    workload: PractitionerWorkload
    impact: wl.AllocationImpact
    held_before: bool
    suitability: allocation_rules.Suitability

    @property
    def staff(self) -> Staff:
        return self.workload.staff

    @property
    def explanation(self) -> str:
        return wl.explain_impact(self.impact)


def may_hold(case: Case, staff_ids: list[int]) -> set[int]:
    """Those of these staff who may open the case, so may hold it: nobody excluded from it,
    and only its allow list if it is restricted (one query)."""
    entries = dict(
        CaseAccess.objects.filter(case=case, staff_id__in=staff_ids).values_list("staff_id", "kind")
    )
    return {
        pk
        for pk in staff_ids
        if entries.get(pk) != AccessKind.EXCLUDED
        and (not case.restricted or entries.get(pk) == AccessKind.ALLOWED)
    }


def suggestions(entry: AwaitingAllocation, today: date) -> list[Suggestion]:
    """Practitioners of the entry's team (or PDU), best first (rules.allocation ranks them)."""
    case = entry.case
    team_ids = (
        [entry.team_id] if entry.team_id else list(entry.pdu.teams.values_list("pk", flat=True))
    )
    staff = practitioners(team_ids)
    allowed = may_hold(case, [s.pk for s in staff])
    staff = [s for s in staff if s.pk in allowed]
    weightings = weightings_in_force(today)
    loads = workloads(staff, today, weightings)
    classification = classification_of(case, source=entry.source)
    held = set(Allocation.objects.filter(case=case).values_list("practitioner_id", flat=True))
    rosh = getattr(getattr(case, "risk", None), "rosh", "")
    by_id = {}
    for member in staff:
        load = loads[member.pk]
        impact = wl.allocation_impact(
            weightings,
            member.grade,
            recorded=load.recorded,
            case=classification,
            currently_on_caseload_as=classification if case.practitioner_id == member.pk else None,
        )
        by_id[member.pk] = Suggestion(
            workload=load,
            impact=impact,
            held_before=member.pk in held,
            suitability=allocation_rules.grade_suitability(member.grade, rosh),
        )
    ranked = allocation_rules.rank_candidates(
        [
            allocation_rules.Candidate(
                staff_id=pk,
                suitable=s.suitability.suitable,
                held_before=s.held_before,
                capacity_after=s.impact.capacity_after,
                has_available_points=s.impact.available_points > 0,
            )
            for pk, s in by_id.items()
        ]
    )
    return [by_id[c.staff_id] for c in ranked]


def waiting_entry(pk: int) -> AwaitingAllocation | None:
    return (
        AwaitingAllocation.objects.filter(pk=pk)
        .select_related("case", "event", "team", "pdu", "allocation__practitioner")
        .first()
    )


def transfer_candidates(case: Case, user) -> list[Staff]:
    """Practitioners in the user's region who may hold the case, other than its holder."""
    team = user.team
    if team is None:
        return []
    team_ids = list(
        Team.objects.filter(pdu__region_id=team.pdu.region_id).values_list("pk", flat=True)
    )
    staff = [s for s in practitioners(team_ids) if s.pk != case.practitioner_id]
    allowed = may_hold(case, [s.pk for s in staff])
    return [s for s in staff if s.pk in allowed]


# --------------------------------------------------------------------------------------
# The SPO's team page
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamRow:
    load: PractitionerWorkload
    overdue: int
    seen: int
    cases: int

    @property
    def staff(self) -> Staff:
        return self.load.staff

    @property
    def seen_percent(self) -> int:
        return allocation_rules.share_percent(self.seen, self.cases)


def team_overview(team: Team, today: date) -> dict:
    """Each practitioner's caseload, capacity, tier mix, overdue actions and timeliness, in a
    fixed number of queries, from what is stored with their actions (their caseload summary
    and open actions), recomputed only for those whose work changed."""
    staff = _holding_caseloads(_team_staff(team_id=team.pk))
    ids = [s.pk for s in staff]
    overdue = team_overdue_counts(team.pk, ids, today)  # first: it makes what is stored current
    stored = {s.staff_id: s for s in _team_summaries(team_id=team.pk) if s.staff_id in ids}
    loads = workloads(
        staff, today, stored=stored, in_force=_team_reductions(team_id=team.pk, today=today)
    )
    rows = [
        TeamRow(
            load=loads[pk],
            overdue=overdue[pk],
            seen=stored[pk].seen if pk in stored else 0,
            cases=stored[pk].counted if pk in stored else 0,
        )
        for pk in ids
    ]
    return {
        "rows": rows,
        "capacity_chart": _capacity_chart(rows),
        "tier_chart": _tier_chart(rows),
        "intervals": allocation_rules.EXPECTED_CONTACT_DAYS,
        "untiered_days": allocation_rules.UNTIERED_CONTACT_DAYS,
        "waiting": AwaitingAllocation.objects.filter(allocation__isnull=True, team=team).count(),
    }


TIER_NAMES = {"A": "Tier A", "B": "Tier B", "C": "Tier C", "D": "Tier D", "none": "No tier"}


def _capacity_chart(rows: list[TeamRow]) -> charts.BarChart:
    """Capacity out of 150%, so being over capacity shows past the 100% line."""
    bars = []
    for row in rows:
        capacity = row.load.capacity
        colour = charts.RED if capacity.percent > 100 else charts.BLUE
        text = "No capacity" if capacity.no_available_points else f"{capacity.percent}%"
        bars.append((row.staff.get_full_name(), [(capacity.percent, colour)], text))
    return charts.bar_chart(
        "Capacity of each practitioner (the line is 100%)", bars, scale=150, marker=100
    )


def _tier_chart(rows: list[TeamRow]) -> charts.BarChart:
    return charts.bar_chart(
        "Cases held by each practitioner, by tier",
        [
            (
                row.staff.get_full_name(),
                [(row.load.tier_mix[k], charts.TIER_COLOURS[k]) for k in TIER_NAMES],
                str(row.load.case_count),
            )
            for row in rows
        ],
        scale=max([row.load.case_count for row in rows] + [1]),
        key=[(charts.TIER_COLOURS[k], name) for k, name in TIER_NAMES.items()],
    )
