"""Reads for the practitioner's home page, management oversight and the weekly meeting.

Deadlines come from the deadline engine's stored actions (desist.oversight.actions) and
countersigning items from every area's registered sources; here both are
narrowed to the cases the reader may see (one query), so a restricted case never shows to
someone kept out of it, whoever holds it.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from desist.access.selectors import cases_visible_to, on_visible_cases, visible_cases
from desist.accounts.models import Staff
from desist.accounts.roles import Permission
from desist.audit.models import Action, AuditEvent
from desist.core.compiled import compiled_once
from desist.oversight.actions import actions_and_alerts, open_actions, visible_stored_crns
from desist.oversight.countersign import AwaitingCountersignature, awaiting_countersignature
from desist.oversight.deadlines import DeadlineStatus, end_of_week, status_of
from desist.oversight.models import Oversight, WeeklyMeeting
from desist.people.models import Allocation, Case
from desist.rules.oversight import oversight_due
from desist.supervision.constants import ContactType
from desist.supervision.models import Contact
from desist.supervision.selectors import diary

RECENT_DAYS = 30
RECENT_CASES = 10
VIEWS_PER_READ = 100
RECENT_VIEWS_READ = 2000  # at most: past that, fewer cases are listed rather than reading on
HOME_ACTIONS = 20


def my_actions(user, today: date) -> dict[DeadlineStatus, list]:
    """Every open action of this practitioner's, on cases they may see, by status."""
    return by_status(visible_deadlines(user, [user.pk], today), today)


def visible_deadlines(user, owner_ids, today: date, until: date | None = None) -> list:
    [visible] = on_visible_cases(user, open_actions(owner_ids, today, until=until))
    return visible


def countersigning_queue(user, today: date) -> list[tuple[AwaitingCountersignature, Staff]]:
    """What waits for this SPO, with who asked: work from their team, on cases they may see."""
    if user.team_id is None:
        return []
    [items] = on_visible_cases(user, awaiting_countersignature([user.team_id], today))
    staff = Staff.objects.in_bulk({item.requested_by_id for item in items} - {None})
    return [(item, staff.get(item.requested_by_id)) for item in items]


def by_status(actions: list, today: date) -> dict[DeadlineStatus, list]:
    grouped: dict[DeadlineStatus, list] = {status: [] for status in DeadlineStatus}
    for action in actions:
        grouped[status_of(action.due, today)].append(action)
    return grouped


def recently_viewed(user, *, limit: int = RECENT_CASES) -> list[Case]:
    """The cases this user opened lately that they may still see, most recent first, from the
    audit trail. Their views are read newest first, a page at a time, until enough cases are
    found: a busy practitioner opens their cases thousands of times a month, and the latest
    few views nearly always name enough of them."""
    if not user.may(Permission.VIEW_CASE):
        return []
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    # The first page nearly always names enough cases: its two queries are compiled once.
    page = _latest_views(staff_id=user.pk, since=since)
    shown = {case.pk: case for case in _latest_viewed_cases(staff_id=user.pk, since=since)}
    found = [shown[pk] for pk in dict.fromkeys(page) if pk in shown]
    if len(found) >= limit or len(page) < VIEWS_PER_READ:
        return found[:limit]
    views = _views(user.pk, since)
    cases = visible_cases(user).only("crn", "first_name", "last_name")
    seen: set[int] = set(page)
    for start in range(VIEWS_PER_READ, RECENT_VIEWS_READ, VIEWS_PER_READ):
        page = list(views[start : start + VIEWS_PER_READ])
        new = [pk for pk in dict.fromkeys(page) if pk not in seen]
        seen.update(new)
        shown = cases.in_bulk(new) if new else {}
        found += [shown[pk] for pk in new if pk in shown]
        if len(found) >= limit or len(page) < VIEWS_PER_READ:
            break
    return found[:limit]


def _views(staff_id: int, since) -> QuerySet:
    """The case of each view this member of staff made since then, latest first."""
    return (
        AuditEvent.objects.filter(
            actor_id=staff_id, action=Action.VIEW, at__gte=since, case__isnull=False
        )
        .order_by("-at")
        .values_list("case_id", flat=True)
    )


@compiled_once
def _latest_views(*, staff_id: int, since: datetime) -> QuerySet:
    return _views(staff_id, since)[:VIEWS_PER_READ]


@compiled_once
def _latest_viewed_cases(*, staff_id: int, since: datetime) -> QuerySet[Case]:
    return (
        cases_visible_to(staff_id)
        .filter(pk__in=_views(staff_id, since)[:VIEWS_PER_READ])
        .only("crn", "first_name", "last_name")
    )


def team_practitioners(spo) -> list[Staff]:
    """The SPO's team members who hold caseloads (the people they hold weekly meetings with)."""
    if spo.team_id is None:
        return []
    staff = Staff.objects.filter(team_id=spo.team_id, is_active=True).exclude(pk=spo.pk)
    return [s for s in staff.order_by("last_name", "first_name") if s.may(Permission.HOLD_CASELOAD)]


