"""The audit trail: who viewed, searched, exported or changed what, and when.

Append-only from the application's side: rows can be created, never updated or deleted
(save() refuses an existing row; the manager refuses update() and delete()). On PostgreSQL a
trigger refuses UPDATE and DELETE too (see the migration).
"""

from django.conf import settings
from django.db import models


class Action(models.TextChoices):
    VIEW = "VIEW", "Viewed"
    SEARCH = "SEARCH", "Searched"
    EXPORT = "EXPORT", "Exported"
    CREATE = "CREATE", "Created"
    CHANGE = "CHANGE", "Changed"
    DELETE = "DELETE", "Deleted"
    DENIED = "DENIED", "Refused access"
    SIGN_IN = "SIGN_IN", "Signed in"
    SIGN_IN_FAILED = "SIGN_IN_FAILED", "Sign-in failed"


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit trail is append-only.")

    def delete(self):
        raise PermissionError("The audit trail is append-only.")

    def bulk_update(self, *args, **kwargs):
        raise PermissionError("The audit trail is append-only.")


class AuditEvent(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    case = models.ForeignKey(
        "people.Case", null=True, on_delete=models.PROTECT, related_name="audit_events"
    )
    # What was touched: "case", "address", "case_access"... and its id.
    subject = models.CharField(max_length=40, blank=True)
    subject_id = models.CharField(max_length=40, blank=True)
    # Field-level changes: {"field": [before, after]}.
    changes = models.JSONField(default=dict, blank=True)
    # Anything else worth keeping: search terms and result counts, export row counts, reasons.
    detail = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["case", "-at"]),
            models.Index(fields=["actor", "-at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} {self.action} {self.case_id or ''}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit trail is append-only.")
