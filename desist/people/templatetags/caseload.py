"""The caseload's rows, drawn in Python: a practitioner's forty or so cases each have seven
cells, and a template loop over them was over half of the page's time."""

from django import template
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, format_html_join

from desist.interventions.templatetags.interventions import accommodation_cell

register = template.Library()

ROW = (
    '<tr class="govuk-table__row">'
    '<td class="govuk-table__cell"><a class="govuk-link" href="{}">{}</a></td>'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell desist-nowrap">{}</td>'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell desist-nowrap">{}</td>'
    '<td class="govuk-table__cell">{}</td>'
    "</tr>"
)


def _tier(risk) -> str:
    if risk is None or not risk.tier_v2:
        return "Not calculated"
    return format_html(
        '{}<br><span class="govuk-body-s">v3 {}{}</span>',
        risk.tier_v2,
        risk.tier_v3 or "–",
        " (provisional)" if risk.tier_v3_provisional else "",
    )


@register.simple_tag
def caseload_rows(cases) -> str:
    """Each case (from desist.people.selectors.caseload) as a row of the caseload table."""
    link = reverse("people:case", args=["CRN"]).replace("CRN", "{}")
    rows = []
    for case in cases:
        risk = getattr(case, "risk", None)  # no row until risk is first recorded
        addresses = case.main_address_list
        rows.append(
            (
                link.format(case.crn),
                case.listed_name,
                case.crn,
                date_format(case.date_of_birth, "j M Y"),
                ", ".join(str(a) for a in addresses) if addresses else "No main address",
                accommodation_cell(case.accommodation),
                _tier(risk),
                (risk.get_rosh_display() if risk else "") or "Not assessed",
            )
        )
    return format_html_join("\n", ROW, rows)
