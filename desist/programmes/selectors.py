"""Reads for the programmes area, each in a fixed number of queries however many members.

Members' cases are annotated with this user's entry on the case's access lists, so a
restricted case the user may not open is labelled as such (desist.access.access_denial)
without a query per member.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from desist.access.models import CaseAccess
from desist.access.selectors import access_denial
from desist.accounts.roles import Permission
from desist.organisation.models import Team
from desist.programmes.constants import Suitability
from desist.programmes.models import Attendance, CatchUp, Group, GroupSession, Referral
from desist.rules import programmes as rules
from desist.supervision.constants import Outcome


def with_case_access(queryset: QuerySet, user, case_path: str) -> QuerySet:
    """Rows whose case (at `case_path`) carries this user's access-list entry."""
    entry = CaseAccess.objects.filter(case=OuterRef(case_path), staff_id=user.pk).values("kind")
    return queryset.annotate(case_access_kind=Subquery(entry[:1]))


def label_access(user, row, case) -> None:
    """Set `case.denied` to why this user may not open the case (None if they may)."""
    case.access_kind = row.case_access_kind
    case.denied = access_denial(user, case)


def may_run(user, group: Group) -> bool:
    """Facilitators run the groups they lead or cover; senior probation officers (treatment
    managers) oversee every group."""
    return user.pk in (group.lead_facilitator_id, group.cover_facilitator_id) or user.may(
        Permission.MANAGE_TEAM
    )


def week_of(today: date) -> tuple[datetime, datetime]:
    """Monday 00:00 to the next Monday, local time."""
    monday = today - timedelta(days=today.weekday())
    start = timezone.make_aware(datetime.combine(monday, datetime.min.time()))
    return start, start + timedelta(days=7)


def _attendances(user) -> QuerySet[Attendance]:
    return with_case_access(
        Attendance.objects.select_related("appointment", "referral__case"),
        user,
        "referral__case",
    )


def _labelled(user, attendances) -> list[Attendance]:
    rows = list(attendances)
    for row in rows:
        label_access(user, row, row.referral.case)
    return rows


@dataclass
class MemberProgress:
    referral: Referral
    progress: rules.Progress


def progress_of(referrals: list[Referral], now: datetime) -> dict[int, rules.Progress]:
    """Each member's progress through the template: three queries for any number of members."""
    if not referrals:
        return {}
    attended: dict[int, set[int]] = defaultdict(set)
    held: dict[int, set[int]] = defaultdict(set)
    for referral_id, number, outcome, starts_at in Attendance.objects.filter(
        referral__in=referrals
    ).values_list(
        "referral_id", "session__template__number", "appointment__outcome", "session__starts_at"
    ):
        if starts_at <= now:
            held[referral_id].add(number)
        if outcome == Outcome.ATTENDED_COMPLIED:
            attended[referral_id].add(number)
    caught_up: dict[int, set[int]] = defaultdict(set)
    for referral_id, number in CatchUp.objects.filter(
        referral__in=referrals, appointment__outcome=Outcome.ATTENDED_COMPLIED
    ).values_list("referral_id", "template__number"):
        caught_up[referral_id].add(number)
    totals = dict(
        Referral.objects.filter(pk__in=[r.pk for r in referrals])
        .annotate(total=Count("programme__templates"))
        .values_list("pk", "total")
    )
    return {
        r.pk: rules.progress(
            range(1, totals[r.pk] + 1),
            attended=attended[r.pk],
            caught_up=caught_up[r.pk],
            held=held[r.pk],
        )
        for r in referrals
    }


def facilitator_home(user, today: date) -> dict:
    """The facilitator's groups, their sessions this week with who is attending, and who has
    missed what: seven queries however many groups and members."""
    groups = list(
        Group.objects.filter(Q(lead_facilitator=user) | Q(cover_facilitator=user))
        .select_related("programme", "office")
        .annotate(member_count=Count("members"))
        .order_by("programme__name", "name")
    )
    start, end = week_of(today)
    sessions = list(
        GroupSession.objects.filter(group__in=groups, starts_at__gte=start, starts_at__lt=end)
        .select_related("group__programme", "template")
        .order_by("starts_at")
    )
    by_session: dict[int, list[Attendance]] = defaultdict(list)
    for row in _labelled(user, _attendances(user).filter(session__in=sessions)):
        by_session[row.session_id].append(row)
    for session in sessions:
        session.attending = sorted(by_session[session.pk], key=lambda a: a.referral.case.last_name)
    members = _labelled_referrals(user, Referral.objects.filter(group__in=groups))
    found = progress_of(members, timezone.now())
    missed = [MemberProgress(m, found[m.pk]) for m in members if found[m.pk].missed]
    return {"groups": groups, "sessions": sessions, "missed": missed, "week_start": start}


def _labelled_referrals(user, referrals: QuerySet[Referral]) -> list[Referral]:
    rows = list(
        with_case_access(
            referrals.select_related("case", "group", "programme"), user, "case"
        ).order_by("case__last_name", "case__first_name")
    )
    for row in rows:
        label_access(user, row, row.case)
    return rows


def region_of(user) -> Subquery:
    """The user's region, as a subquery: programme teams work a region, not a team."""
    return Subquery(Team.objects.filter(pk=user.team_id).values("pdu__region_id")[:1])


def _in_region_of(referrals: QuerySet[Referral], user) -> QuerySet[Referral]:
    """Its people only (everyone, for staff with no team)."""
    if user.team_id is None:
        return referrals
    return referrals.filter(case__team__pdu__region_id=region_of(user))


def waitlist(user) -> list[Referral]:
    """Everyone in the user's region waiting for a place: referred, not yet in a group, not
    found unsuitable."""
    waiting = Referral.objects.filter(group__isnull=True).exclude(
        suitability=Suitability.NOT_SUITABLE
    )
    return _labelled_referrals(user, _in_region_of(waiting, user))


def group_detail(user, group: Group) -> dict:
    sessions = list(group.sessions.select_related("template").order_by("starts_at"))
    members = _labelled_referrals(user, group.members.all())
    found = progress_of(members, timezone.now())
    suitable = Referral.objects.filter(
        programme=group.programme, group__isnull=True, suitability=Suitability.SUITABLE
    )
    waiting = _labelled_referrals(
        user, suitable.filter(case__team__pdu__region_id=group.office.pdu.region_id)
    )
    return {
        "group": group,
        "sessions": sessions,
        "members": [MemberProgress(m, found[m.pk]) for m in members],
        "waiting": [w for w in waiting if not w.case.denied],
        "places_left": group.capacity - len(members),
    }


# What the register shows and records of each member: loading their whole cases and
# appointments was a good part of the page's time. The case's practitioner is kept because
# the audit of a concern raised on the case reads it.
_REGISTER_COLUMNS = (
    "concern",
    "concern_notes",
    "appointment__case",
    "appointment__outcome",
    "appointment__outcome_notes",
    "appointment__cancelled_at",
    "appointment__version",
    "referral__case__crn",
    "referral__case__first_name",
    "referral__case__last_name",
    "referral__case__practitioner",
    "referral__case__restricted",
    "referral__case__restriction_message",
    "referral__case__exclusion_message",
)


def session_register(user, session: GroupSession) -> list[Attendance]:
    """The register's rows, in name order: one query however many members."""
    rows = _labelled(user, _attendances(user).filter(session=session).only(*_REGISTER_COLUMNS))
    return sorted(rows, key=lambda a: (a.referral.case.last_name, a.referral.case.first_name))
