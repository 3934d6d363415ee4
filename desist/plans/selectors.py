"""Reads for needs, sentence plans and session tools, each a fixed number of queries."""

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from desist.core.queries import ids_lookup
from desist.people.models import Case
from desist.plans.constants import Status, ToolKind
from desist.plans.models import (
    NeedsAssessment,
    Objective,
    ObjectiveProgress,
    PlanReview,
    SentencePlan,
    SessionTool,
)
from desist.rules import needs, tiering
from desist.sentences.models import Event


def case_assessments(case: Case) -> QuerySet[NeedsAssessment]:
    return NeedsAssessment.objects.filter(case=case).select_related("assessed_by")


def latest_completed(case: Case) -> NeedsAssessment | None:
    return case_assessments(case).filter(status=Status.COMPLETE).first()


def latest_tier_assessments(case_ids: Iterable[int]) -> dict[int, tiering.Assessment]:
    """Each case's latest completed needs assessment as tiering reads it (one query); its
    age is judged by tiering against the day of the calculation. ``case_ids`` may be a range
    (desist.core.queries.ids_lookup)."""
    rows = (
        NeedsAssessment.objects.filter(ids_lookup("case_id", case_ids), status=Status.COMPLETE)
        .order_by("case_id", "-assessed_on", "-id")
        .values_list("case_id", "assessed_on", "results", "answers")
    )
    latest: dict[int, tiering.Assessment] = {}
    for case_id, assessed_on, results, answers in rows:
        if case_id in latest:
            continue
        women = needs.women_answers(answers)
        latest[case_id] = tiering.Assessment(
            completed_date=assessed_on,
            needs={r["need"]: r["severity"] for r in results if r["severity"]},
            parenting_responsibilities=women.parenting_responsibilities,
            impulsivity=women.impulsivity,
            temper_control=women.temper_control,
        )
    return latest


def events_with_plans(case: Case) -> list[tuple[Event, SentencePlan | None]]:
    """Each event of the case, current first, with its plan if it has one (one query)."""
    events = (
        Event.objects.filter(case=case)
        .select_related("sentence_plan")
        .order_by("-active", "-number")
    )
    return [(e, getattr(e, "sentence_plan", None)) for e in events]


def plan_for_page(case: Case, event_number: int) -> SentencePlan | None:
    """The plan with its objectives, their actions and the reviews with their progress: five
    queries whatever the plan's size."""
    plan = (
        SentencePlan.objects.filter(case=case, event__number=event_number)
        .select_related("event", "created_by")
        .prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.prefetch_related("actions")),
            Prefetch(
                "reviews",
                queryset=PlanReview.objects.select_related("reviewed_by").prefetch_related(
                    Prefetch(
                        "progress", queryset=ObjectiveProgress.objects.select_related("objective")
                    )
                ),
            ),
        )
        .first()
    )
    if plan is not None:
        plan.event.case = case
    return plan


def case_tools(case: Case, kind: ToolKind | None = None) -> QuerySet[SessionTool]:
    tools = SessionTool.objects.filter(case=case).select_related("updated_by")
    return tools.filter(kind=kind) if kind else tools
