"""A bound Django form field as a GOV.UK Design System form group, built in Python.

Every form in Desist draws its fields through this ({% field %} in templates), so it runs
dozens of times on a register or a filter form: a template per field cost more than the
rest of such pages. The markup is the Design System's: label (marked optional), hint, error
message, then the control, each linked by ids and aria-describedby.
"""

from django import forms
from django.utils.html import conditional_escape as escape
from django.utils.html import format_html

DATE_PARTS = (("Day", 2), ("Month", 2), ("Year", 4))


def field_kind(bound) -> str:
    widget = bound.field.widget
    if isinstance(widget, forms.MultiWidget):
        return "date"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


def _text(value) -> str:
    return "" if value is None else escape(value)


def govuk_field(bound, classes: str = "") -> str:
    """The form group for one bound field (escaped HTML, safe to mark safe)."""
    kind = field_kind(bound)
    auto_id, errors, help_text = bound.auto_id, bound.errors, bound.help_text
    hint_id, error_id = f"{auto_id}-hint", f"{auto_id}-error"
    ids = [hint_id] * bool(help_text) + [error_id] * bool(errors)
    described = f' aria-describedby="{" ".join(ids)}"' if ids else ""
    hint = f'<div id="{hint_id}" class="govuk-hint">{escape(help_text)}</div>' if help_text else ""
    error = (
        f'<p id="{error_id}" class="govuk-error-message">'
        + "<br>".join(
            f'<span class="govuk-visually-hidden">Error:</span> {escape(m)}' for m in errors
        )
        + "</p>"
        if errors
        else ""
    )
    group = "govuk-form-group govuk-form-group--error" if errors else "govuk-form-group"
    if kind in ("date", "radios"):
        control = _date(bound, errors) if kind == "date" else _radios(bound)
        inner = (
            f'<fieldset class="govuk-fieldset" role="group"{described}>'
            '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">'
            f"{escape(bound.label)}</legend>{hint}{error}{control}</fieldset>"
        )
    elif kind == "checkbox":
        inner = _checkbox(bound)
    else:
        optional = "" if bound.field.required else " (optional)"
        inner = (
            f'<label class="govuk-label" for="{bound.id_for_label}">{escape(bound.label)}'
            f"{optional}</label>{hint}{error}{_control(bound, kind, classes, described)}"
        )
    return f'<div class="{group}">{inner}</div>'


def _date(bound, errors) -> str:
    error = " govuk-input--error" if errors else ""
    items = "".join(
        '<div class="govuk-date-input__item"><div class="govuk-form-group">'
        f'<label class="govuk-label govuk-date-input__label" for="{sub["attrs"]["id"]}">'
        f"{part}</label>"
        f'<input class="govuk-input govuk-date-input__input govuk-input--width-{width}{error}"'
        f' id="{sub["attrs"]["id"]}" name="{sub["name"]}" type="text"'
        f' inputmode="numeric" value="{_text(sub["value"])}"></div></div>'
        for sub, (part, width) in zip(
            bound.subwidgets[0].data["subwidgets"], DATE_PARTS, strict=False
        )
    )
    return f'<div class="govuk-date-input" id="{bound.auto_id}">{items}</div>'


def _radios(bound) -> str:
    items = "".join(
        '<div class="govuk-radios__item">'
        f'<input class="govuk-radios__input" id="{radio.id_for_label}" name="{bound.html_name}"'
        f' type="radio" value="{_text(radio.data["value"])}"'
        f"{' checked' if radio.data['selected'] else ''}>"
        f'<label class="govuk-label govuk-radios__label" for="{radio.id_for_label}">'
        f"{escape(radio.choice_label)}</label></div>"
        for radio in bound
    )
    return f'<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">{items}</div>'


def _checkbox(bound) -> str:
    help_text, field_id = bound.help_text, bound.id_for_label
    described = f' aria-describedby="{bound.auto_id}-hint"' if help_text else ""
    hint = (
        f'<div id="{bound.auto_id}-hint" class="govuk-hint govuk-checkboxes__hint">'
        f"{escape(help_text)}</div>"
        if help_text
        else ""
    )
    return (
        '<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">'
        '<div class="govuk-checkboxes__item">'
        f'<input class="govuk-checkboxes__input" id="{field_id}" name="{bound.html_name}"'
        f' type="checkbox"{" checked" if bound.value() else ""}{described}>'
        f'<label class="govuk-label govuk-checkboxes__label" for="{field_id}">'
        f"{escape(bound.label)}</label>{hint}</div></div>"
    )


def _control(bound, kind: str, classes: str, described: str) -> str:
    field_id, name, errors = bound.id_for_label, bound.html_name, bound.errors
    if kind == "select":
        selected = str(bound.value())
        options = "".join(
            format_html(
                '<option value="{}"{}>{}</option>',
                value,
                " selected" if str(value) == selected else "",
                label,
            )
            for value, label in bound.field.choices
        )
        error = " govuk-select--error" if errors else ""
        return (
            f'<select class="govuk-select{error}" id="{field_id}" name="{name}"{described}>'
            f"{options}</select>"
        )
    if kind == "textarea":
        error = " govuk-textarea--error" if errors else ""
        return (
            f'<textarea class="govuk-textarea{error}" id="{field_id}" name="{name}" rows="5"'
            f"{described}>{_text(bound.value())}</textarea>"
        )
    widget = bound.field.widget
    input_type = widget.input_type
    base = "govuk-file-upload" if input_type == "file" else "govuk-input"
    error = f" {base}--error" if errors else ""
    value = "" if input_type == "password" else f' value="{_text(bound.value())}"'
    autocomplete = widget.attrs.get("autocomplete")
    extra = f' autocomplete="{escape(autocomplete)}"' if autocomplete else ""
    if input_type == "password":
        extra += ' autocomplete="current-password"'
    if widget.attrs.get("spellcheck"):
        extra += ' spellcheck="false"'
    return (
        f'<input class="{base} {escape(classes)}{error}" id="{field_id}" name="{name}"'
        f' type="{input_type}"{value}{extra}{described}>'
    )
