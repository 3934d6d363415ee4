"""Choices for events and sentences, in the national case system's terms."""

from django.db import models

from desist.rules.licence_conditions import ADDITIONAL_CATEGORIES
from desist.rules.requirements import CATEGORIES


class SentenceType(models.TextChoices):
    COMMUNITY_ORDER = "CO", "Community order"
    SUSPENDED = "SSO", "Suspended sentence order"
    CUSTODY = "SDS", "Determinate custody with licence"
    PSS = "PSS", "Custody with post-sentence supervision"

    @classmethod
    def orders(cls) -> set[str]:
        """Sentences served in the community, which carry requirements."""
        return {cls.COMMUNITY_ORDER, cls.SUSPENDED}

    @classmethod
    def custodial(cls) -> set[str]:
        """Sentences with a release date and a licence."""
        return {cls.CUSTODY, cls.PSS}


class LengthUnit(models.TextChoices):
    DAYS = "D", "Days"
    WEEKS = "W", "Weeks"
    MONTHS = "M", "Months"
    YEARS = "Y", "Years"


class OffenceCategory(models.TextChoices):
    VIOLENCE = "VIOLENCE", "Violence against the person"
    SEXUAL = "SEXUAL", "Sexual offences"
    ROBBERY = "ROBBERY", "Robbery"
    THEFT = "THEFT", "Theft offences"
    BURGLARY = "BURGLARY", "Burglary"
    CRIMINAL_DAMAGE = "DAMAGE", "Criminal damage and arson"
    DRUGS = "DRUGS", "Drug offences"
    WEAPONS = "WEAPONS", "Possession of weapons"
    PUBLIC_ORDER = "ORDER", "Public order offences"
    FRAUD = "FRAUD", "Fraud offences"
    MOTORING = "MOTORING", "Summary motoring"
    TERRORISM = "TERRORISM", "Terrorism"
    OTHER = "OTHER", "Miscellaneous crimes against society"


class AppearanceOutcome(models.TextChoices):
    ADJOURNED = "ADJ", "Adjourned"
    REPORT_REQUESTED = "PSR", "Adjourned: pre-sentence report requested"
    COMMITTED = "COM", "Committed to the Crown Court for sentence"
    SENTENCED = "SEN", "Sentenced"


class TerminationReason(models.TextChoices):
    COMPLETED = "COMPLETED", "Ran its full course"
    EARLY = "EARLY", "Terminated early: requirements complied with"
    REVOKED_BREACH = "BREACH", "Revoked and resentenced on breach"
    REVOKED_OFFENCE = "OFFENCE", "Revoked following a further offence"
    APPEAL = "APPEAL", "Quashed on appeal"
    DIED = "DIED", "Death"


RequirementCategory = models.TextChoices(
    "RequirementCategory", [(code, (code, c.name)) for code, c in CATEGORIES.items()]
)
AdditionalConditionCategory = models.TextChoices(
    "AdditionalConditionCategory",
    [(code, (code, c.name)) for code, c in ADDITIONAL_CATEGORIES.items()],
)
