"""Draws a desist.workforce.charts.BarChart as SVG, in Python: the team page's two charts
have a few dozen bars and segments, which a template loop makes the page's largest cost."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from desist.workforce.charts import BarChart

register = template.Library()


@register.simple_tag
def bar_chart(chart: BarChart, chart_id: str):
    parts = [
        '<figure class="desist-chart govuk-!-margin-0 govuk-!-margin-bottom-4">'
        f'<svg class="desist-chart__svg" viewBox="0 0 {chart.width} {chart.height}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title" focusable="false">'
        f'<title id="{escape(chart_id)}-title">{escape(chart.title)}. '
        "The same figures are in the table below.</title>"
    ]
    for bar in chart.bars:
        middle = bar.y + 9
        parts.append(
            f'<text x="{chart.left - 8}" y="{middle}" text-anchor="end" '
            f'dominant-baseline="middle">{escape(Truncator(bar.label).chars(24))}</text>'
        )
        parts.extend(
            f'<rect x="{s.x}" y="{bar.y}" width="{s.width}" '
            f'height="{chart.bar_height}" fill="{escape(s.colour)}"/>'
            for s in bar.segments
            if s.width
        )
        parts.append(
            f'<text x="{bar.text_x}" y="{middle}" dominant-baseline="middle">'
            f"{escape(bar.text)}</text>"
        )
    if chart.marker is not None:
        parts.append(
            f'<line x1="{chart.marker_x}" x2="{chart.marker_x}" y1="0" '
            f'y2="{chart.height}" stroke="#0b0c0c" stroke-width="2" '
            'stroke-dasharray="4 3"/>'
        )
    parts.append("</svg>")
    if chart.key:
        key = " · ".join(
            '<svg width="14" height="14" aria-hidden="true" focusable="false">'
            f'<rect width="14" height="14" fill="{escape(colour)}"/></svg> {escape(name)}'
            for colour, name in chart.key
        )
        parts.append(f'<figcaption class="govuk-body-s">{key}</figcaption>')
    parts.append("</figure>")
    return mark_safe("".join(parts))
