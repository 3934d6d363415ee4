"""Open actions (and alerts) kept as rows, so the pages that list or count them read instead
of recomputing them.

Computing every area's deadlines takes a dozen queries for one practitioner and, for a
team, most of a second at national scale, while the home page and the team page are opened
far more often than the work behind them changes. So each owner's deadlines are stored
(OpenAction), with the version of their work they were computed from (ActionsState), and
recomputed on the next read once that is out of date:

- every write to a case is audited, and each audited write bumps the version of the case's
  holder, of whoever made the change and of everyone with an action on the case;
- a service that gives work to someone none of those covers calls ``actions_changed``;
- rows computed on an earlier day are recomputed on the first read of the day, since what
  is due (terminations, pre-release tasks, enforcement windows) moves with the date; the
  nightly ``refresh_open_actions`` command does that ahead of the working day;
- an action that falls due at a time of day ("Record an outcome" once the appointment has
  started) is stored ahead with the time it shows from.

A writer bumps the version on the same row a refresh locks, in its own transaction, so a
change committed while a refresh computes always leaves that owner out of date again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime

from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from desist.access.selectors import cases_visible_to
from desist.audit.models import Action, AuditEvent
from desist.core.compiled import compiled_once
from desist.oversight.alerts import compute_alerts
from desist.oversight.deadlines import compute_deadlines, owners_on_case
from desist.oversight.models import ActionsState, OpenAction, StoredAlert
from desist.people.models import Case


def actions_changed(owner_ids: Iterable[int | None], *also: QuerySet) -> None:
    """Mark these staff's stored actions out of date (their work just changed), and those of
    the staff each of ``also`` (a query of staff ids) finds, in one statement."""
    owners = sorted({pk for pk in owner_ids if pk is not None})
    chosen = Q(owner_id__in=owners)
    for found in also:
        chosen |= Q(owner_id__in=found)
    ActionsState.objects.filter(chosen).update(version=F("version") + 1)


def case_changed(case, actor_id: int | None) -> None:
    """An audited write to a case: the actions of its holder, of the writer, of anyone else
    whose work is on it, and of everyone with an action on it may have changed. Who they are
    is read first (one query), so the update goes straight to their rows."""
    actions_changed([case.practitioner_id, actor_id, *_concerned(crn=case.crn, case_id=case.pk)])


@compiled_once
def _concerned(*, crn: str, case_id: int) -> QuerySet:
    """Staff holding an action on the case or named by an area as concerned with it: read on
    every audited write, so compiled once (desist.core.compiled)."""
    found = OpenAction.objects.filter(crn=crn).values_list("owner_id", flat=True)
    others = owners_on_case(Case(pk=case_id, crn=crn))
    return found.union(*others) if others else found


WRITES = frozenset({Action.CREATE, Action.CHANGE, Action.DELETE})


def audited(sender, instance: AuditEvent, created: bool, **kwargs) -> None:
    """Receives every new audit event (connected in OversightConfig.ready)."""
    if created and instance.action in WRITES and instance.case_id is not None:
        case_changed(instance.case, instance.actor_id)


# Other per-owner figures derived from their work, stored and recomputed with their actions:
# (owner ids, today) -> None, replacing the area's own rows for those owners.
StoredWithActions = Callable[[list[int], date], None]
_ALSO_STORED: list[StoredWithActions] = []


def stored_with_actions(store: StoredWithActions) -> StoredWithActions:
    _ALSO_STORED.append(store)
    return store


def _current(state: ActionsState | None, today: date) -> bool:
    return (
        state is not None and state.computed_on == today and state.computed_version == state.version
    )


def ensure_current(owner_ids: Iterable[int], today: date) -> None:
    """Recompute the stored actions of any of these owners that are out of date."""
    owners = sorted(set(owner_ids))
    if len(owners) == 1:  # a practitioner's own pages: compiled once
        states = {state.owner_id: state for state in _state_of(owner_id=owners[0])}
    else:
        states = ActionsState.objects.in_bulk(owners)
    _refresh_stale(owners, states, today)


def _refresh_stale(owners: list[int], states: dict[int, ActionsState], today: date) -> bool:
    """Refresh those of these owners whose stored actions are out of date; whether any were."""
    stale = [pk for pk in owners if not _current(states.get(pk), today)]
    if stale:
        refresh(stale, today)
    return bool(stale)


@compiled_once
def _state_of(*, owner_id: int) -> QuerySet[ActionsState]:
    return ActionsState.objects.filter(owner_id=owner_id)


def refresh(owner_ids: Iterable[int], today: date) -> None:
    """Recompute and store these owners' actions, each once however many ask at a time."""
    owners = sorted(set(owner_ids))
    with transaction.atomic():
        ActionsState.objects.bulk_create(
            [ActionsState(owner_id=pk) for pk in owners], ignore_conflicts=True
        )
        locked = ActionsState.objects.select_for_update().filter(owner_id__in=owners)
        stale = [state for state in locked.order_by("owner_id") if not _current(state, today)]
        if not stale:
            return
        ids = [state.owner_id for state in stale]
        deadlines = compute_deadlines(ids, today)
        _replace(
            OpenAction, ids, deadlines, ("kind", "due", "shows_at", "url", "crn", "name", "detail")
        )
        _replace(
            StoredAlert,
            ids,
            compute_alerts(ids, today),
            ("kind", "on", "url", "crn", "name", "detail"),
        )
        for store in _ALSO_STORED:
            store(ids, today)
        overdue = Counter(d.owner_id for d in deadlines if d.due < today)
        for state in stale:
            state.computed_on = today
            state.computed_version = state.version
            state.overdue = overdue[state.owner_id]
        ActionsState.objects.bulk_update(stale, ["computed_on", "computed_version", "overdue"])


