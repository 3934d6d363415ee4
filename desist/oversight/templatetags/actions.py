"""The table of a practitioner's actions, built in Python: a practitioner can have hundreds of
open actions, and a template loop costs several times as much per row."""

from datetime import date

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NEW = ' <strong class="govuk-tag govuk-tag--red">Overdue since last meeting</strong>'


def _row(action, new: bool) -> str:
    detail = (
        f'<br><span class="govuk-body-s">{escape(action.detail)}</span>' if action.detail else ""
    )
    person = (
        f'{escape(action.name)}<br><span class="govuk-body-s">{escape(action.crn)}</span>'
        if action.crn
        else ""
    )
    due = action.due
    return (
        '<tr class="govuk-table__row"><td class="govuk-table__cell">'
        f'<a class="govuk-link" href="{escape(action.url)}">{escape(action.kind)}</a>'
        f'{NEW if new else ""}{detail}</td><td class="govuk-table__cell">{person}</td>'
        f'<td class="govuk-table__cell desist-nowrap">{due.day} {MONTHS[due.month]} {due.year}'
        "</td></tr>"
    )


@register.simple_tag
def actions_table(
    actions,
    caption: str,
    empty: str,
    *,
    hidden_caption=False,
    new_since: date | None = None,
    total: int | None = None,
):
    """Action, person and due date, one row per action; ``new_since`` marks those that fell
    due since then (the weekly meeting's last one); ``total``, when more than are shown, says
    so and links to all of them."""
    if not actions:
        return mark_safe(f'<p class="govuk-body">{escape(empty)}</p>')
    hidden = " govuk-visually-hidden" if hidden_caption else " govuk-table__caption--s"
    rows = "".join(_row(a, new_since is not None and a.due >= new_since) for a in actions)
    more = ""
    if total is not None and total > len(actions):
        more = (
            f'<p class="govuk-body">Showing {len(actions)} of {total}. '
            f'<a class="govuk-link" href="{reverse("oversight:actions")}">'
            "See all your actions</a></p>"
        )
    return mark_safe(
        f'<table class="govuk-table"><caption class="govuk-table__caption{hidden}">'
        f'{escape(caption)}</caption><thead class="govuk-table__head"><tr class="govuk-table__row">'
        '<th scope="col" class="govuk-table__header">Action</th>'
        '<th scope="col" class="govuk-table__header">Person</th>'
        '<th scope="col" class="govuk-table__header">Due</th></tr></thead>'
        f'<tbody class="govuk-table__body">{rows}</tbody></table>{more}'
    )
