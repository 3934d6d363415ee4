"""Pre-release work on one custodial sentence: where the person is held, their resettlement
needs by pathway, and the arrangements for release.

The tasks and their due dates are not stored: desist.rules.pre_release works them out from the
release date and from what is recorded here. Edited in place with a ``version`` so two people
never silently overwrite each other.
"""

from django.conf import settings
from django.db import models

from desist.prerelease.constants import (
    NEED_STATUS_CHOICES,
    PATHWAY_CHOICES,
    RELEASE_ACCOMMODATION_CHOICES,
)


def _staff() -> models.ForeignKey:
    return models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")


class ResettlementPlan(models.Model):
    case = models.ForeignKey("people.Case", on_delete=models.PROTECT, related_name="+")
    event = models.OneToOneField(
        "sentences.Event", on_delete=models.PROTECT, related_name="resettlement_plan"
    )
    prison = models.ForeignKey(
        "organisation.Prison", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    release_address = models.CharField("Address on release", max_length=200, blank=True)
    release_accommodation = models.CharField(
        "Accommodation on release", max_length=10, choices=RELEASE_ACCOMMODATION_CHOICES, blank=True
    )
    address_confirmed = models.BooleanField(
        "The address is confirmed (checked and approved)", default=False
    )
    licence_proposed_on = models.DateField(
        "Release plan and licence conditions proposed to the prison on", null=True, blank=True
    )
    created_by = _staff()
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Resettlement plan for event {self.event_id}"

    @property
    def address_ready(self) -> bool:
        """The address task is done: there is an address, and it has been confirmed."""
        return bool(self.release_address) and self.address_confirmed


class PathwayNeed(models.Model):
    """One pathway's assessed status; a pathway without a row is not assessed yet."""

    plan = models.ForeignKey(ResettlementPlan, on_delete=models.CASCADE, related_name="needs")
    pathway = models.CharField(max_length=15, choices=PATHWAY_CHOICES)
    status = models.CharField(max_length=10, choices=NEED_STATUS_CHOICES)
    notes = models.TextField(blank=True)
    updated_by = _staff()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "pathway"], name="one_status_per_pathway")
        ]

    def __str__(self) -> str:
        return f"{self.get_pathway_display()}: {self.get_status_display()}"
