"""The person on probation: one case record per person, keyed by CRN.

Personal details change only through desist.people.services, which checks the record's
version (so two people editing never silently overwrite each other) and audits each change.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from desist.people.constants import (
    AddressStatus,
    AddressType,
    ContactRelationship,
    DisabilityType,
    Ethnicity,
    Gender,
)


class Case(models.Model):
    crn = models.CharField("CRN", max_length=7, unique=True)
    first_name = models.CharField(max_length=50)
    middle_names = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=50)
    preferred_name = models.CharField(max_length=50, blank=True)
    date_of_birth = models.DateField()
    gender = models.CharField(max_length=1, choices=Gender.choices)
    pnc = models.CharField("PNC number", max_length=13, blank=True, db_index=True)
    prison_number = models.CharField(max_length=7, blank=True, db_index=True)
    phone = models.CharField("Telephone", max_length=30, blank=True)
    mobile = models.CharField("Mobile", max_length=30, blank=True)
    email = models.EmailField(blank=True)
    language = models.CharField("Main language", max_length=50, default="English")
    interpreter_required = models.BooleanField(default=False)
    ethnicity = models.CharField(max_length=2, choices=Ethnicity.choices, blank=True)
    religion = models.CharField(max_length=50, blank=True)
    sexual_orientation = models.CharField(max_length=50, blank=True)

    team = models.ForeignKey(
        "organisation.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="caseload",
    )

    # Limited access: a restricted case opens only for staff on its allow list; excluded
    # staff (desist.access.CaseAccess) never open it. The messages are what a denied user sees.
    restricted = models.BooleanField(default=False)
    restriction_message = models.CharField(max_length=300, blank=True)
    exclusion_message = models.CharField(max_length=300, blank=True)

    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["practitioner", "last_name", "first_name"]),
            models.Index(fields=["last_name", "first_name"]),
            models.Index(fields=["date_of_birth"]),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.crn})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def listed_name(self) -> str:
        """Surname first, as lists and court registers show it."""
        return f"{self.last_name}, {self.first_name}"


class Alias(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="aliases")
    first_name = models.CharField(max_length=50)
    last_name = models.CharField(max_length=50)
    date_of_birth = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "aliases"

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class SearchName(models.Model):
    """Every name a person is known by, normalised for search (casefolded, accents and
    punctuation removed). Kept by the services that change names; indexed with trigrams on
    PostgreSQL."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="search_names")
    name = models.CharField(max_length=120)
    is_alias = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name


class Address(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="addresses")
    status = models.CharField(max_length=10, choices=AddressStatus.choices)
    type = models.CharField(max_length=6, choices=AddressType.choices, default=AddressType.HOME)
    line_1 = models.CharField("Address line 1", max_length=100, blank=True)
    line_2 = models.CharField("Address line 2", max_length=100, blank=True)
    town = models.CharField("Town or city", max_length=60, blank=True)
    county = models.CharField(max_length=60, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=Q(status="MAIN"), name="one_main_address_per_case"
            )
        ]
        verbose_name_plural = "addresses"

    def __str__(self) -> str:
        if self.type == AddressType.NO_FIXED_ABODE:
            return "No fixed abode"
        return ", ".join(p for p in (self.line_1, self.line_2, self.town, self.postcode) if p)


class PersonalContact(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    relationship = models.CharField(max_length=10, choices=ContactRelationship.choices)
    name = models.CharField(max_length=100)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    notes = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.get_relationship_display()})"


class Disability(models.Model):
    """A disability or condition and the reasonable adjustments agreed for it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="disabilities")
    type = models.CharField(max_length=5, choices=DisabilityType.choices)
    adjustments = models.TextField("Reasonable adjustments", blank=True)
    start_date = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "disabilities"

    def __str__(self) -> str:
        return self.get_type_display()


class Allocation(models.Model):
    """Who held the case, and when: the allocation history."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="allocations")
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocations"
    )
    team = models.ForeignKey("organisation.Team", on_delete=models.PROTECT)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.case_id} to {self.practitioner_id} from {self.started_at:%Y-%m-%d}"


class NameWord(models.Model):
    """Every distinct word of every name: the vocabulary a misspelt word is matched against
    before the names themselves are looked up (desist.people.search)."""

    word = models.CharField(max_length=60, unique=True)

    def __str__(self) -> str:
        return self.word
