"""Reads of risk records for the case pages and the practitioner's review list."""

import datetime as dt
from collections.abc import Mapping

from django.db.models import Count, Max, Q, QuerySet

from desist.access.selectors import visible_cases
from desist.core.charts import Chart, Series, line_chart
from desist.core.compiled import compiled_once
from desist.risk.constants import GROUP_LABELS, ROSH_TAG_COLOURS, EnquiryKind, RoshLevel
from desist.risk.models import ACTIVE, CaseRisk, OffenceCode, Registration, RoshAssessment
from desist.rules import actuarial, rosh


def case_risk(case) -> CaseRisk | None:
    """Flags, overall RoSH and tier: the header's one query, kept on the case so the rest of
    the page reuses it."""
    if not hasattr(case, "_risk_summary"):
        found = _risk_summary(case_id=case.pk)
        case._risk_summary = found[0] if found else None
    return case._risk_summary


@compiled_once
def _risk_summary(*, case_id: int) -> QuerySet[CaseRisk]:
    return CaseRisk.objects.filter(case_id=case_id)  # one at most: the case is its key


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


HISTORY = 20  # assessments and tier changes drawn on the case's charts


def _tier_rank(tier: str) -> int:
    """v2 tiers in order of the supervision they call for: D0 lowest, A3 highest."""
    return "DCBA".index(tier[0]) * 4 + int(tier[1])


def tier_chart(tiers) -> Chart | None:
    points = [(t.calculated_at.date(), _tier_rank(t.tier_v2)) for t in tiers if t.tier_v2]
    if len(points) < 2:
        return None
    labels = {_tier_rank(t.tier_v2): t.tier_v2[:2] for t in tiers if t.tier_v2}
    return line_chart(
        "Tier (v2) over time", [Series("Tier", points)], y_range=(0, 15), y_labels=labels, step=True
    )


def score_chart(scores) -> Chart | None:
    """Two-year predictor percentages over time, one line per predictor that was scored."""
    if len(scores) < 2:
        return None
    series = [
        Series(
            name,
            [(s.assessed_on, getattr(s, field)) for s in scores if getattr(s, field) is not None],
        )
        for name, field in (
            ("OGRS3", "ogrs3_two_year"),
            ("OGP", "ogp_two_year"),
            ("OVP", "ovp_two_year"),
        )
    ]
    return line_chart(
        "Two-year predictor scores over time (%)",
        [s for s in series if len(s.points) > 1],
        y_range=(0, 100),
    )


def case_risk_detail(case) -> dict:
    """Everything the case's risk page shows."""
    registrations = list(case.registrations.select_related("registered_by", "deregistered_by"))
    latest = RoshAssessment.objects.filter(case=case).first()
    enquiries = list(case.enquiries.all())
    scores = list(case.scores.all()[:HISTORY])
    tiers = list(case.tiers.all()[:HISTORY])
    changes = list(case.significant_changes.all()[:HISTORY])
    asked = {e.kind for e in enquiries}
    return {
        "risk": case_risk(case),
        "active": [r for r in registrations if r.active],
        "ended": [r for r in registrations if not r.active],
        "rosh": latest,
        "grid": rosh_grid(latest) if latest else None,
        "scores": scores[0] if scores else None,
        "score_history": scores,
        "score_chart": score_chart(scores),
        "tiers": tiers,
        "tier_chart": tier_chart(tiers),
        "enquiries": enquiries,
        "missing_checks": [kind for kind in EnquiryKind if kind not in asked],
        "changes": changes,
        "change_review_due": change_review_due(changes, latest),
    }


def change_review_due(changes, latest: RoshAssessment | None) -> dt.date | None:
    """When the RoSH review the changes since the latest assessment call for is due (as the
    deadline source says); None when there is no assessment or it is up to date."""
    if latest is None:
        return None
    due = [
        rosh.significant_change_review_due(c.kind, c.happened_on, latest.assessed_on)
        for c in changes
    ]
    return min((d for d in due if d is not None), default=None)


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


def offence_codes(query: str = "") -> QuerySet[OffenceCode]:
    """The offence map for the administrator's page: by code (or its start), or by words in
    the offence's name and detail."""
    codes = OffenceCode.objects.all()
    query = query.strip()
    if query.isdigit():
        return codes.filter(ho_offence_code__startswith=query)
    for word in query.split():
        codes = codes.filter(Q(offence__icontains=word) | Q(detail__icontains=word))
    return codes


_offence_table: dict = {}


def offence_table() -> Mapping[str, actuarial.OffenceMapping]:
    """The offence map the predictors score with, parsed once per process and read again only
    when a row has changed since (any process's change moves the latest change time or the
    count, so one small query keeps every process up to date). The packaged map stands in
    while the table is empty (a database emptied by hand or by a test's flush)."""
    stamp = OffenceCode.objects.aggregate(rows=Count("pk"), changed=Max("changed_at"))
    if not stamp["rows"]:
        return actuarial.offence_map()
    key = (stamp["rows"], stamp["changed"])
    if _offence_table.get("key") != key:
        rows = OffenceCode.objects.values_list(*actuarial.OFFENCE_MAP_COLUMNS)
        table = actuarial.parse_offence_rows(
            dict(zip(actuarial.OFFENCE_MAP_COLUMNS, row, strict=True)) for row in rows
        )
        _offence_table.update(key=key, table=table)
    return _offence_table["table"]
