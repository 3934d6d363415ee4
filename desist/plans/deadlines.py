"""Sentence plan deadlines: each plan's next review, and the practitioner's own open actions
with a target date. One query per source, whatever the caseload."""

from desist.oversight.deadlines import Deadline, deadline_source, due_until
from desist.plans.constants import ActionOwner
from desist.plans.models import PlanAction, SentencePlan


def _deadline(kind: str, case, number: int, due, detail: str) -> Deadline:
    return Deadline(
        kind=kind,
        owner_id=case.practitioner_id,
        due=due,
        view="plans:plan",
        args=(
            case.crn,
            number,
        ),
        crn=case.crn,
        name=case.listed_name,
        detail=detail,
    )


@deadline_source("plans.reviews")
def plan_reviews(owner_ids, today, until=None):
    """Plans of current events only: a terminated event's plan is not reviewed again."""
    plans = due_until(
        SentencePlan.objects.filter(
            case__practitioner_id__in=owner_ids,
            next_review_date__isnull=False,
            event__active=True,
        ),
        "next_review_date",
        until,
    ).select_related("case", "event")
    return [
        _deadline(
            "Review the sentence plan",
            p.case,
            p.event.number,
            p.next_review_date,
            f"Event {p.event.number}",
        )
        for p in plans
    ]


@deadline_source("plans.actions")
def practitioner_actions(owner_ids, today, until=None):
    """Open actions the practitioner owns; the person's and partners' own actions are theirs
    to do and are checked at the review."""
    actions = due_until(
        PlanAction.objects.filter(
            owner=ActionOwner.PRACTITIONER,
            completed_on__isnull=True,
            target_date__isnull=False,
            objective__plan__case__practitioner_id__in=owner_ids,
            objective__plan__event__active=True,
        ),
        "target_date",
        until,
    ).select_related("objective__plan__case", "objective__plan__event")
    return [
        _deadline(
            "Complete a sentence plan action",
            a.objective.plan.case,
            a.objective.plan.event.number,
            a.target_date,
            a.description[:80],
        )
        for a in actions
    ]
