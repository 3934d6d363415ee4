"""The write path for needs assessments, sentence plans and session tools. Every write is
audited in the same transaction; edits carry the version the form was opened at and raise
StaleEdit if someone saved in between. Completing a needs assessment recalculates the tier."""

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.people.models import Case
from desist.people.services import StaleEdit
from desist.plans.constants import ObjectiveStatus, Progress, Status, ToolKind
from desist.plans.models import (
    NeedsAssessment,
    Objective,
    ObjectiveProgress,
    PlanAction,
    PlanReview,
    SentencePlan,
    SessionTool,
)
from desist.risk.tiers import case_risk_refresh
from desist.rules import needs
from desist.sentences.models import Event

ASSESSMENT_FIELDS = ("assessed_on", "status", "answers", "links", "results")
PLAN_FIELDS = ("persons_words", "next_review_date")
OBJECTIVE_FIELDS = ("need", "description", "status")
ACTION_FIELDS = ("description", "owner", "partner_agency", "target_date", "completed_on")
TOOL_FIELDS = ("title", "content", "status")


def _audit(*, by, action: Action, case: Case, record, changes: dict, request=None) -> None:
    audit_record(
        actor=by,
        action=action,
        case=case,
        subject=record._meta.model_name,
        subject_id=record.pk,
        changes=changes,
        request=request,
    )


def _create(model: type[models.Model], *, case: Case, by, fields: Iterable[str], request, **data):
    record = model.objects.create(**data)
    changes = field_changes({}, snapshot(record, fields))
    _audit(by=by, action=Action.CREATE, case=case, record=record, changes=changes, request=request)
    return record


def _update(record: models.Model, *, version: int, case: Case, by, request, **data):
    """Apply ``data`` to the row as it is now, unless it moved on since ``version``."""
    current = type(record).objects.select_for_update().get(pk=record.pk)
    if current.version != version:
        raise StaleEdit()
    before = snapshot(current, data)
    for name, value in data.items():
        setattr(current, name, value)
    current.version = F("version") + 1
    current.save(update_fields=[*data, "version"])
    current.refresh_from_db(fields=["version"])
    changes = field_changes(before, snapshot(current, data))
    _audit(by=by, action=Action.CHANGE, case=case, record=current, changes=changes, request=request)
    return current


# --------------------------------------------------------------------------------------------
# Needs assessments
# --------------------------------------------------------------------------------------------


def needs_results(answers: Mapping[str, str], links: Mapping[str, Mapping[str, bool]]) -> list:
    """The scored sections as stored with the assessment (so history shows what was seen)."""
    return [
        {
            "need": str(r.need),
            "score": r.score,
            "severity": r.severity and str(r.severity),
            "harm": r.linked_to_harm,
            "reoffending": r.linked_to_reoffending,
            "is_need": r.is_need,
        }
        for r in needs.score_assessment(answers, links)
    ]


def _assessment_data(*, answers, links, assessed_on, complete: bool) -> dict[str, Any]:
    data = {
        "assessed_on": assessed_on,
        "answers": dict(answers),
        "links": {k: dict(v) for k, v in links.items()},
        "results": needs_results(answers, links),
        "status": Status.COMPLETE if complete else Status.DRAFT,
    }
    if complete:
        data["completed_at"] = timezone.now()
    return data


@transaction.atomic
def needs_assessment_start(
    *,
    case: Case,
    by,
    assessed_on: dt.date,
    answers: Mapping[str, str],
    links: Mapping[str, Mapping[str, bool]],
    complete: bool = False,
    request=None,
) -> NeedsAssessment:
    """Record a needs assessment (a draft, or complete, which feeds the tier at once)."""
    data = _assessment_data(
        answers=answers, links=links, assessed_on=assessed_on, complete=complete
    )
    assessment = _create(
        NeedsAssessment,
        case=case,
        by=by,
        fields=ASSESSMENT_FIELDS,
        request=request,
        case_id=case.pk,
        assessed_by=by,
        **data,
    )
    if complete:
        case_risk_refresh(case=case, trigger="needs")
    return assessment


@transaction.atomic
def needs_assessment_update(
    *,
    assessment: NeedsAssessment,
    version: int,
    by,
    assessed_on: dt.date,
    answers: Mapping[str, str],
    links: Mapping[str, Mapping[str, bool]],
    complete: bool = False,
    request=None,
) -> NeedsAssessment:
    """Carry on with a draft. A completed assessment is never changed: reassess instead."""
    if assessment.status != Status.DRAFT:
        raise StaleEdit()
    data = _assessment_data(
        answers=answers, links=links, assessed_on=assessed_on, complete=complete
    )
    case = assessment.case
    updated = _update(assessment, version=version, case=case, by=by, request=request, **data)
    if complete:
        case_risk_refresh(case=case, trigger="needs")
    return updated


