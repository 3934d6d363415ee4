"""Risk parts of every case page, loaded here so the people app need not know of them."""

from django import template

from desist.risk import selectors
from desist.risk.constants import ROSH_TAG_COLOURS

register = template.Library()


@register.inclusion_tag("risk/_flags.html")
def case_flags(case):
    """The header's flags, overall RoSH and tier: one query, on the case's risk summary."""
    risk = selectors.case_risk(case)
    return {"risk": risk, "rosh_colour": ROSH_TAG_COLOURS.get(risk.rosh) if risk else None}


@register.inclusion_tag("risk/_section.html")
def case_risk_section(case):
    """The overview's risk summary: no query of its own, it reuses the header's."""
    return {"case": case, "risk": selectors.case_risk(case)}


@register.filter
def band(value: str) -> str:
    """A predictor band in words: "VERY_HIGH" -> "very high", "NOT_APPLICABLE" -> "not
    applicable"."""
    return value.replace("_", " ").lower()
