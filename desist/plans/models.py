"""Needs assessments, sentence plans and the tools used in supervision sessions.

A completed needs assessment is never edited: a reassessment is a new row, so the needs a
plan was written against stay on record. Drafts, plans, objectives, actions and session tools
are edited in place with a ``version`` so two people never silently overwrite each other.
"""

from django.conf import settings
from django.db import models

from desist.plans.constants import (
    NEED_CHOICES,
    ActionOwner,
    ObjectiveStatus,
    Progress,
    Status,
    ToolKind,
)


def _staff(related_name="+", **extra) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name=related_name, **extra
    )


class NeedsAssessment(models.Model):
    """Answers per question (by the question keys of desist.rules.needs), the practitioner's
    "linked to harm / reoffending" answers per section, and the results scored on saving."""

    case = models.ForeignKey(
        "people.Case", on_delete=models.PROTECT, related_name="needs_assessments"
    )
    assessed_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    answers = models.JSONField(default=dict)
    links = models.JSONField(default=dict)  # {need: {"harm": bool, "reoffending": bool}}
    results = models.JSONField(default=list)  # [{need, score, severity, harm, ...}]
    assessed_by = _staff()
    completed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]
        indexes = [models.Index(fields=["case", "status", "assessed_on"])]

    def __str__(self) -> str:
        return f"Needs assessment of {self.assessed_on:%Y-%m-%d}"

    @property
    def needs(self) -> list[dict]:
        return [r for r in self.results if r["is_need"]]


class SentencePlan(models.Model):
    """The plan for one event: what the person wants, objectives, actions and reviews."""

    case = models.ForeignKey("people.Case", on_delete=models.PROTECT, related_name="+")
    event = models.OneToOneField(
        "sentences.Event", on_delete=models.PROTECT, related_name="sentence_plan"
    )
    persons_words = models.TextField("What I want to achieve", blank=True)
    next_review_date = models.DateField(null=True, blank=True)
    created_by = _staff()
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["next_review_date"])]

    def __str__(self) -> str:
        return f"Sentence plan for event {self.event_id}"


class Objective(models.Model):
    plan = models.ForeignKey(SentencePlan, on_delete=models.CASCADE, related_name="objectives")
    need = models.CharField(max_length=40, choices=NEED_CHOICES, blank=True)
    description = models.TextField()
    status = models.CharField(
        max_length=20, choices=ObjectiveStatus.choices, default=ObjectiveStatus.NOT_STARTED
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description[:60]


class PlanAction(models.Model):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.CharField(max_length=12, choices=ActionOwner.choices)
    partner_agency = models.CharField(max_length=100, blank=True)
    target_date = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["target_date", "pk"]
        indexes = [
            models.Index(
                fields=["target_date"],
                condition=models.Q(owner="PRACTITIONER", completed_on__isnull=True),
                name="plans_action_open_practitioner",
            )
        ]

    def __str__(self) -> str:
        return self.description[:60]


class PlanReview(models.Model):
    plan = models.ForeignKey(SentencePlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    notes = models.TextField(blank=True)
    next_review_date = models.DateField()
    reviewed_by = _staff()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"Review of {self.reviewed_on:%Y-%m-%d}"


class ObjectiveProgress(models.Model):
    review = models.ForeignKey(PlanReview, on_delete=models.CASCADE, related_name="progress")
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="progress")
    progress = models.CharField(max_length=10, choices=Progress.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.get_progress_display()


class SessionTool(models.Model):
    """An offence timeline, a mind map or a worksheet worked on with the person. Content is
    the tool's own shape: timeline ``{"entries": [{when, happened, thoughts}]}``, mind map
    ``{"problem", "options": [{option, pros, cons}]}``, worksheet ``{"answers": {key: text}}``.
    """

    case = models.ForeignKey("people.Case", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=ToolKind.choices)
    worksheet = models.CharField(max_length=30, blank=True)  # slug in desist.plans.worksheets
    title = models.CharField(max_length=120)
    content = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = _staff()
    updated_by = _staff()
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["case", "kind"])]

    def __str__(self) -> str:
        return self.title