# --------------------------------------------------------------------------------------------
# Sentence plans
# --------------------------------------------------------------------------------------------


@transaction.atomic
def plan_start(
    *, event: Event, by, persons_words: str, next_review_date: dt.date | None, request=None
) -> SentencePlan:
    return _create(
        SentencePlan,
        case=event.case,
        by=by,
        fields=PLAN_FIELDS,
        request=request,
        case_id=event.case_id,
        event=event,
        created_by=by,
        persons_words=persons_words,
        next_review_date=next_review_date,
    )


@transaction.atomic
def plan_update(*, plan: SentencePlan, version: int, by, request=None, **data) -> SentencePlan:
    return _update(plan, version=version, case=plan.event.case, by=by, request=request, **data)


@transaction.atomic
def objective_add(
    *, plan: SentencePlan, by, need: str, description: str, request=None
) -> Objective:
    return _create(
        Objective,
        case=plan.event.case,
        by=by,
        fields=OBJECTIVE_FIELDS,
        request=request,
        plan=plan,
        need=need,
        description=description,
    )


@transaction.atomic
def objective_update(*, objective: Objective, version: int, by, request=None, **data) -> Objective:
    case = objective.plan.event.case
    return _update(objective, version=version, case=case, by=by, request=request, **data)


@transaction.atomic
def action_add(*, objective: Objective, by, request=None, **data) -> PlanAction:
    return _create(
        PlanAction,
        case=objective.plan.event.case,
        by=by,
        fields=ACTION_FIELDS,
        request=request,
        objective=objective,
        **data,
    )


@transaction.atomic
def action_update(*, action: PlanAction, version: int, by, request=None, **data) -> PlanAction:
    case = action.objective.plan.event.case
    return _update(action, version=version, case=case, by=by, request=request, **data)


@transaction.atomic
def plan_review(
    *,
    plan: SentencePlan,
    version: int,
    by,
    reviewed_on: dt.date,
    notes: str,
    next_review_date: dt.date,
    progress: Iterable[tuple[Objective, str, str]],
    request=None,
) -> PlanReview:
    """Record a review: progress per objective, and when the plan is next reviewed. An
    objective reviewed as achieved is marked achieved."""
    case = plan.event.case
    plan_update(
        plan=plan, version=version, by=by, request=request, next_review_date=next_review_date
    )
    review = _create(
        PlanReview,
        case=case,
        by=by,
        fields=("reviewed_on", "notes", "next_review_date"),
        request=request,
        plan=plan,
        reviewed_on=reviewed_on,
        notes=notes,
        next_review_date=next_review_date,
        reviewed_by=by,
    )
    rows = [
        ObjectiveProgress(review=review, objective=o, progress=p, comment=c) for o, p, c in progress
    ]
    ObjectiveProgress.objects.bulk_create(rows)
    achieved = [r.objective_id for r in rows if r.progress == Progress.ACHIEVED]
    for objective in Objective.objects.filter(pk__in=achieved).exclude(
        status=ObjectiveStatus.ACHIEVED
    ):
        objective_update(
            objective=objective,
            version=objective.version,
            by=by,
            request=request,
            status=ObjectiveStatus.ACHIEVED,
        )
    return review


# --------------------------------------------------------------------------------------------
# Session tools
# --------------------------------------------------------------------------------------------


@transaction.atomic
def tool_create(
    *,
    case: Case,
    by,
    kind: ToolKind,
    title: str,
    content: dict,
    complete: bool = False,
    worksheet: str = "",
    request=None,
) -> SessionTool:
    return _create(
        SessionTool,
        case=case,
        by=by,
        fields=(*TOOL_FIELDS, "kind", "worksheet"),
        request=request,
        case_id=case.pk,
        kind=kind,
        worksheet=worksheet,
        title=title,
        content=content,
        status=Status.COMPLETE if complete else Status.DRAFT,
        created_by=by,
        updated_by=by,
    )


@transaction.atomic
def tool_update(
    *,
    tool: SessionTool,
    version: int,
    by,
    title: str,
    content: dict,
    complete: bool = False,
    request=None,
) -> SessionTool:
    return _update(
        tool,
        version=version,
        case=tool.case,
        by=by,
        request=request,
        title=title,
        content=content,
        status=Status.COMPLETE if complete else Status.DRAFT,
        updated_by=by,
    )
