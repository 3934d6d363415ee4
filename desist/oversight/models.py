"""Management oversight: a senior probation officer's recorded review of a practitioner's
work on a case, and the weekly meetings where they go through a practitioner's actions.

Each oversight record is also a sensitive "Management oversight" case note on the case's
timeline (desist.supervision.Contact, CMGO), so the case history is complete; this table
keeps what the timeline cannot: the structured reason and the meeting it came from, which
the "oversight due" list reads.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from desist.oversight.constants import OversightReason


class WeeklyMeeting(models.Model):
    """What an SPO and a practitioner agreed when they went through the practitioner's work."""

    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField()
    agreed = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["practitioner", "-held_on"])]

    def __str__(self) -> str:
        return f"Meeting with {self.practitioner_id} on {self.held_on}"


class Oversight(models.Model):
    case = models.ForeignKey("people.Case", on_delete=models.PROTECT, related_name="oversight")
    reason = models.CharField(max_length=12, choices=OversightReason.choices)
    notes = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    contact = models.OneToOneField(
        "supervision.Contact", on_delete=models.PROTECT, related_name="oversight"
    )
    meeting = models.ForeignKey(
        WeeklyMeeting, null=True, blank=True, on_delete=models.PROTECT, related_name="oversight"
    )

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [models.Index(fields=["case", "-recorded_at"])]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on {self.case_id}"


class OpenAction(models.Model):
    """One open deadline as the deadline engine last computed it for its owner, kept so the
    pages that list or count a practitioner's actions read rows instead of recomputing every
    area's sources (desist.oversight.actions says when rows are recomputed)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=200)
    due = models.DateField()
    # Stored ahead of time and shown from then (an appointment's outcome is due once it starts).
    shows_at = models.DateTimeField(null=True, blank=True)
    url = models.CharField(max_length=200)  # resolved when stored, not on every read
    crn = models.CharField(max_length=10, blank=True)
    name = models.CharField(max_length=200, blank=True)
    detail = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["owner", "due"]),
            models.Index(fields=["crn"], name="openaction_crn", condition=~models.Q(crn="")),
        ]

    def __str__(self) -> str:
        return f"{self.kind} ({self.crn or 'no case'}) due {self.due}"


class StoredAlert(models.Model):
    """One alert as last computed for its owner, kept with their actions and recomputed with
    them (desist.oversight.actions)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=200)
    on = models.DateField()
    url = models.CharField(max_length=200)
    crn = models.CharField(max_length=10, blank=True)
    name = models.CharField(max_length=200, blank=True)
    detail = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "-on"])]

    def __str__(self) -> str:
        return f"{self.kind} ({self.crn or 'no case'}) on {self.on}"


class ActionsState(models.Model):
    """Whether an owner's stored actions and alerts are current: computed on ``computed_on``
    when their data was at ``computed_version``; every audited write to their work bumps
    ``version``."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    version = models.PositiveBigIntegerField(default=0)
    computed_version = models.PositiveBigIntegerField(null=True)
    computed_on = models.DateField(null=True)
    # Of the actions computed that day, those due before it: fixed for the day, since an action
    # stored ahead (shows_at) is due on the day it shows. The team page shows the number.
    overdue = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Actions of {self.owner_id} at {self.computed_version}/{self.version}"
