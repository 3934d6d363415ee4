"""Staff who sign in to Desist, with their roles, grade and team."""

from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from desist.accounts.roles import Permission, Role, permissions_for


def validate_roles(value: object) -> None:
    if not isinstance(value, list) or not all(code in Role.values for code in value):
        raise ValidationError("Roles must be a list of role codes.")


class Grade(models.TextChoices):
    PSO = "PSO", "Probation services officer (band 3)"
    PO = "PO", "Probation officer (band 4)"
    SPO = "SPO", "Senior probation officer (band 5)"
    PQIP = "PQIP", "PQiP learner"
    OTHER = "OTHER", "Other"


class Staff(AbstractUser):
    """A member of staff. Roles are a short list on the row: one person may hold several,
    and reading them costs no extra query on every request."""

    roles = models.JSONField(default=list, blank=True, validators=[validate_roles])
    grade = models.CharField(max_length=5, choices=Grade.choices, default=Grade.OTHER)
    team = models.ForeignKey(
        "organisation.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="staff"
    )
    phone = models.CharField(max_length=30, blank=True)

    class Meta:
        verbose_name = "member of staff"
        verbose_name_plural = "staff"
        indexes = [models.Index(fields=["team", "last_name"])]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def granted(self) -> frozenset[Permission]:
        return permissions_for(self.roles) if self.is_active else frozenset()

    def may(self, permission: Permission) -> bool:
        return permission in self.granted

    @property
    def role_names(self) -> list[str]:
        return [Role(code).label for code in self.roles]