def _replace(model, owner_ids: list[int], found: Iterable, fields: tuple[str, ...]) -> None:
    """Replace these owners' stored rows of ``model`` with what was ``found`` for them (each
    with an ``owner_id`` and the ``fields`` stored)."""
    model.objects.filter(owner_id__in=owner_ids).delete()
    owners = set(owner_ids)
    model.objects.bulk_create(
        (
            model(owner_id=item.owner_id, **{name: getattr(item, name) for name in fields})
            for item in found
            if item.owner_id in owners
        ),
        batch_size=1000,
    )


def _shown(owners: Q, until: date | None, now: datetime | None = None) -> QuerySet:
    rows = OpenAction.objects.filter(owners).filter(
        Q(shows_at__isnull=True) | Q(shows_at__lte=now or timezone.now())
    )
    return rows if until is None else rows.filter(due__lte=until)


# What the pages show of an action: read as plain rows, since a practitioner may have hundreds.
SHOWN = ("kind", "owner_id", "due", "url", "crn", "name", "detail")


def _listed(rows: QuerySet) -> QuerySet:
    return rows.order_by("due", "crn", "kind", "id").values_list(*SHOWN, named=True)


def _actions(owners: list[int], until: date | None) -> list:
    return list(_listed(_shown(Q(owner_id__in=owners), until)))


@compiled_once
def _own_actions(*, owner_id: int, now: datetime, until: date) -> QuerySet:
    """A practitioner's actions for their home page: compiled once."""
    return _listed(_shown(Q(owner_id=owner_id), until, now))


@compiled_once
def _alerts(*, owner_id: int) -> QuerySet:
    rows = StoredAlert.objects.filter(owner_id=owner_id).order_by("-on", "-crn", "id")
    return rows.values_list("kind", "on", "url", "crn", "name", "detail", named=True)


@compiled_once
def visible_stored_crns(*, staff_id: int) -> QuerySet:
    """The cases of this member of staff's own stored actions and alerts that they may see
    (their role lets them see cases: the caller's to check), compiled once for the home page."""
    stored = (
        OpenAction.objects.filter(owner_id=staff_id)
        .values("crn")
        .union(StoredAlert.objects.filter(owner_id=staff_id).values("crn"))
    )
    return cases_visible_to(staff_id).filter(crn__in=stored).values_list("crn", flat=True)


def open_actions(owner_ids: Iterable[int], today: date, *, until: date | None = None) -> list:
    """Every open action owned by these staff (due on or before ``until``, if given),
    soonest first, as rows with the fields in SHOWN: the deadline engine's answer, read from
    the stored copy."""
    owners = list(owner_ids)
    ensure_current(owners, today)
    return _actions(owners, until)


def alerts_for(owner_id: int, today: date) -> list:
    """This member of staff's alerts, newest first, as rows (kind, on, url, crn, name,
    detail), read from the stored copy."""
    ensure_current([owner_id], today)
    return _alerts(owner_id=owner_id)


def actions_and_alerts(owner_id: int, today: date, *, until: date | None) -> tuple[list, list]:
    """Both, for the home page, checking once that they are current."""
    ensure_current([owner_id], today)
    return _own_actions(owner_id=owner_id, now=timezone.now(), until=until), _alerts(
        owner_id=owner_id
    )


def team_overdue_counts(team_id: int, owner_ids: Iterable[int], today: date) -> dict[int, int]:
    """How many actions each of these members of a team has overdue (due before today), as
    stored with their actions: the team page shows the numbers, not the actions. Read by
    team, so compiled once."""
    owners = sorted(set(owner_ids))
    states = {s.owner_id: s for s in _team_states(team_id=team_id)}
    if _refresh_stale(owners, states, today):
        states = {s.owner_id: s for s in _team_states(team_id=team_id)}
    # Someone who moved team since their team's page was read counts nothing here.
    return {pk: states[pk].overdue if pk in states else 0 for pk in owners}


@compiled_once
def _team_states(*, team_id: int) -> QuerySet[ActionsState]:
    return ActionsState.objects.filter(owner__team_id=team_id)
