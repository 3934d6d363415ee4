"""The session register's fields, built in Python.

A twelve-person register has sixty fields, and rendering each through the generic GOV.UK
field template ({% field %}, govuk/field.html) was most of the page's time. These give that
template's markup (classes, names, ids, labels, hints and error messages) for the few widgets
the register uses.
"""

from functools import lru_cache

from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def register_fields(*bound_fields) -> SafeString:
    """{% register_fields fields.version fields.outcome fields.notes %}"""
    return mark_safe("\n".join(map(_field, bound_fields)))


def _field(bound) -> str:
    widget = bound.field.widget
    if isinstance(widget, forms.HiddenInput):
        return _hidden(bound)
    if isinstance(widget, forms.CheckboxInput):
        return _checkbox(bound)
    return _labelled(bound, widget)


def _hidden(bound) -> str:
    """As Django renders a hidden input: no value attribute when there is no value."""
    value = bound.value()
    return format_html(
        '<input type="hidden" name="{}"{} id="{}">',
        bound.html_name,
        "" if value is None or value == "" else format_html(' value="{}"', value),
        bound.auto_id,
    )


def _group(errors) -> str:
    return "govuk-form-group govuk-form-group--error" if errors else "govuk-form-group"


def _checkbox(bound) -> str:
    """A single small checkbox; its label is not marked optional."""
    help_text = bound.help_text
    return format_html(
        '<div class="{group}">\n'
        '<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">\n'
        '<div class="govuk-checkboxes__item">\n'
        '<input class="govuk-checkboxes__input" id="{id}" name="{name}" type="checkbox"'
        "{checked}{described}>\n"
        '<label class="govuk-label govuk-checkboxes__label" for="{id}">{label}</label>\n'
        "{hint}</div>\n</div>\n</div>",
        group=_group(bound.errors),
        id=bound.auto_id,
        name=bound.html_name,
        checked=" checked" if bound.value() else "",
        described=format_html(' aria-describedby="{}-hint"', bound.auto_id) if help_text else "",
        label=bound.label,
        hint=format_html(
            '<div id="{}-hint" class="govuk-hint govuk-checkboxes__hint">{}</div>\n',
            bound.auto_id,
            help_text,
        )
        if help_text
        else "",
    )


def _labelled(bound, widget) -> str:
    """A text input, text area or select, under its label, hint and error message."""
    auto_id, errors, help_text = bound.auto_id, bound.errors, bound.help_text
    described = " ".join(
        [f"{auto_id}-hint"] * bool(help_text) + [f"{auto_id}-error"] * bool(errors)
    )
    return format_html(
        '<div class="{group}">\n'
        '<label class="govuk-label" for="{id}">{label}{optional}</label>\n'
        "{hint}{error}{control}\n</div>",
        group=_group(errors),
        id=auto_id,
        label=bound.label,
        optional="" if bound.field.required else " (optional)",
        hint=format_html('<div id="{}-hint" class="govuk-hint">{}</div>\n', auto_id, help_text)
        if help_text
        else "",
        error=format_html(
            '<p id="{}-error" class="govuk-error-message">{}</p>\n',
            auto_id,
            format_html_join(
                "<br>",
                '<span class="govuk-visually-hidden">Error:</span> {}',
                ((message,) for message in errors),
            ),
        )
        if errors
        else "",
        control=_control(bound, widget, errors, described),
    )


def _control(bound, widget, errors, described: str) -> str:
    value = bound.value()
    parts = {
        "id": bound.auto_id,
        "name": bound.html_name,
        "described": format_html(' aria-describedby="{}"', described) if described else "",
    }
    if isinstance(widget, forms.Select):
        return format_html(
            '<select class="govuk-select{error}" id="{id}" name="{name}"{described}>\n'
            "{options}\n</select>",
            error=" govuk-select--error" if errors else "",
            options=_options(tuple(bound.field.choices), str(value)),
            **parts,
        )
    if isinstance(widget, forms.Textarea):
        return format_html(
            '<textarea class="govuk-textarea{error}" id="{id}" name="{name}" rows="5"'
            "{described}>{value}</textarea>",
            error=" govuk-textarea--error" if errors else "",
            value="" if value is None else value,
            **parts,
        )
    return format_html(
        '<input class="govuk-input{error}" id="{id}" name="{name}" type="{type}" value="{value}"'
        "{described}>",
        error=" govuk-input--error" if errors else "",
        type=widget.input_type,
        value="" if value is None else value,
        **parts,
    )


def _options(choices: tuple, selected: str) -> SafeString:
    return mark_safe(
        "".join(
            f"{start}{' selected' if value == selected else ''}{end}"
            for value, start, end in _escaped_options(choices)
        )
    )


@lru_cache(maxsize=16)
def _escaped_options(choices: tuple) -> tuple[tuple[str, str, str], ...]:
    """Every member's select has the same options: escape them once, leaving room for
    "selected"."""
    return tuple(
        (str(value), format_html('<option value="{}"', value), format_html(">{}</option>", label))
        for value, label in choices
    )
