"""Appointments, their outcomes, and case notes. Later migrations of this app add to these
models; never rewrite 0001.

Appointments and notes change only through desist.supervision.services, which checks each
appointment's version (two people editing never silently overwrite each other) and audits
every change. Compliance is derived from the outcome (desist.supervision.constants).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from desist.supervision.constants import (
    COMPLIANCE_OF_OUTCOME,
    FAILURES,
    RESCHEDULED,
    AppointmentType,
    Compliance,
    ContactType,
    Outcome,
)


class Appointment(models.Model):
    case = models.ForeignKey("people.Case", on_delete=models.CASCADE, related_name="appointments")
    event = models.ForeignKey(
        "sentences.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Set when the appointment counts towards a rehabilitation activity requirement.
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
    type = models.CharField(max_length=10, choices=AppointmentType.choices)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveIntegerField(default=30)
    office = models.ForeignKey(
        "organisation.Office", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    address = models.CharField("Address or prison", max_length=200, blank=True)
    # The partner-agency contact at a three-way meeting.
    partner_name = models.CharField(max_length=100, blank=True)
    partner_organisation = models.CharField(max_length=100, blank=True)
    partner_role = models.CharField(max_length=100, blank=True)
    sensitive = models.BooleanField(default=False)
    # Reminders for a sensitive appointment go only if the practitioner said they may.
    reminder_confirmed = models.BooleanField(default=False)

    outcome = models.CharField(max_length=4, blank=True, choices=Outcome.choices)
    outcome_notes = models.TextField(blank=True)
    # Minutes credited towards an unpaid work requirement when they differ from the length: a
    # person sent home part-way is credited the time worked up to then (desist.rules.unpaid_work).
    credited_minutes = models.PositiveIntegerField(null=True, blank=True)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rescheduled_to = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="rescheduled_from"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.CharField(max_length=200, blank=True)

    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [
            models.Index(fields=["practitioner", "starts_at"]),
            models.Index(fields=["case", "starts_at"]),
            # The few rows the deadline engine reads for a whole team's cases: appointments
            # still waiting for an outcome, and failures enforcement must answer. Partial, so
            # a team's 12,000 appointments are not read to find a hundred.
            models.Index(
                fields=["case", "starts_at"],
                condition=models.Q(outcome="", cancelled_at__isnull=True),
                name="appointment_awaiting_outcome",
            ),
            # The same for one practitioner's worklist: the partial index above would be read
            # for every practitioner's appointments to find one practitioner's handful.
            models.Index(
                fields=["practitioner", "starts_at"],
                condition=models.Q(outcome="", cancelled_at__isnull=True),
                name="practitioner_awaiting_outcome",
            ),
            models.Index(
                fields=["case"],
                condition=FAILURES & models.Q(cancelled_at__isnull=True),
                name="appointment_failure",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.type} at {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def compliance(self) -> Compliance | None:
        """Mirrors constants.compliance_lookup: None until an outcome that counts is recorded."""
        return COMPLIANCE_OF_OUTCOME.get(self.outcome)

    @property
    def is_active(self) -> bool:
        """Still going ahead: neither cancelled nor moved to another time."""
        return self.cancelled_at is None and self.outcome not in RESCHEDULED

    @property
    def location(self) -> str:
        if self.office_id:
            return str(self.office)
        return self.address or self.get_type_display()


class Contact(models.Model):
    """A case note: any recorded interaction with or about the person, or a system event
    (an appointment's outcome, a reminder sent). Together they make the case timeline."""

    case = models.ForeignKey("people.Case", on_delete=models.CASCADE, related_name="case_notes")
    type = models.CharField(max_length=4, choices=ContactType.choices)
    at = models.DateTimeField("Date and time")
    notes = models.TextField(blank=True)
    sensitive = models.BooleanField(default=False)
    system_generated = models.BooleanField(default=False)
    appointment = models.ForeignKey(
        Appointment, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    requirement = models.ForeignKey(
        "sentences.Requirement", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["case", "-at"])]

    def __str__(self) -> str:
        return f"{self.type} at {self.at:%Y-%m-%d %H:%M}"


class CalendarFeed(models.Model):
    """A practitioner's private calendar feed. Only a hash of the secret in its URL is kept:
    whoever reads the database cannot subscribe, and a new secret ends the old URL."""

    staff = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Calendar feed of {self.staff_id}"
