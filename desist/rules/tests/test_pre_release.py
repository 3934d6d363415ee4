from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desist.rules.pre_release import (
    LONGEST_LEAD,
    NeedStatus,
    Pathway,
    Progress,
    Task,
    needs_summary,
    outstanding,
    screening_due,
    tasks,
)


def _due(found):
    return {t.task: t.due for t in found}


def test_plan_opens_twelve_weeks_before_release():
    # rules.md section 7: release 2026-12-01 -> plan task opens 2026-09-08.
    assert screening_due(sentence_date=date(2026, 1, 5), release_date=date(2026, 12, 1)) == date(
        2026, 9, 8
    )


def test_address_is_escalated_28_days_before_release():
    found = _due(
        tasks(sentence_date=date(2026, 1, 5), release_date=date(2026, 12, 1), progress=Progress())
    )
    assert found == {
        Task.SCREEN: date(2026, 9, 8),
        Task.LICENCE: date(2026, 10, 20),
        Task.ADDRESS: date(2026, 11, 3),
        Task.FIRST_APPOINTMENT: date(2026, 11, 24),
    }


def test_short_stay_is_screened_three_days_after_sentence():
    assert screening_due(sentence_date=date(2026, 3, 2), release_date=date(2026, 4, 20)) == date(
        2026, 3, 5
    )


def test_screening_never_falls_after_release():
    assert screening_due(sentence_date=date(2026, 3, 2), release_date=date(2026, 3, 3)) == date(
        2026, 3, 3
    )


def test_no_task_falls_due_before_sentence():
    found = _due(
        tasks(sentence_date=date(2026, 3, 2), release_date=date(2026, 3, 20), progress=Progress())
    )
    assert found[Task.LICENCE] == found[Task.ADDRESS] == date(2026, 3, 2)
    assert found[Task.FIRST_APPOINTMENT] == date(2026, 3, 13)


def test_done_tasks_are_not_outstanding():
    progress = Progress(needs_assessed=True, address_confirmed=True)
    left = outstanding(
        sentence_date=date(2026, 1, 5),
        release_date=date(2026, 12, 1),
        progress=progress,
        today=date(2026, 11, 1),
    )
    assert [t.task for t in left] == [Task.LICENCE, Task.FIRST_APPOINTMENT]


def test_nothing_is_outstanding_after_release():
    args = {"sentence_date": date(2026, 1, 5), "release_date": date(2026, 6, 1)}
    assert outstanding(**args, progress=Progress(), today=date(2026, 6, 2)) == []
    assert len(outstanding(**args, progress=Progress(), today=date(2026, 6, 1))) == 4


def test_needs_summary_counts_assessed_outstanding_and_open():
    summary = needs_summary(
        {
            Pathway.ACCOMMODATION: NeedStatus.NEED,
            Pathway.WORK: NeedStatus.REFERRED,
            Pathway.HEALTH: NeedStatus.NO_NEED,
            Pathway.FINANCE: NeedStatus.RESOLVED,
            Pathway.FAMILY: "",
        }
    )
    assert (summary.assessed, summary.outstanding, summary.open_needs) == (4, 3, 2)
    assert not summary.complete
    assert needs_summary(dict.fromkeys(Pathway, NeedStatus.NO_NEED)).complete


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1))


@given(dates, st.integers(min_value=0, max_value=3000))
def test_every_task_falls_between_sentence_and_release(sentence_date, days):
    release_date = sentence_date + timedelta(days=days)
    for task in tasks(sentence_date=sentence_date, release_date=release_date, progress=Progress()):
        assert sentence_date <= task.due <= release_date
        assert task.due >= release_date - LONGEST_LEAD


@given(dates, st.integers(min_value=0, max_value=3000))
def test_tasks_come_in_due_order(sentence_date, days):
    found = tasks(
        sentence_date=sentence_date,
        release_date=sentence_date + timedelta(days=days),
        progress=Progress(),
    )
    assert [t.due for t in found] == sorted(t.due for t in found)
    assert {t.task for t in found} == set(Task)
