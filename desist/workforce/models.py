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
    # Why the case went outside the grade rules (rules.allocation), if it did: the reason of
    # the AllocationException another SPO countersigned.
    grade_exception_reason = models.CharField(max_length=500, blank=True)

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


class ExceptionStatus(models.TextChoices):
    AWAITING = "AWAITING", "Awaiting countersignature"
    APPROVED = "APPROVED", "Approved"
    REJECTED = "REJECTED", "Rejected"


class AllocationException(models.Model):
    """An SPO's request to allocate a waiting case against the grade rules (rules.allocation).

    The case stays in the queue until another SPO countersigns: approval allocates it,
    rejection leaves it waiting for someone else. Decided requests stay as the record of why.
    """

    entry = models.ForeignKey(AwaitingAllocation, on_delete=models.CASCADE, related_name="+")
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField("Reason for the exception", max_length=500)
    rationale = models.TextField("Why this practitioner")
    status = models.CharField(
        max_length=8, choices=ExceptionStatus.choices, default=ExceptionStatus.AWAITING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_rationale = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry"],
                condition=models.Q(status="AWAITING"),
                name="one_allocation_exception_awaiting",
            )
        ]
        indexes = [models.Index(fields=["status", "requested_at"])]

    def __str__(self) -> str:
        return f"Allocation exception {self.pk} ({self.status})"


class WorkloadWeightings(models.Model):
    """Workload reference data in force from a date, as ``rules.workload.Weightings`` reads it.

    An administrator records new values with a later date; older rows stay so past figures
    can be explained. ``data`` is ``rules.workload.weightings_to_mapping``'s shape.
    """

    effective_from = models.DateField(unique=True)
    data = models.JSONField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-effective_from"]
        verbose_name_plural = "workload weightings"

    def __str__(self) -> str:
        return f"Workload weightings from {self.effective_from:%Y-%m-%d}"


class StaffWorkload(models.Model):
    """What workload needs to know about a practitioner that their account does not hold."""

    staff = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="workload",
    )
    # Blank means the grade's default contracted hours from the weightings.
    contracted_hours = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    office = models.ForeignKey(
        "organisation.Office", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"Workload profile of {self.staff_id}"


class WorkloadReduction(models.Model):
    """Hours a week taken off a practitioner's capacity (training, union duties, a phased
    return), recorded by their SPO."""

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workload_reductions"
    )
    reason = models.CharField(max_length=200)
    hours = models.DecimalField(max_digits=4, decimal_places=1)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_on", "pk"]
        indexes = [models.Index(fields=["staff", "starts_on"])]

    def __str__(self) -> str:
        return f"{self.hours} hours from {self.starts_on:%Y-%m-%d}: {self.reason}"


class CaseloadSummary(models.Model):
    """What a practitioner's cases come to for the team page: cases by tier and case type,
    court reports written, and how many were seen in time. Derived from case data only (so
    every change to it is an audited write that marks it out of date) and stored with their
    actions (desist.oversight.actions); capacity is worked out from it when shown, with the
    weightings, reductions and hours in force then."""

    staff = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    # [[tier or null, case type, number of cases], ...]
    cases = models.JSONField(default=list)
    standard_reports = models.PositiveIntegerField(default=0)
    fast_reports = models.PositiveIntegerField(default=0)
    seen = models.PositiveIntegerField(default=0)
    counted = models.PositiveIntegerField(default=0)  # cases, for "seen in time"

    def __str__(self) -> str:
        return f"Caseload of {self.staff_id}"
