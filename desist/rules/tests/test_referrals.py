"""Referral status flow: every pair of statuses, the coded reasons and the chase date."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desist.rules.referrals import (
    AWAITING_RESPONSE,
    CLOSED,
    NEXT,
    REASONS,
    STATUS_LABELS,
    Status,
    TransitionRefused,
    chase_due,
    check_transition,
    next_statuses,
)

ALLOWED = {
    (Status.DRAFT, Status.SENT),
    (Status.DRAFT, Status.CANCELLED),
    (Status.SENT, Status.ACCEPTED),
    (Status.SENT, Status.DECLINED),
    (Status.SENT, Status.WITHDRAWN),
    (Status.SENT, Status.CANCELLED),
    (Status.ACCEPTED, Status.STARTED),
    (Status.ACCEPTED, Status.WITHDRAWN),
    (Status.ACCEPTED, Status.CANCELLED),
    (Status.STARTED, Status.COMPLETED),
    (Status.STARTED, Status.WITHDRAWN),
    (Status.STARTED, Status.CANCELLED),
}


def _reason(status: Status) -> str:
    return next(iter(REASONS[status]), "") if status in REASONS else ""


@pytest.mark.parametrize("current", list(Status))
@pytest.mark.parametrize("new", list(Status))
def test_every_pair_of_statuses(current, new):
    if (current, new) in ALLOWED:
        check_transition(current, new, _reason(new))
    else:
        with pytest.raises(TransitionRefused):
            check_transition(current, new, _reason(new))


def test_the_happy_path_runs_from_draft_to_completed():
    path = [Status.DRAFT, Status.SENT, Status.ACCEPTED, Status.STARTED, Status.COMPLETED]
    for current, new in zip(path, path[1:], strict=False):
        check_transition(current, new)


@pytest.mark.parametrize("status", [Status.DECLINED, Status.WITHDRAWN, Status.CANCELLED])
def test_ending_early_needs_a_reason_of_that_status(status):
    current = Status.SENT
    with pytest.raises(TransitionRefused, match="Select why"):
        check_transition(current, status, "")
    other = next(s for s in REASONS if s != status)
    wrong = next(code for code in REASONS[other] if code not in REASONS[status])
    with pytest.raises(TransitionRefused, match="Select why"):
        check_transition(current, status, wrong)


def test_a_reason_is_refused_where_none_is_asked():
    with pytest.raises(TransitionRefused, match="takes no reason"):
        check_transition(Status.SENT, Status.ACCEPTED, "NO_CAPACITY")


def test_a_closed_referral_says_it_cannot_change():
    with pytest.raises(TransitionRefused, match="completed: it cannot change"):
        check_transition(Status.COMPLETED, Status.STARTED)


def test_closed_statuses_are_those_with_nothing_after_them():
    assert CLOSED == {Status.DECLINED, Status.COMPLETED, Status.WITHDRAWN, Status.CANCELLED}
    assert AWAITING_RESPONSE == {Status.SENT}
    assert set(STATUS_LABELS) == set(Status) == set(NEXT)


def test_next_statuses_follow_the_flow_order():
    assert next_statuses(Status.SENT) == [
        Status.ACCEPTED,
        Status.DECLINED,
        Status.WITHDRAWN,
        Status.CANCELLED,
    ]
    assert next_statuses(Status.COMPLETED) == []


@given(st.sampled_from(list(Status)), st.sampled_from(list(Status)), st.text(max_size=20))
def test_a_transition_is_allowed_only_along_the_table(current, new, reason):
    try:
        check_transition(current, new, reason)
    except TransitionRefused:
        return
    assert new in NEXT[current]
    assert (reason in REASONS[new]) if new in REASONS else reason == ""


def test_a_referral_is_chased_after_five_working_days():
    assert chase_due(date(2026, 11, 23)) == date(2026, 11, 30)  # Monday → next Monday
    # Christmas: sent Tuesday 22 Dec 2026, the bank holidays (25, 28 Dec) are skipped.
    assert chase_due(date(2026, 12, 22)) == date(2026, 12, 31)
