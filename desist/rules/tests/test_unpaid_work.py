from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desist.rules.unpaid_work import credited_minutes, minutes_between, sent_home_problem

SESSION = {"starts": time(9, 0), "ends": time(16, 0)}
OUTCOMES = ["ATTC", "ATSH", "ATSS", "AFTC", "UAAB", "AAME", "AACL", ""]


def test_attended_complied_credits_the_whole_session():
    assert credited_minutes(outcome="ATTC", **SESSION) == 7 * 60


@pytest.mark.parametrize("outcome", ["ATSH", "ATSS"])
def test_sent_home_credits_the_time_up_to_then(outcome):
    assert credited_minutes(outcome=outcome, sent_home_at=time(11, 30), **SESSION) == 150


@pytest.mark.parametrize("outcome", ["AFTC", "UAAB", "AAME", "AACL", "RSOF", ""])
def test_other_outcomes_credit_nothing(outcome):
    assert credited_minutes(outcome=outcome, sent_home_at=time(11, 30), **SESSION) == 0


def test_sent_home_without_a_time_credits_nothing():
    assert credited_minutes(outcome="ATSH", **SESSION) == 0


def test_sent_home_after_the_end_credits_no_more_than_the_session():
    assert credited_minutes(outcome="ATSH", sent_home_at=time(18, 0), **SESSION) == 7 * 60


def test_sent_home_before_the_start_credits_nothing():
    assert credited_minutes(outcome="ATSS", sent_home_at=time(8, 0), **SESSION) == 0


def test_minutes_between():
    assert minutes_between(time(9, 15), time(10, 0)) == 45
    assert minutes_between(time(10, 0), time(9, 0)) == 0


@pytest.mark.parametrize(
    ("sent_home_at", "problem"),
    [
        (None, "Enter the time the person was sent home"),
        (time(9, 0), "after the session started (09:00) and before it ended (16:00)"),
        (time(16, 0), "after the session started"),
        (time(17, 0), "after the session started"),
        (time(12, 0), None),
    ],
)
def test_sent_home_must_be_within_the_session(sent_home_at, problem):
    found = sent_home_problem(sent_home_at=sent_home_at, **SESSION)
    assert (found is None) if problem is None else problem in found


times = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@given(
    outcome=st.sampled_from(OUTCOMES),
    starts=times,
    ends=times,
    sent_home_at=st.none() | times,
)
def test_credit_is_never_negative_nor_more_than_the_session(outcome, starts, ends, sent_home_at):
    credit = credited_minutes(outcome=outcome, starts=starts, ends=ends, sent_home_at=sent_home_at)
    assert 0 <= credit <= minutes_between(starts, ends)


@given(starts=times, ends=times, earlier=times, later=times)
def test_sent_home_later_never_credits_less(starts, ends, earlier, later):
    earlier, later = sorted([earlier, later])
    session = {"starts": starts, "ends": ends}
    assert credited_minutes(outcome="ATSH", sent_home_at=earlier, **session) <= credited_minutes(
        outcome="ATSH", sent_home_at=later, **session
    )


@given(starts=times, ends=times, sent_home_at=times)
def test_sent_home_credits_only_up_to_the_time_sent_home(starts, ends, sent_home_at):
    credit = credited_minutes(outcome="ATSS", starts=starts, ends=ends, sent_home_at=sent_home_at)
    assert credit <= minutes_between(starts, sent_home_at)
    assert credit <= credited_minutes(outcome="ATTC", starts=starts, ends=ends)
