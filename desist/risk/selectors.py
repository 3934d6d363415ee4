"""Reads of risk records for the case pages and the practitioner's review list."""

import datetime as dt

from django.db.models import QuerySet

from desist.access.selectors import visible_cases
from desist.risk.constants import GROUP_LABELS, ROSH_TAG_COLOURS, EnquiryKind, RoshLevel
from desist.risk.models import ACTIVE, CaseRisk, Registration, RoshAssessment
from desist.rules import rosh


def case_risk(case) -> CaseRisk | None:
    """Flags, overall RoSH and tier: the header's one query, kept on the case so the rest of
    the page reuses it."""
    if not hasattr(case, "_risk_summary"):
        case._risk_summary = CaseRisk.objects.filter(case=case).first()
    return case._risk_summary


def rosh_grid(assessment: RoshAssessment) -> list[dict]:
    """Rows of the RoSH grid: each group with its community and custody level (or None when
    the group is not rated in that setting)."""
    rows = []
    for group in rosh.Group:
        cells = []
        for setting in rosh.Setting:
            if not rosh.rated(group, setting):
                cells.append(None)
                continue
            level = getattr(assessment, f"{group.lower()}_{setting.lower()}")
            cells.append(
                {
                    "level": level,
                    "label": RoshLevel(level).label if level else "",
                    "colour": ROSH_TAG_COLOURS.get(level),
                }
            )
        rows.append({"group": GROUP_LABELS[group], "cells": cells})
    return rows


def case_risk_detail(case) -> dict:
    """Everything the case's risk page shows."""
    registrations = list(case.registrations.select_related("registered_by", "deregistered_by"))
    latest = RoshAssessment.objects.filter(case=case).first()
    enquiries = list(case.enquiries.all())
    asked = {e.kind for e in enquiries}
    return {
        "risk": case_risk(case),
        "active": [r for r in registrations if r.active],
        "ended": [r for r in registrations if not r.active],
        "rosh": latest,
        "grid": rosh_grid(latest) if latest else None,
        "scores": case.scores.first(),
        "tiers": list(case.tiers.all()[:10]),
        "enquiries": enquiries,
        "missing_checks": [kind for kind in EnquiryKind if kind not in asked],
    }


def registrations_for_review(user, *, today: dt.date) -> QuerySet[Registration]:
    """The user's "review due" actions: active flags past their review date on their cases."""
    return (
        Registration.objects.filter(
            ACTIVE,
            review_date__lt=today,
            case__in=visible_cases(user).filter(practitioner=user),
        )
        .select_related("case")
        .order_by("review_date", "pk")
    )
