"""Where probation work happens: regions, probation delivery units (PDUs), teams, and the
offices, courts and prisons that appointments, hearings and releases refer to."""

from django.db import models


class Region(models.Model):
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=100)
    # Case reference numbers start with the letter of the region that created them.
    crn_prefix = models.CharField(max_length=1)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProbationDeliveryUnit(models.Model):
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="pdus")

    class Meta:
        ordering = ["name"]
        verbose_name = "probation delivery unit"

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=100)
    pdu = models.ForeignKey(ProbationDeliveryUnit, on_delete=models.PROTECT, related_name="teams")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Office(models.Model):
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=100)
    pdu = models.ForeignKey(ProbationDeliveryUnit, on_delete=models.PROTECT, related_name="offices")
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Court(models.Model):
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="courts")
    is_crown_court = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Prison(models.Model):
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="prisons")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
