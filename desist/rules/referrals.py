"""Referrals to partner agencies: which status may follow which, which need a coded reason,
and when a referral still waiting for the agency's answer should be chased.

Pure Python, no Django: the interventions app stores the status and asks this module before
every change, so a page, a script and a test all meet the same rules.

Sources (wording ours):

- The issue's status flow for Desist (draft, sent, accepted or declined with a reason,
  started, then completed, withdrawn or cancelled with coded reasons).
- ``ministryofjustice/hmpps-interventions-service`` ("Refer and monitor an intervention"):
  a referral is drafted, sent to the provider, assigned and ended early with a coded
  cancellation reason (the person's circumstances, moved out of area, in custody, service
  not suitable...). Our reason codes are modelled on those; VERIFY the exact code list.
- vocabulary.md: "CRS referral" as an NSI, service categories and desired outcomes.
- VERIFY: the five working days before a referral is chased are a local practice default, not
  a national standard; they are one constant here.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from desist.rules.working_days import add_working_days

# A sent referral with no answer from the agency is chased after this many working days.
CHASE_AFTER_WORKING_DAYS = 5


class Status(StrEnum):
    DRAFT = "DRAFT"
    SENT = "SENT"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    STARTED = "STARTED"
    COMPLETED = "COMPLETED"
    WITHDRAWN = "WITHDRAWN"
    CANCELLED = "CANCELLED"


STATUS_LABELS = {
    Status.DRAFT: "Draft",
    Status.SENT: "Sent",
    Status.ACCEPTED: "Accepted",
    Status.DECLINED: "Declined",
    Status.STARTED: "Started",
    Status.COMPLETED: "Completed",
    Status.WITHDRAWN: "Withdrawn",
    Status.CANCELLED: "Cancelled",
}

# Which status may follow which. A draft is cancelled, never withdrawn: the agency never saw it.
# Once the agency has the referral, the practitioner withdraws it (the person's circumstances)
# or cancels it (it should not have been made, or the order ended).
NEXT: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.SENT, Status.CANCELLED}),
    Status.SENT: frozenset({Status.ACCEPTED, Status.DECLINED, Status.WITHDRAWN, Status.CANCELLED}),
    Status.ACCEPTED: frozenset({Status.STARTED, Status.WITHDRAWN, Status.CANCELLED}),
    Status.STARTED: frozenset({Status.COMPLETED, Status.WITHDRAWN, Status.CANCELLED}),
    Status.DECLINED: frozenset(),
    Status.COMPLETED: frozenset(),
    Status.WITHDRAWN: frozenset(),
    Status.CANCELLED: frozenset(),
}

CLOSED = frozenset(s for s, after in NEXT.items() if not after)
# The agency holds the referral and has not yet answered it.
AWAITING_RESPONSE = frozenset({Status.SENT})
# The referral can still be edited: only before the agency has it.
EDITABLE = frozenset({Status.DRAFT})

# Coded reasons, per status that needs one. VERIFY against the interventions service's list.
REASONS: dict[Status, dict[str, str]] = {
    Status.DECLINED: {
        "NOT_ELIGIBLE": "Not eligible for the service",
        "NO_CAPACITY": "No capacity or waiting list closed",
        "RISK": "Risk too high for the service to manage",
        "OUT_OF_AREA": "Lives outside the area the agency covers",
        "INFORMATION": "Not enough information to accept",
    },
    Status.WITHDRAWN: {
        "PERSON_DECLINED": "The person no longer wants the service",
        "NEED_MET": "The need has been met another way",
        "CUSTODY": "Recalled or remanded in custody",
        "MOVED": "Moved out of the area",
        "NOT_ENGAGING": "The person did not engage",
    },
    Status.CANCELLED: {
        "IN_ERROR": "Referral made in error",
        "DUPLICATE": "Duplicate referral",
        "ORDER_ENDED": "Sentence ended or revoked",
        "SERVICE_CLOSED": "The service closed",
    },
}


class TransitionRefused(Exception):
    """The change is not allowed; the message says why, in the practitioner's words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def next_statuses(current: Status) -> list[Status]:
    """What the referral may become next, in the order of the flow."""
    return [s for s in Status if s in NEXT[Status(current)]]


def check_transition(current: Status, new: Status, reason: str = "") -> None:
    """Refuse a change the flow does not allow, or a reason missing or not of the new status."""
    current, new = Status(current), Status(new)
    if new not in NEXT[current]:
        if current in CLOSED:
            raise TransitionRefused(
                f"This referral is {STATUS_LABELS[current].lower()}: it cannot change any more"
            )
        raise TransitionRefused(
            f"A {STATUS_LABELS[current].lower()} referral cannot be marked "
            f"{STATUS_LABELS[new].lower()}"
        )
    codes = REASONS.get(new, {})
    if codes and reason not in codes:
        raise TransitionRefused(f"Select why the referral was {STATUS_LABELS[new].lower()}")
    if not codes and reason:
        raise TransitionRefused(f"A {STATUS_LABELS[new].lower()} referral takes no reason")


def chase_due(sent_on: date) -> date:
    """When a referral sent on this day and still unanswered should be chased."""
    return add_working_days(sent_on, CHASE_AFTER_WORKING_DAYS)
