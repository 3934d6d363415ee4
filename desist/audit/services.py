"""Writing the audit trail. Every service that reads or changes case data calls audit_record
in the same transaction as the change, so a rolled-back change leaves no audit row and a
committed one always has its row."""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

from desist.audit.models import Action, AuditEvent


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime | Decimal):
        return value.isoformat() if not isinstance(value, Decimal) else str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of the named fields, as JSON-safe plain values."""
    return {name: _plain(getattr(instance, name)) for name in fields}


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{"field": [before, after]} for each field whose value changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def audit_record(
    *,
    actor,
    action: Action,
    case=None,
    subject: str = "",
    subject_id: object = "",
    changes: dict | None = None,
    detail: dict | None = None,
    request=None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        case=case,
        subject=subject,
        subject_id=str(subject_id or ""),
        changes=changes or {},
        detail=detail or {},
        ip_address=client_ip(request),
    )
