"""Template tags that render Django form fields as GOV.UK Design System components
(desist.core.fields), the error summary and the menu."""

from django import template
from django.utils.safestring import mark_safe

from desist.core.fields import field_kind, govuk_field
from desist.core.navigation import menu_items

register = template.Library()


@register.simple_tag
def field(bound_field, classes: str = ""):
    """{% field form.first_name "govuk-input--width-20" %}"""
    return mark_safe(govuk_field(bound_field, classes))


@register.inclusion_tag("govuk/error_summary.html")
def error_summary(*forms_):
    """The error summary: every error on the page, each linking to its field."""
    errors = []
    for form in forms_:
        if form is None or not form.is_bound:
            continue
        errors += [{"href": "", "message": m} for m in form.non_field_errors()]
        for bound in form:
            target = bound.id_for_label if field_kind(bound) != "date" else f"{bound.auto_id}_0"
            errors += [{"href": f"#{target}", "message": m} for m in bound.errors]
    return {"errors": errors}


@register.simple_tag(takes_context=True)
def service_menu(context):
    """The menu's items for the signed-in member of staff (desist.core.navigation)."""
    return menu_items(frozenset(name for name, granted in context["can"].items() if granted))


@register.filter
def error_prefix(title: str, form) -> str:
    """Page titles start with "Error: " when the form has errors, as the Design System asks."""
    return f"Error: {title}" if form is not None and form.errors else title
