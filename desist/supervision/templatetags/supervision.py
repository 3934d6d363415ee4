"""The supervision section of the case overview, loaded by its own tag so the overview's
view needs to know nothing of appointments (two queries, whatever the case's history)."""

from django import template

from desist.supervision.constants import Compliance
from desist.supervision.selectors import case_appointment_summary

register = template.Library()


@register.inclusion_tag("supervision/_appointments_summary.html", takes_context=True)
def appointments_summary(context, case):
    return {"case": case, "can": context.get("can", {}), **case_appointment_summary(case)}


TAG_COLOURS = {
    Compliance.COMPLIED: "govuk-tag--green",
    Compliance.FAILED_TO_COMPLY: "govuk-tag--red",
    Compliance.ACCEPTABLE: "govuk-tag--blue",
    Compliance.UNACCEPTABLE: "govuk-tag--red",
}


@register.inclusion_tag("supervision/_outcome.html")
def outcome_tag(appointment):
    """An appointment's outcome as a coloured tag, or where it stands if it has none."""
    return {
        "appointment": appointment,
        "colour": TAG_COLOURS.get(appointment.compliance, "govuk-tag--grey"),
    }
