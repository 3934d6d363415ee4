"""Limited access cases, like the national system's "limited access offender" lists."""

from django.conf import settings
from django.db import models


class AccessKind(models.TextChoices):
    ALLOWED = "ALLOWED", "Allowed (restriction list)"
    EXCLUDED = "EXCLUDED", "Excluded"


class CaseAccess(models.Model):
    """A named member of staff on a case's restriction list (allowed) or exclusion list."""

    case = models.ForeignKey("people.Case", on_delete=models.CASCADE, related_name="access_lists")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_access"
    )
    kind = models.CharField(max_length=8, choices=AccessKind.choices)
    reason = models.CharField(max_length=200, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "staff"], name="one_access_entry_per_staff")
        ]
        indexes = [models.Index(fields=["staff", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.staff_id} on case {self.case_id}"
