"""The court list's rows, drawn in Python: a court's day lists fifty defendants or more, each
with its tags, and a template loop over them was most of the page's time."""

from django import template
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from desist.risk.templatetags.risk import TAG, risk_flags

register = template.Library()

ROW = (
    '<tr class="govuk-table__row">'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell"><a class="govuk-link" href="{}">{}</a>'
    '<br><span class="govuk-body-s">Born {}</span></td>'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}</td>'
    "</tr>"
)


def _tags(hearing, today) -> str:
    """What the bench may ask about: the outcome, breach, risk (only to those who may see the
    case), custody and a report still to finish."""
    tags = []
    if hearing.outcome:
        tags.append(format_html(TAG, "green", hearing.get_outcome_display()))
    if hearing.case_visible:
        if hearing.in_breach:
            tags.append(format_html(TAG, "red", "In breach"))
        tags.append(risk_flags(getattr(hearing.case, "risk", None)))
    if hearing.in_custody:
        tags.append(format_html(TAG, "grey", "In custody"))
    report = getattr(hearing, "report", None)  # a report is asked for on few hearings
    if report is not None and report.state != "FINAL":
        colour = "red" if report.due_date <= today else "yellow"
        tags.append(format_html(TAG, colour, f"Report due {date_format(report.due_date, 'j M')}"))
    return mark_safe(" ".join(t for t in tags if t))


def _born(day) -> str:
    return date_format(day, "j M Y") if day else "not given"


@register.simple_tag
def hearing_rows(hearings, today) -> str:
    """Each hearing (from desist.courts.selectors.court_day) as a row of the list."""
    link = reverse("courts:hearing", args=[0]).replace("0", "{}")
    return format_html_join(
        "\n",
        ROW,
        (
            (
                hearing.get_session_display(),
                hearing.courtroom,
                hearing.list_number,
                link.format(hearing.pk),
                hearing.defendant_name,
                date_format(hearing.date_of_birth, "j M Y")
                if hearing.date_of_birth
                else "not given",
                hearing.probation_status_label,
                hearing.get_match_status_display(),
                _tags(hearing, today),
            )
            for hearing in hearings
        ),
    )
