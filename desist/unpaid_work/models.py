"""Community payback projects, their work sessions and the people placed on them.

A person's place on a session is a supervision appointment on their case, linked to their
unpaid work requirement: its outcome is recorded through desist.supervision.services, so the
timeline, compliance, enforcement and the requirement's hours ledger all count it. Projects
and sessions change only through desist.unpaid_work.services, which versions and audits them.
"""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from desist.rules.unpaid_work import ATTENDED_COMPLIED, minutes_between
from desist.unpaid_work.constants import ProjectType


class Project(models.Model):
    name = models.CharField(max_length=120)
    type = models.CharField(max_length=10, choices=ProjectType.choices)
    description = models.TextField("The work", blank=True)
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    address = models.TextField("Where the work is")
    pdu = models.ForeignKey(
        "organisation.ProbationDeliveryUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="Probation delivery unit",
    )
    capacity = models.PositiveSmallIntegerField("Places on each session")
    active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["pdu", "active", "name"])]

    def __str__(self) -> str:
        return self.name


class WorkSession(models.Model):
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField()
    capacity = models.PositiveSmallIntegerField("Places")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["date", "start_time"]
        indexes = [models.Index(fields=["project", "date"])]

    def __str__(self) -> str:
        return f"{self.project} on {self.date:%d/%m/%Y}"

    @property
    def starts_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.date, self.start_time))

    @property
    def minutes(self) -> int:
        return minutes_between(self.start_time, self.end_time)


class Placement(models.Model):
    """A person's place on a work session: the appointment on their case that records it."""

    session = models.ForeignKey(WorkSession, on_delete=models.PROTECT, related_name="placements")
    appointment = models.OneToOneField(
        "supervision.Appointment", on_delete=models.PROTECT, related_name="work_placement"
    )

    def __str__(self) -> str:
        return f"Place on {self.session}"

    @property
    def hours_credited(self) -> float | None:
        """Mirrors the requirement ledger: the credited minutes where recorded, the length for
        attended–complied, nothing otherwise; None until the outcome is recorded."""
        appointment = self.appointment
        if not appointment.outcome:
            return None
        if appointment.credited_minutes is not None:
            return appointment.credited_minutes / 60
        if appointment.outcome == ATTENDED_COMPLIED:
            return appointment.duration_minutes / 60
        return 0
