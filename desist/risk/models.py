"""Risk records of a case: registrations (flags), RoSH assessments with their risk management
plan, predictor scores, tiers and safeguarding enquiries.

RoSH assessments and scores are never edited: each reassessment is a new row, so the history
is the table and no two people can overwrite each other's work. ``CaseRisk`` is the one-row
summary the header and the caseload read (flags, overall RoSH, current tier), rebuilt in the
same transaction as every change to its inputs.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from desist.risk.constants import (
    ChangeKind,
    EnquiryKind,
    EnquiryOutcome,
    MappaCategory,
    MappaLevel,
    RegistrationType,
    RoshLevel,
)

ACTIVE = Q(deregistered_on__isnull=True)


def _level(label: str) -> models.CharField:
    return models.CharField(label, max_length=10, choices=RoshLevel.choices, blank=True)


class Registration(models.Model):
    case = models.ForeignKey("people.Case", on_delete=models.PROTECT, related_name="registrations")
    type = models.CharField(max_length=4, choices=RegistrationType.choices)
    mappa_category = models.CharField(max_length=2, choices=MappaCategory.choices, blank=True)
    mappa_level = models.CharField(max_length=2, choices=MappaLevel.choices, blank=True)
    registered_on = models.DateField()
    review_date = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    deregistered_on = models.DateField(null=True, blank=True)
    deregistration_reason = models.TextField(blank=True)
    deregistered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-registered_on", "-id"]
        indexes = [
            models.Index(fields=["case", "deregistered_on"]),
            models.Index(
                fields=["review_date"], condition=ACTIVE, name="risk_registration_review_due"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def active(self) -> bool:
        return self.deregistered_on is None

    @property
    def label(self) -> str:
        label = self.get_type_display()
        if self.type == RegistrationType.MAPPA:
            parts = [f"category {self.mappa_category[1]}" if self.mappa_category else ""]
            parts.append(f"level {self.mappa_level[1]}" if self.mappa_level else "")
            label += " " + " ".join(p for p in parts if p)
        return label.strip()


class RoshAssessment(models.Model):
    """Who is at risk, how much, in the community and in custody, and the plan to manage it."""

    case = models.ForeignKey("people.Case", on_delete=models.PROTECT, related_name="rosh")
    assessed_on = models.DateField()
    children_community = _level("Children in the community")
    children_custody = _level("Children in custody")
    public_community = _level("Public in the community")
    public_custody = _level("Public in custody")
    known_adult_community = _level("Known adult in the community")
    known_adult_custody = _level("Known adult in custody")
    staff_community = _level("Staff in the community")
    staff_custody = _level("Staff in custody")
    prisoners_custody = _level("Prisoners in custody")
    overall = models.CharField(max_length=10, choices=RoshLevel.choices)
    nature_of_harm = models.TextField()
    when_most_likely = models.TextField(blank=True)
    increases_risk = models.TextField(blank=True)
    decreases_risk = models.TextField(blank=True)
    supervision = models.TextField(blank=True)
    monitoring_and_tests = models.TextField(blank=True)
    interventions = models.TextField(blank=True)
    victim_safety_planning = models.TextField(blank=True)
    contingency = models.TextField(blank=True)
    review_date = models.DateField()
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]
        get_latest_by = ["assessed_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_overall_display()} RoSH, {self.assessed_on:%-d %B %Y}"


class PredictorScores(models.Model):
    """An assessment's predictor inputs and the scores the rules modules computed from them."""

    case = models.ForeignKey("people.Case", on_delete=models.PROTECT, related_name="scores")
    assessed_on = models.DateField()
    inputs = models.JSONField()
    ogrs3_one_year = models.PositiveSmallIntegerField()
    ogrs3_two_year = models.PositiveSmallIntegerField()
    ogrs3_band = models.CharField(max_length=10)
    ogrs3_terms = models.JSONField()
    ovp_two_year = models.PositiveSmallIntegerField(null=True)
    ovp_band = models.CharField(max_length=10, blank=True)
    ogp_two_year = models.PositiveSmallIntegerField(null=True)
    ogp_band = models.CharField(max_length=10, blank=True)
    rsr_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    rsr_band = models.CharField(max_length=10, blank=True)
    # The predictor set in force on the assessment date (LEGACY or OGRS4), and each tool it
    # scored: [{"tool", "label", "score", "band", "model_type", "terms": [...]}] or
    # [{"tool", "label", "not_scored": why}] when the offence code has no weight for that tool.
    generation = models.CharField(max_length=6, blank=True)
    predictors = models.JSONField(default=list)
    # Tiering v3 reads these three (in the nightly batch too), so they are columns.
    arp_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    arp_type = models.CharField(max_length=7, blank=True)
    csrp_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    csrp_type = models.CharField(max_length=7, blank=True)
    dc_srp_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    dc_srp_band = models.CharField(max_length=14, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return f"OGRS3 {self.ogrs3_two_year}% (2 years), {self.assessed_on:%-d %B %Y}"


class CaseRisk(models.Model):
    """The current picture of a case's risk, read in one query by every case page's header."""

    case = models.OneToOneField(
        "people.Case", primary_key=True, on_delete=models.CASCADE, related_name="risk"
    )
    flags = models.JSONField(default=list)  # [{"type", "label", "colour"}] of active flags
    rosh = models.CharField(max_length=10, choices=RoshLevel.choices, blank=True)
    tier_v2 = models.CharField(max_length=3, blank=True)
    tier_v3 = models.CharField(max_length=14, blank=True)
    tier_v3_provisional = models.BooleanField(default=False)
    explanation = models.TextField(blank=True)
    calculated_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"Tier {self.tier_v2 or 'not calculated'}"


class TierCalculation(models.Model):
    """A tier the case has had: a row is added whenever the tier or its reasons change."""

    case = models.ForeignKey("people.Case", on_delete=models.PROTECT, related_name="tiers")
    tier_v2 = models.CharField(max_length=3)
    protect_points = models.PositiveSmallIntegerField()
    change_points = models.PositiveSmallIntegerField()
    tier_v3 = models.CharField(max_length=14)
    tier_v3_provisional = models.BooleanField(default=False)
    explanation = models.TextField()
    calculated_at = models.DateTimeField()
    trigger = models.CharField(max_length=30)

    class Meta:
        ordering = ["-calculated_at", "-id"]

    def __str__(self) -> str:
        return f"{self.tier_v2} / {self.tier_v3}"


class SafeguardingEnquiry(models.Model):
    """A domestic-abuse or children's-services check asked of another agency, and its reply."""

    case = models.ForeignKey("people.Case", on_delete=models.PROTECT, related_name="enquiries")
    kind = models.CharField(max_length=20, choices=EnquiryKind.choices)
    requested_on = models.DateField()
    outcome = models.CharField(
        max_length=20, choices=EnquiryOutcome.choices, default=EnquiryOutcome.PENDING
    )
    replied_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-requested_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_outcome_display()}"


