"""Hours as practitioners write them: 7, 2.5, 2.75 (never 2.50)."""

from django import template

register = template.Library()


@register.filter
def hours(value) -> str:
    return "" if value is None else f"{round(value, 2):g}"
