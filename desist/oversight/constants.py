"""Why a senior probation officer records management oversight, in their words."""

from django.db import models


class OversightReason(models.TextChoices):
    ALLOCATION = "ALLOCATION", "Allocation decision"
    TOUCHPOINT = "TOUCHPOINT", "Touchpoint after allocation"
    RISK_REVIEW = "RISK_REVIEW", "Risk review"
    ENFORCEMENT = "ENFORCEMENT", "Enforcement decision"
    COUNTERSIGN = "COUNTERSIGN", "Countersigning"
    WEEKLY_MEETING = "MEETING", "Weekly meeting with the practitioner"


# Reasons chosen on a case's own oversight form; the meeting's come from the weekly meeting.
CASE_REASONS = [(r.value, r.label) for r in OversightReason if r != OversightReason.WEEKLY_MEETING]
