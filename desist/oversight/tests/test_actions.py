"""The deadline engine's stored actions: the same answer as computing afresh, recomputed
once the owner's work changes (an audited write), on a new day, and never overwritten by a
change made while they were being computed."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.oversight import actions, deadlines
from desist.oversight.models import ActionsState, OpenAction
from desist.supervision.models import Appointment


def test_stored_actions_are_what_the_engine_computes(officer, make_case, missed):
    today = timezone.localdate()
    for i in range(3):
        missed(make_case(f"Stored{i}", "Person"), days_ago=i + 1)
    stored = actions.open_actions([officer.pk], today)
    computed = deadlines.deadlines_for([officer.pk], today)
    assert [(a.kind, a.due, a.url, a.crn, a.name, a.detail) for a in stored] == [
        (d.kind, d.due, d.url, d.crn, d.name, d.detail) for d in computed
    ]
    assert OpenAction.objects.filter(owner=officer).count() == 3


def test_an_audited_write_to_a_case_makes_its_holders_actions_current_again(
    officer, colleague, make_case, missed
):
    today = timezone.localdate()
    case = make_case()
    assert actions.open_actions([officer.pk], today) == []
    missed(case)  # written straight to the database: nothing audited, nothing recomputed
    assert actions.open_actions([officer.pk], today) == []
    audit_record(actor=colleague, action=Action.CHANGE, case=case, subject="appointment")
    assert [d.kind for d in actions.open_actions([officer.pk], today)] == ["Record an outcome"]


def test_reading_a_case_does_not_recompute(officer, make_case):
    today = timezone.localdate()
    case = make_case()
    actions.open_actions([officer.pk], today)
    version = ActionsState.objects.get(owner=officer).version
    audit_record(actor=officer, action=Action.VIEW, case=case)
    assert ActionsState.objects.get(owner=officer).version == version


def test_a_change_reaches_everyone_with_an_action_on_the_case(
    officer, colleague, make_case, missed
):
    """A case moved to a colleague: the old holder's action goes, the new one's comes."""
    today = timezone.localdate()
    case = make_case()
    missed(case)
    assert len(actions.open_actions([officer.pk], today)) == 1
    assert actions.open_actions([colleague.pk], today) == []
    case.practitioner = colleague
    case.save(update_fields=["practitioner"])
    audit_record(actor=None, action=Action.CHANGE, case=case, subject="allocation")
    assert actions.open_actions([officer.pk], today) == []
    assert len(actions.open_actions([colleague.pk], today)) == 1


def test_actions_are_recomputed_on_a_new_day(officer, make_case, missed):
    today = timezone.localdate()
    case = make_case()
    actions.open_actions([officer.pk], today)
    missed(case)
    assert actions.open_actions([officer.pk], today) == []
    assert len(actions.open_actions([officer.pk], today + timedelta(days=1))) == 1


def test_an_appointment_later_today_is_stored_ahead_and_shows_once_started(officer, make_case):
    today = timezone.localdate()
    starts = timezone.now() + timedelta(minutes=5)
    Appointment.objects.create(
        case=make_case(), practitioner=officer, type="OFFICE", starts_at=starts
    )
    assert actions.open_actions([officer.pk], today) == []
    stored = OpenAction.objects.get(owner=officer)
    assert stored.shows_at == starts and stored.kind == "Record an outcome"
    # Five minutes on, without recomputing: the stored row now shows.
    OpenAction.objects.filter(pk=stored.pk).update(shows_at=timezone.now() - timedelta(seconds=1))
    assert [d.kind for d in actions.open_actions([officer.pk], today)] == ["Record an outcome"]


def test_a_change_during_a_refresh_leaves_the_owner_out_of_date(officer, make_case, missed):
    """The version is read under the refresh's lock: a write that bumps it after the
    computation still forces the next read to recompute."""
    today = timezone.localdate()
    case = make_case()
    actions.open_actions([officer.pk], today)
    real = deadlines.compute_deadlines

    def compute_then_write(owner_ids, day, **kwargs):
        found = real(owner_ids, day, **kwargs)
        missed(case)
        actions.actions_changed([officer.pk])
        return found

    actions.actions_changed([officer.pk])
    try:
        actions.compute_deadlines = compute_then_write
        assert actions.open_actions([officer.pk], today) == []
    finally:
        actions.compute_deadlines = real
    assert len(actions.open_actions([officer.pk], today)) == 1


def test_a_current_read_takes_a_query_or_two_whoever_and_however_many(
    officer, colleague, make_case, missed
):
    today = timezone.localdate()
    for i in range(5):
        missed(make_case(f"Many{i}", "Person"))
    actions.open_actions([officer.pk, colleague.pk], today)
    with CaptureQueriesContext(connection) as queries:
        actions.open_actions([officer.pk, colleague.pk], today)
        actions.team_overdue_counts(officer.team_id, [officer.pk, colleague.pk], today)
    assert len(queries) == 3  # states and actions; the team's states, with their counts
    counts = actions.team_overdue_counts(officer.team_id, [officer.pk, colleague.pk], today)
    assert counts == {officer.pk: 5, colleague.pk: 0}


def test_the_overdue_count_is_of_actions_due_before_today_and_kept_current(
    officer, make_case, missed
):
    today = timezone.localdate()
    first = make_case("First", "Person")
    missed(first)
    Appointment.objects.create(  # later today: stored ahead, not overdue
        case=first,
        practitioner=officer,
        type="PHONE",
        starts_at=timezone.now() + timedelta(hours=1),
    )
    assert actions.team_overdue_counts(officer.team_id, [officer.pk], today) == {officer.pk: 1}
    missed(make_case("Second", "Person"))
    assert actions.team_overdue_counts(officer.team_id, [officer.pk], today) == {officer.pk: 2}


def test_the_nightly_refresh_stores_everyones_actions_for_today(
    officer, colleague, make_case, missed
):
    missed(make_case())
    missed(make_case("Jane", "Doe", practitioner=colleague), days_ago=2)
    call_command("refresh_open_actions", "--no-progress", stdout=StringIO())
    states = ActionsState.objects.in_bulk([officer.pk, colleague.pk])
    assert {s.computed_on for s in states.values()} == {timezone.localdate()}
    assert sorted(OpenAction.objects.values_list("owner_id", flat=True)) == sorted(
        [officer.pk, colleague.pk]
    )


def test_the_team_count_is_nothing_for_someone_no_longer_in_the_team(officer, colleague):
    today = timezone.localdate()
    type(colleague).objects.filter(pk=colleague.pk).update(team=None)
    counts = actions.team_overdue_counts(officer.team_id, [officer.pk, colleague.pk], today)
    assert counts == {officer.pk: 0, colleague.pk: 0}
