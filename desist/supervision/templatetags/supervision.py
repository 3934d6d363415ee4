"""The supervision section of the case overview, loaded by its own tag so the overview's
view needs to know nothing of appointments (one query, whatever the case's history), and the
parts of the diary and the timeline repeated on every row, built in Python: a template per row
costs more than the rest of the page."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from desist.supervision.constants import Compliance, Outcome
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


OUTCOME_LABELS = dict(Outcome.choices)
CANCELLED_TAG = mark_safe('<strong class="govuk-tag govuk-tag--grey">Cancelled</strong>')
NO_OUTCOME_TAG = mark_safe('<strong class="govuk-tag govuk-tag--yellow">No outcome yet</strong>')
SENSITIVE_TAG = mark_safe(' <strong class="govuk-tag govuk-tag--purple">Sensitive</strong>')


@register.simple_tag
def outcome_tag(appointment) -> str:
    """An appointment's outcome as a coloured tag, or where it stands if it has none. Built
    here rather than from a template: diaries and timelines show one on every row."""
    if appointment.cancelled_at:
        tag = CANCELLED_TAG
    elif appointment.outcome:
        tag = format_html(
            '<strong class="govuk-tag {}">{}</strong>',
            TAG_COLOURS.get(appointment.compliance, "govuk-tag--grey"),
            OUTCOME_LABELS.get(appointment.outcome, appointment.outcome),
        )
    else:
        tag = NO_OUTCOME_TAG
    return tag + SENSITIVE_TAG if appointment.sensitive else tag


SENSITIVE_NOTES = mark_safe(
    '<div class="govuk-inset-text govuk-!-margin-top-1"><p class="govuk-body-s '
    "govuk-!-font-weight-bold\">Sensitive: do not share outside the case's supervision.</p>"
)


@register.simple_tag
def timeline_entry(entry) -> str:
    """One contact on the case timeline (a selectors.TimelineEntry)."""
    return format_html(
        '<div class="desist-timeline-entry govuk-!-margin-bottom-6">\n'
        '  <h2 class="govuk-heading-s govuk-!-margin-bottom-1">{}{}{}</h2>\n'
        '  <p class="govuk-body-s govuk-!-margin-bottom-1">{} · {}{}</p>\n'
        "  {}\n"
        '  <p class="govuk-body">{}</p>\n'
        "  {}\n"
        "</div>",
        entry.type,
        SENSITIVE_TAG if entry.sensitive else "",
        format_html(" {}", outcome_tag(entry.appointment)) if entry.appointment else "",
        entry.when,
        entry.by,
        f" · {entry.requirement} requirement" if entry.requirement else "",
        SENSITIVE_NOTES if entry.sensitive else "",
        linebreaksbr(entry.notes, autoescape=True),
        mark_safe("</div>") if entry.sensitive else "",
    )
