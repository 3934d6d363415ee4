"""Events (numbered convictions) and what the court imposed: sentences, requirements and
licence conditions. Later migrations of this app add to these models; never rewrite 0001."""

from django.db import models


class Event(models.Model):
    """A numbered conviction on a case, as the national case system numbers them."""

    case = models.ForeignKey("people.Case", on_delete=models.CASCADE, related_name="events")
    number = models.PositiveIntegerField()
    conviction_date = models.DateField(null=True, blank=True)
    active = models.BooleanField(default=True)
    termination_date = models.DateField(null=True, blank=True)
    termination_reason = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="one_event_number_per_case")
        ]

    def __str__(self) -> str:
        return f"Event {self.number}"


class Requirement(models.Model):
    """A requirement of a community or suspended sentence order."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="requirements")
    category = models.CharField(max_length=10)
    length = models.PositiveIntegerField(null=True, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return self.category