class SignificantChange(models.Model):
    """A change in the person's life that calls for a RoSH review: a new charge or address
    (recorded by the sentences and people areas as they happen) or a new relationship or
    contact with children (recorded by the practitioner)."""

    case = models.ForeignKey(
        "people.Case", on_delete=models.PROTECT, related_name="significant_changes"
    )
    kind = models.CharField(max_length=16, choices=ChangeKind.choices)
    happened_on = models.DateField()
    detail = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-happened_on", "-id"]
        indexes = [models.Index(fields=["case", "happened_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.happened_on:%-d %B %Y}"


class OffenceCode(models.Model):
    """One row of the offence map: how a Home Office offence code counts in each predictor.

    Reference data an administrator keeps up to date (risk-tools.md §9: the production map moves
    on); the columns are the CSV's, as text, so the rules modules read a row exactly as they
    would read the file."""

    ho_offence_code = models.CharField("Home Office offence code", max_length=5, unique=True)
    group = models.CharField(max_length=100, blank=True)
    offence = models.CharField(max_length=200)
    detail = models.TextField(blank=True)
    actuarial_category_2026 = models.CharField("2026 category", max_length=60, blank=True)
    ogrs3_category = models.CharField("OGRS3 category", max_length=60, blank=True)
    ogrs3_weight = models.CharField("OGRS3 weight", max_length=30, blank=True)
    snsv_category = models.CharField("SNSV category", max_length=60, blank=True)
    snsv_static_w = models.CharField("SNSV static weight", max_length=30, blank=True)
    snsv_dynamic_w = models.CharField("SNSV dynamic weight", max_length=30, blank=True)
    snsv_vatp_category = models.CharField("SNSV VATP category", max_length=60, blank=True)
    snsv_vatp_static_w = models.CharField("SNSV VATP static weight", max_length=30, blank=True)
    snsv_vatp_dynamic_w = models.CharField("SNSV VATP dynamic weight", max_length=30, blank=True)
    opd_violent_or_sexual = models.CharField("OPD violent or sexual", max_length=1)
    is_violent_sanction = models.CharField("Violent sanction", max_length=1)
    version = models.PositiveIntegerField(default=1)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["ho_offence_code"]

    def __str__(self) -> str:
        return f"{self.ho_offence_code} {self.offence}"
