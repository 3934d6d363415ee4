"""Enforcement actions recorded on an event, and recall recommendations waiting for (or
decided by) a senior probation officer. What is *due* is never stored: it is worked out from
the appointments' outcomes and these actions by desist.rules.enforcement."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from desist.enforcement.constants import EnforcementCode, RecallStatus, RecallType


class EnforcementAction(models.Model):
    case = models.ForeignKey(
        "people.Case", on_delete=models.CASCADE, related_name="enforcement_actions"
    )
    event = models.ForeignKey(
        "sentences.Event", on_delete=models.PROTECT, related_name="enforcement_actions"
    )
    code = models.CharField(max_length=4, choices=EnforcementCode.choices)
    # The rules' ActionKind, fixed when recorded (IBR means breach on an order, recall on a
    # licence), so history reads back without the sentence.
    kind = models.CharField(max_length=30)
    on = models.DateField("Date of the action")
    withdraws = models.DateField(null=True, blank=True)  # the warning a withdrawal withdraws
    notes = models.TextField(blank=True)
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["on", "pk"]
        indexes = [models.Index(fields=["event", "on"])]

    def __str__(self) -> str:
        return f"{self.code} on {self.on:%Y-%m-%d}"


class Recall(models.Model):
    """A practitioner's recall recommendation, which goes to PPCS only once an SPO has
    countersigned it."""

    case = models.ForeignKey("people.Case", on_delete=models.CASCADE, related_name="recalls")
    event = models.ForeignKey("sentences.Event", on_delete=models.PROTECT, related_name="recalls")
    status = models.CharField(
        max_length=8, choices=RecallStatus.choices, default=RecallStatus.AWAITING
    )
    reasons = models.TextField("Why recall is being considered")
    alternatives = models.TextField("Alternatives to recall tried or considered")
    conditions_breached = models.ManyToManyField("sentences.LicenceCondition", related_name="+")
    charged_with_new_offence = models.BooleanField(default=False)
    suggested_type = models.CharField(max_length=10, choices=RecallType.choices)
    suggestion_reasons = models.JSONField(default=list)
    recall_type = models.CharField(max_length=10, choices=RecallType.choices)
    override_reason = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rationale = models.TextField(blank=True)
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["status", "requested_at"])]

    def __str__(self) -> str:
        return f"Recall recommendation {self.pk} ({self.status})"
