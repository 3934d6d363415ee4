"""Codes for the programmes area: a programme's intensity and a referral's suitability."""

from django.db import models

# The requirement category the sentences app gives an accredited programme requirement.
PROGRAMME_CATEGORY = "PROG"


class Intensity(models.TextChoices):
    MODERATE = "MODERATE", "Moderate"
    HIGH_MODERATE = "HIGH_MODERATE", "High or moderate"
    HIGH = "HIGH", "High"


class Suitability(models.TextChoices):
    NOT_ASSESSED = "", "Not yet assessed"
    SUITABLE = "SUITABLE", "Suitable"
    NOT_SUITABLE = "NOT_SUITABLE", "Not suitable"
