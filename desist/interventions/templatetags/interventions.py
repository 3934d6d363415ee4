"""Accommodation and referrals on the case overview (one query) and the caseload (none)."""

from django import template

from desist.interventions import selectors
from desist.interventions.constants import SETTLED, Accommodation

register = template.Library()


@register.inclusion_tag("interventions/_case_section.html")
def case_interventions_section(case):
    summary = selectors.case_summary(case)
    status = summary["accommodation"]
    return {
        "case": case,
        "accommodation": Accommodation(status).label if status else "",
        "since": summary["since"],
        "open_referrals": summary["open_referrals"] or 0,
    }


@register.inclusion_tag("interventions/_accommodation_cell.html")
def accommodation_cell(status: str | None):
    """The caseload's accommodation cell: who has no settled accommodation stands out."""
    return {
        "label": Accommodation(status).label if status else "",
        "settled": status in SETTLED,
    }
