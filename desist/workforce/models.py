"""Team management: the cases waiting for a practitioner, and what a practitioner can take.

Cases join the allocation queue from the other areas (a probation sentence recorded at court,
a release from custody) through ``desist.workforce.services.queue_for_allocation``, so nothing
is keyed twice. Later migrations of this app add to these models; never rewrite 0001.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class QueueSource(models.TextChoices):
    COURT = "COURT", "New sentence from court"
    RELEASE = "RELEASE", "Due for release from custody"
    TRANSFER = "TRANSFER", "Transferred in"


class AwaitingAllocation(models.Model):
    """A case in a team's (or, with no team yet, a PDU's) allocation queue."""

    case = models.ForeignKey(
        "people.Case", on_delete=models.CASCADE, related_name="allocation_requests"
    )
    event = models.ForeignKey(
        "sentences.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pdu = models.ForeignKey(
        "organisation.ProbationDeliveryUnit", on_delete=models.PROTECT, related_name="+"
    )
    team = models.ForeignKey(
        "organisation.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(max_length=8, choices=QueueSource.choices)
    # The sentence or release date the first appointment is counted from.
    starts_on = models.DateField()
    due_by = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    allocation = models.OneToOneField(
        "people.Allocation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [
            models.Index(
                fields=["pdu", "team", "due_by"],
                condition=models.Q(allocation__isnull=True),
                name="allocation_queue_waiting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} awaiting allocation by {self.due_by:%Y-%m-%d}"
