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
