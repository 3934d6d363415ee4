"""Partner agencies, referrals to them and people's accommodation.

A referral's status changes only through desist.interventions.services, which asks
desist.rules.referrals first and keeps every change as a ReferralStatusChange row; what was
shared about risk is kept exactly as it was sent. Accommodation is a history: the current
status is the latest row.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from desist.interventions.constants import (
    REASON_LABELS,
    STATUS_CHOICES,
    STATUS_TAG_COLOURS,
    Accommodation,
    ServiceCategory,
    Urgency,
)
from desist.plans.constants import NEED_CHOICES
from desist.rules.referrals import Status


def _staff(**extra) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", **extra
    )


class Agency(models.Model):
    """A partner agency in the directory, with the probation delivery units it covers."""

    name = models.CharField(max_length=120)
    category = models.CharField(max_length=15, choices=ServiceCategory.choices)
    description = models.TextField("What the agency offers", blank=True)
    phone = models.CharField("Telephone", max_length=30, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    pdus = models.ManyToManyField(
        "organisation.ProbationDeliveryUnit", related_name="+", verbose_name="Areas covered"
    )
    active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        indexes = [models.Index(fields=["category", "name"])]

    def __str__(self) -> str:
        return self.name


class AgencyContact(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=100)
    role = models.CharField(max_length=100, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField("Telephone", max_length=30, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


class Referral(models.Model):
    case = models.ForeignKey("people.Case", on_delete=models.PROTECT, related_name="referrals")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="referrals")
    contact = models.ForeignKey(
        AgencyContact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    need = models.CharField("Need it addresses", max_length=40, choices=NEED_CHOICES)
    # The assessment whose needs the referral was written against, and the plan objective it
    # works towards, when the case has them.
    needs_assessment = models.ForeignKey(
        "plans.NeedsAssessment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    objective = models.ForeignKey(
        "plans.Objective", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requirement = models.ForeignKey(
        "sentences.Requirement", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    desired_outcomes = models.TextField()
    urgency = models.CharField(max_length=10, choices=Urgency.choices, default=Urgency.ROUTINE)
    risk_to_share = models.JSONField(default=list)  # RiskInformation values, chosen in draft
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=Status.DRAFT.value)
    status_reason = models.CharField(max_length=20, blank=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_by = _staff()
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["case", "status"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"Referral to {self.agency}"

    @property
    def status_reason_label(self) -> str:
        return REASON_LABELS.get(self.status_reason, "")

    @property
    def status_colour(self) -> str:
        return STATUS_TAG_COLOURS.get(self.status, "blue")


class ReferralStatusChange(models.Model):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(max_length=10, choices=STATUS_CHOICES)
    reason = models.CharField(max_length=20, blank=True)
    notes = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)
    by = _staff()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return self.get_status_display()

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, "")


class RiskDisclosure(models.Model):
    """Exactly what was shared with the agency about risk, as it read when it was sent."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="disclosures")
    items = models.JSONField()  # [{"item", "label", "content"}]
    shared_at = models.DateTimeField(default=timezone.now)
    shared_by = _staff()

    class Meta:
        ordering = ["shared_at", "id"]

    def __str__(self) -> str:
        return f"Risk information shared at {self.shared_at:%Y-%m-%d %H:%M}"


class AgencyFeedback(models.Model):
    """What the agency told us: attendance at its sessions and any concern. A concern alerts
    the practitioner until they mark it read."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="feedback")
    received_on = models.DateField()
    sessions_offered = models.PositiveSmallIntegerField(null=True, blank=True)
    sessions_attended = models.PositiveSmallIntegerField(null=True, blank=True)
    notes = models.TextField()
    concern = models.BooleanField("The agency raises a concern", default=False)
    concern_read_at = models.DateTimeField(null=True, blank=True)
    recorded_by = _staff()
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(
                fields=["recorded_at"],
                condition=models.Q(concern=True, concern_read_at__isnull=True),
                name="interventions_unread_concern",
            )
        ]

    def __str__(self) -> str:
        return f"Feedback of {self.received_on:%Y-%m-%d}"


class ThreeWayMeeting(models.Model):
    """An agency contact taking part in a three-way meeting appointment. Kept on our side so
    the appointment itself is unchanged: its partner fields are filled from the contact."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="meetings")
    contact = models.ForeignKey(AgencyContact, on_delete=models.PROTECT, related_name="+")
    appointment = models.OneToOneField(
        "supervision.Appointment", on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self) -> str:
        return f"Three-way meeting with {self.contact}"


class AccommodationStatus(models.Model):
    case = models.ForeignKey(
        "people.Case", on_delete=models.PROTECT, related_name="accommodation_history"
    )
    status = models.CharField(max_length=10, choices=Accommodation.choices)
    since = models.DateField()
    notes = models.TextField(blank=True)
    recorded_by = _staff()
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-since", "-id"]
        indexes = [models.Index(fields=["case", "-since", "-id"])]
        verbose_name_plural = "accommodation statuses"

    def __str__(self) -> str:
        return self.get_status_display()
