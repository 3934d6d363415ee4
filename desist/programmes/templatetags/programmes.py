"""The session register's fields: each member's hidden version and their outcome fields, in
one tag so a twelve-person register's sixty fields need no template each."""

from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from desist.core.fields import govuk_field

register = template.Library()


@register.simple_tag
def register_fields(*bound_fields) -> SafeString:
    """{% register_fields fields.version fields.outcome fields.notes %}"""
    return mark_safe(
        "\n".join(
            _hidden(bound)
            if isinstance(bound.field.widget, forms.HiddenInput)
            else govuk_field(bound)
            for bound in bound_fields
        )
    )


def _hidden(bound) -> str:
    """As Django renders a hidden input: no value attribute when there is no value."""
    value = bound.value()
    return format_html(
        '<input type="hidden" name="{}"{} id="{}">',
        bound.html_name,
        "" if value is None or value == "" else format_html(' value="{}"', value),
        bound.auto_id,
    )
