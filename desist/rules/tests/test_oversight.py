"""The management oversight interval: RoSH and tier both bring it forward; allocation starts
the clock with a touchpoint."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desist.rules.oversight import (
    QUARTERLY_DAYS,
    TOUCHPOINT_DAYS,
    oversight_due,
    oversight_interval,
)

ROSH = ["", "LOW", "MEDIUM", "HIGH", "VERY_HIGH"]
TIERS = ["", *[f"{p}{c}" for p in "ABCD" for c in "0123"], "B2S"]
DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))


@pytest.mark.parametrize(
    ("rosh", "tier", "days"),
    [
        ("VERY_HIGH", "D0", 28),
        ("VERY_HIGH", "A3", 28),
        ("HIGH", "D1", 56),
        ("MEDIUM", "A1", 56),
        ("LOW", "B2", 56),
        ("", "b2", 56),
        ("LOW", "C3", QUARTERLY_DAYS),
        ("MEDIUM", "D0", QUARTERLY_DAYS),
        ("", "", QUARTERLY_DAYS),
    ],
)
def test_interval_by_rosh_and_tier(rosh, tier, days):
    assert oversight_interval(rosh=rosh, tier=tier) == days


@given(st.sampled_from(ROSH), st.sampled_from(TIERS))
def test_higher_risk_never_lengthens_the_interval(rosh, tier):
    interval = oversight_interval(rosh=rosh, tier=tier)
    assert 0 < interval <= QUARTERLY_DAYS
    assert oversight_interval(rosh="VERY_HIGH", tier=tier) <= interval
    assert oversight_interval(rosh=rosh, tier="A" + tier[1:]) <= interval


def test_touchpoint_due_after_allocation_when_no_oversight_since():
    allocated = date(2026, 3, 2)
    assert oversight_due(last_oversight=None, allocated_on=allocated) == allocated + timedelta(
        days=TOUCHPOINT_DAYS
    )
    # Oversight under the previous practitioner does not count for the new allocation.
    assert oversight_due(
        last_oversight=date(2026, 1, 5), allocated_on=allocated
    ) == allocated + timedelta(days=TOUCHPOINT_DAYS)


def test_next_oversight_counts_from_the_last_record():
    assert oversight_due(
        last_oversight=date(2026, 3, 10), allocated_on=date(2026, 3, 2), rosh="HIGH"
    ) == date(2026, 5, 5)
    assert oversight_due(last_oversight=date(2026, 3, 2), allocated_on=date(2026, 3, 2)) == date(
        2026, 6, 1
    )


def test_unallocated_cases_have_no_oversight_due():
    assert oversight_due(last_oversight=None, allocated_on=None) is None
    assert oversight_due(last_oversight=date(2026, 1, 1), allocated_on=None) == date(2026, 4, 2)


@given(DATES, DATES, st.sampled_from(ROSH), st.sampled_from(TIERS))
def test_due_is_always_after_the_latest_start(last, allocated, rosh, tier):
    due = oversight_due(last_oversight=last, allocated_on=allocated, rosh=rosh, tier=tier)
    assert due is not None and due > max(last, allocated)
