"""Appointments, their outcomes, and case notes. Later migrations of this app add to these
models; never rewrite 0001."""

from django.conf import settings
from django.db import models


class Appointment(models.Model):
    case = models.ForeignKey("people.Case", on_delete=models.CASCADE, related_name="appointments")
    event = models.ForeignKey(
        "sentences.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requirement = models.ForeignKey(
        "sentences.Requirement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments"
    )
    type = models.CharField(max_length=10)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveIntegerField(default=30)
    outcome = models.CharField(max_length=4, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["practitioner", "starts_at"]),
            models.Index(fields=["case", "starts_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.type} at {self.starts_at:%Y-%m-%d %H:%M}"
