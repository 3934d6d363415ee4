"""Accommodation and referrals on the case overview (one query) and the caseload (none)."""

from django import template
from django.utils.html import format_html

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


def accommodation_cell(status: str | None) -> str:
    """The caseload's accommodation cell (text, or safe HTML): who has no settled
    accommodation stands out."""
    if not status:
        return "Not recorded"
    label = Accommodation(status).label
    if status in SETTLED:
        return label
    return format_html(
        '<strong class="govuk-tag govuk-tag--orange">No settled accommodation</strong><br>'
        '<span class="govuk-body-s">{}</span>',
        label,
    )
