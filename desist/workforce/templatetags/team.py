"""The team page's table of practitioners, drawn in Python: a row has a dozen figures and
tags, and a template loop over a team's rows was a third of the page's time."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

register = template.Library()

RED_TAG = '<strong class="govuk-tag govuk-tag--red">{}</strong>'
ROW = (
    '<tr class="govuk-table__row">'
    '<th scope="row" class="govuk-table__header"><a class="govuk-link" href="{}">{}</a><br>'
    '<span class="govuk-body-s">{}</span></th>'
    '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
    '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
    '<td class="govuk-table__cell">{} / {} / {} / {} / {}</td>'
    '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
    '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
    "</tr>"
)


def _capacity(capacity) -> str:
    if capacity.percent > 100:
        return format_html(RED_TAG, f"{capacity.percent}%")
    return "No capacity" if capacity.no_available_points else f"{capacity.percent}%"


def _seen(row) -> str:
    if not row.cases:
        return "No cases"
    return format_html(
        '{}% <span class="govuk-body-s">({} of {})</span>', row.seen_percent, row.seen, row.cases
    )


@register.simple_tag
def team_rows(rows) -> str:
    """Each practitioner's row (a desist.workforce.selectors.TeamRow)."""
    return format_html_join(
        "\n",
        ROW,
        (
            (
                reverse("workforce:practitioner", args=[row.staff.pk]),
                row.staff.get_full_name(),
                row.staff.get_grade_display(),
                row.load.case_count,
                _capacity(row.load.capacity),
                *(row.load.tier_mix[k] for k in ("A", "B", "C", "D", "none")),
                format_html(RED_TAG, row.overdue) if row.overdue else "0",
                _seen(row),
            )
            for row in rows
        ),
    )