def home(user, today: date) -> dict:
    """Everything on the practitioner's home page, in a fixed number of queries. Each group of
    actions shows its first HOME_ACTIONS (the longest overdue, the soonest due) with how many
    there are: a practitioner may have hundreds, all listed on their actions page."""
    # This week and next: a new case's first appointment is often due early next week.
    horizon = end_of_week(today) + timedelta(days=7)
    stored = actions_and_alerts(user.pk, today, until=horizon)  # first: it makes them current
    seen = set(visible_stored_crns(staff_id=user.pk)) if user.may(Permission.VIEW_CASE) else set()
    actions, alerts = on_visible_cases(user, *stored, seen=seen)
    grouped = by_status(actions, today)
    return {
        "appointments": diary(user, today, 1)[today],
        **{
            name: grouped[status][:HOME_ACTIONS]
            for name, status in (
                ("overdue", DeadlineStatus.OVERDUE),
                ("this_week", DeadlineStatus.DUE_THIS_WEEK),
                ("next_week", DeadlineStatus.LATER),
            )
        },
        "totals": {status.name.lower(): len(found) for status, found in grouped.items()},
        "alerts": alerts,
        "recent": recently_viewed(user),
        "team": team_practitioners(user) if user.may(Permission.COUNTERSIGN) else [],
    }


def case_oversight(case: Case) -> QuerySet[Contact]:
    """Every management oversight note on the case, latest first, whoever wrote it (the
    allocation rationale, notes typed on the timeline and the records made here)."""
    return (
        Contact.objects.filter(case=case, type=ContactType.MANAGEMENT_OVERSIGHT)
        .select_related("created_by", "oversight")
        .order_by("-at", "-id")
    )


@dataclass(frozen=True)
class OversightDue:
    case: Case
    due: date
    last: date | None


def oversight_due_list(spo, today: date) -> list[OversightDue]:
    """The SPO's team cases with no oversight in their expected interval, longest overdue
    first: one query, the interval from desist.rules.oversight.

    Any "Management oversight" case note counts, not only those recorded here: the
    allocation rationale (desist.workforce) and notes typed on the timeline are oversight too.
    """
    if spo.team_id is None:
        return []
    last = Contact.objects.filter(
        case=OuterRef("pk"), type=ContactType.MANAGEMENT_OVERSIGHT
    ).order_by("-at")
    allocated = Allocation.objects.filter(case=OuterRef("pk"), ended_at__isnull=True).order_by(
        "-started_at"
    )
    cases = (
        visible_cases(spo)
        .filter(team_id=spo.team_id, practitioner__isnull=False)
        .annotate(
            last_oversight=Subquery(last.values("at")[:1]),
            allocated_at=Subquery(allocated.values("started_at")[:1]),
        )
        .select_related("practitioner", "risk")
    )
    due = []
    for case in cases:
        risk = getattr(case, "risk", None)
        last_on = timezone.localdate(case.last_oversight) if case.last_oversight else None
        when = oversight_due(
            last_oversight=last_on,
            allocated_on=timezone.localdate(case.allocated_at) if case.allocated_at else None,
            rosh=risk.rosh if risk else "",
            tier=risk.tier_v2 if risk else "",
        )
        if when is not None and when <= today:
            due.append(OversightDue(case=case, due=when, last=last_on))
    return sorted(due, key=lambda d: (d.due, d.case.crn))


def practitioner_caseload(viewer, practitioner) -> QuerySet[Case]:
    """The practitioner's cases the viewer may see, for choosing the cases discussed."""
    return visible_cases(viewer).filter(practitioner=practitioner).order_by("last_name", "crn")


def weekly_meetings(practitioner, *, limit: int = 10) -> list[WeeklyMeeting]:
    return list(
        WeeklyMeeting.objects.filter(practitioner=practitioner)
        .select_related("held_by")
        .prefetch_related(Prefetch("oversight", queryset=Oversight.objects.select_related("case")))[
            :limit
        ]
    )


def weekly_meeting(spo, practitioner, today: date) -> dict:
    """The practitioner's actions for the SPO, overdue first, marking what has become overdue
    since their last meeting, and the meetings so far."""
    meetings = weekly_meetings(practitioner)
    since = meetings[0].held_on if meetings else None
    grouped = by_status(visible_deadlines(spo, [practitioner.pk], today), today)
    overdue = sorted(grouped[DeadlineStatus.OVERDUE], key=lambda d: (d.due, d.crn))
    return {
        "meetings": meetings,
        "since": since,
        "overdue": overdue,
        "this_week": grouped[DeadlineStatus.DUE_THIS_WEEK],
        "later": grouped[DeadlineStatus.LATER],
    }
