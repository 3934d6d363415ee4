"""Events (numbered convictions) and what the court imposed: sentences, requirements and
licence conditions. Later migrations of this app add to these models; never rewrite 0001."""

from django.db import models

from desist.rules.release_dates import Term
from desist.sentences.constants import (
    AppearanceOutcome,
    LengthUnit,
    OffenceCategory,
    RequirementCategory,
    SentenceType,
    TerminationReason,
)


def term_of(length: int, unit: str) -> Term:
    """A length as the court passed it (12 months, 2 years) as the release rules count it."""
    field = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}[unit]
    return Term(**{field: length})


class Event(models.Model):
    """A numbered conviction on a case, as the national case system numbers them, and the
    sentence passed on it. The expected end is worked out by the service, never typed."""

    case = models.ForeignKey("people.Case", on_delete=models.CASCADE, related_name="events")
    number = models.PositiveIntegerField()
    conviction_date = models.DateField(null=True, blank=True)
    active = models.BooleanField(default=True)
    termination_date = models.DateField(null=True, blank=True)
    termination_reason = models.CharField(
        max_length=100, blank=True, choices=TerminationReason.choices
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sentence_type = models.CharField(max_length=3, blank=True, choices=SentenceType.choices)
    sentence_date = models.DateField(null=True, blank=True)
    # The order's length, or for custody and SSOs the custodial term the court passed.
    length = models.PositiveIntegerField(null=True, blank=True)
    length_unit = models.CharField(max_length=1, blank=True, choices=LengthUnit.choices)
    operational_months = models.PositiveSmallIntegerField(null=True, blank=True)  # SSO
    supervision_months = models.PositiveSmallIntegerField(null=True, blank=True)  # SSO
    remand_days = models.PositiveIntegerField(default=0)  # custody
    tagged_bail_days = models.PositiveIntegerField(default=0)  # custody
    expected_end = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="one_event_number_per_case")
        ]

    def __str__(self) -> str:
        return f"Event {self.number}"

    @property
    def term(self) -> Term | None:
        return term_of(self.length, self.length_unit) if self.length and self.length_unit else None

    @property
    def is_order(self) -> bool:
        return self.sentence_type in SentenceType.orders()

    @property
    def is_custodial(self) -> bool:
        return self.sentence_type in SentenceType.custodial()


class Offence(models.Model):
    """An offence on an event: one main offence, any number of additional ones."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="offences")
    main = models.BooleanField(default=False)
    code = models.CharField("Home Office offence code", max_length=5)
    description = models.CharField(max_length=200)
    category = models.CharField(max_length=10, choices=OffenceCategory.choices)
    offence_date = models.DateField()

    class Meta:
        ordering = ["-main", "offence_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event"], condition=models.Q(main=True), name="one_main_offence_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.description} ({self.code})"


class CourtAppearance(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="appearances")
    court = models.ForeignKey("organisation.Court", on_delete=models.PROTECT, related_name="+")
    date = models.DateField()
    outcome = models.CharField(max_length=3, choices=AppearanceOutcome.choices)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.court} on {self.date:%Y-%m-%d}"


class Requirement(models.Model):
    """A requirement of a community or suspended sentence order. ``length`` counts the unit
    desist.rules.requirements gives its category (hours, days or months)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="requirements")
    category = models.CharField(max_length=10, choices=RequirementCategory.choices)
    length = models.PositiveIntegerField(null=True, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    hours_per_day = models.PositiveSmallIntegerField(null=True, blank=True)  # curfew
    days_per_week = models.PositiveSmallIntegerField(null=True, blank=True)  # curfew
    on_breach = models.BooleanField(default=False)
    details = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return self.category


class LicenceCondition(models.Model):
    """A condition of a licence: one of the standard set, or an additional condition with the
    facts it needs. Victim-related conditions are for the victim liaison officer to share."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="licence_conditions")
    standard = models.BooleanField(default=False)
    code = models.CharField(max_length=20)
    text = models.CharField(max_length=300)
    address = models.CharField(max_length=200, blank=True)
    times = models.CharField(max_length=100, blank=True)
    named_person = models.CharField(max_length=100, blank=True)
    exclusion_zone = models.CharField(max_length=300, blank=True)
    victim_related = models.BooleanField(default=False)

    class Meta:
        ordering = ["-standard", "pk"]

    def __str__(self) -> str:
        return self.text
