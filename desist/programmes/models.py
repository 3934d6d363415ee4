"""Accredited programmes, their session templates, the waitlist (referrals), groups and their
sessions.

A member's place at a group session is a supervision.Appointment of type GROUP on their case
(Attendance links the two), so the register records outcomes through
desist.supervision.services and enforcement and the requirement's ledger read them as they
read every other appointment. Changes go through desist.programmes.services.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from desist.programmes.constants import Intensity, Suitability
from desist.rules.programmes import WEEKDAY_NAMES


class Programme(models.Model):
    """Reference data (practice rules §8), loaded by a data migration."""

    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=100)
    target_group = models.CharField(max_length=200)
    intensity = models.CharField(max_length=20, choices=Intensity.choices)
    group_sessions = models.PositiveSmallIntegerField()
    group_session_minutes = models.PositiveSmallIntegerField()
    one_to_one_sessions = models.PositiveSmallIntegerField()
    one_to_one_minutes = models.PositiveSmallIntegerField()
    suitability = models.TextField("Suitability notes")
    legacy = models.BooleanField(default=False)  # no new referrals expected

    class Meta:
        ordering = ["legacy", "name"]

    def __str__(self) -> str:
        return self.name


class SessionTemplate(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="templates")
    number = models.PositiveSmallIntegerField()
    module = models.CharField(max_length=100)
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="one_template_number")
        ]

    def __str__(self) -> str:
        return f"Session {self.number}: {self.title}"


class Referral(models.Model):
    """A place on the waitlist, from a programme requirement or a licence condition."""

    case = models.ForeignKey(
        "people.Case", on_delete=models.CASCADE, related_name="programme_referrals"
    )
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="referrals")
    event = models.ForeignKey("sentences.Event", on_delete=models.PROTECT, related_name="+")
    requirement = models.ForeignKey(
        "sentences.Requirement", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    licence_condition = models.ForeignKey(
        "sentences.LicenceCondition",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notes = models.TextField(blank=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    referred_at = models.DateTimeField(default=timezone.now)
    suitability = models.CharField(
        max_length=12, choices=Suitability.choices, default=Suitability.NOT_ASSESSED, blank=True
    )
    suitability_reason = models.TextField(blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_at = models.DateTimeField(null=True, blank=True)
    group = models.ForeignKey(
        "Group", null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    allocated_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        indexes = [models.Index(fields=["programme", "group", "suitability"])]

    def __str__(self) -> str:
        return f"{self.programme} for {self.case_id}"

    @property
    def source(self) -> str:
        return "Licence condition" if self.licence_condition_id else "Programme requirement"


class Group(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="groups")
    name = models.CharField("Cohort name", max_length=100)
    office = models.ForeignKey("organisation.Office", on_delete=models.PROTECT, related_name="+")
    weekdays = models.JSONField(default=list)  # 0 = Monday
    start_time = models.TimeField()
    first_date = models.DateField()
    evenings_allowed = models.BooleanField(default=False)
    lead_facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="groups_led"
    )
    cover_facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="groups_covered",
    )
    capacity = models.PositiveSmallIntegerField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"{self.programme}: {self.name}"

    @property
    def meeting_days(self) -> str:
        return ", ".join(WEEKDAY_NAMES[d] for d in self.weekdays)


class GroupSession(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="sessions")
    template = models.ForeignKey(SessionTemplate, on_delete=models.PROTECT, related_name="+")
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField()
    notes = models.TextField("Session notes", blank=True)
    register_taken_at = models.DateTimeField(null=True, blank=True)
    register_taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["group", "template"], name="one_session_per_template")
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        return f"{self.group}: session {self.template.number}"


class Attendance(models.Model):
    """One member at one session: their appointment, and a concern the facilitator raised."""

    session = models.ForeignKey(GroupSession, on_delete=models.CASCADE, related_name="attendances")
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="attendances")
    appointment = models.OneToOneField(
        "supervision.Appointment", on_delete=models.CASCADE, related_name="group_attendance"
    )
    concern = models.BooleanField(default=False)
    concern_notes = models.TextField(blank=True)
    concern_raised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "referral"], name="one_place_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.referral_id} at session {self.session_id}"


class CatchUp(models.Model):
    """A one-to-one appointment that makes up a missed template session."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="catch_ups")
    template = models.ForeignKey(SessionTemplate, on_delete=models.PROTECT, related_name="+")
    appointment = models.OneToOneField(
        "supervision.Appointment", on_delete=models.CASCADE, related_name="programme_catch_up"
    )

    def __str__(self) -> str:
        return f"Catch-up for session {self.template_id} of referral {self.referral_id}"
