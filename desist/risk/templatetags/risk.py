"""Risk parts of every case page, loaded here so the people app need not know of them."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from desist.risk import selectors
from desist.risk.constants import ROSH_TAG_COLOURS

register = template.Library()


TAG = '<strong class="govuk-tag govuk-tag--{}">{}</strong>'


@register.simple_tag
def case_flags(case) -> str:
    """The header's flags, overall RoSH and tier: one query, on the case's risk summary."""
    return risk_flags(selectors.case_risk(case))


def risk_flags(risk) -> str:
    """A risk summary's tags, built in Python: the court list shows one on every row."""
    if risk is None:
        return ""
    tags = []
    if risk.rosh:
        tags.append(
            format_html(TAG, ROSH_TAG_COLOURS.get(risk.rosh), f"RoSH: {risk.get_rosh_display()}")
        )
    tags += [format_html(TAG, f.get("colour") or "grey", f.get("label", "")) for f in risk.flags]
    if risk.tier_v2:
        tags.append(format_html(TAG, "blue", f"Tier {risk.tier_v2}"))
    if risk.tier_v3 and len(risk.tier_v3) == 1:
        provisional = " (provisional)" if risk.tier_v3_provisional else ""
        tags.append(format_html(TAG, "blue", f"Tier v3 {risk.tier_v3}{provisional}"))
    return mark_safe("\n".join(tags))


@register.inclusion_tag("risk/_section.html")
def case_risk_section(case):
    """The overview's risk summary: no query of its own, it reuses the header's."""
    return {"case": case, "risk": selectors.case_risk(case)}


@register.filter
def band(value: str) -> str:
    """A predictor band in words: "VERY_HIGH" -> "very high", "NOT_APPLICABLE" -> "not
    applicable"."""
    return value.replace("_", " ").lower()
