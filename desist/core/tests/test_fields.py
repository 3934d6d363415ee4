"""Every kind of field as a GOV.UK form group: label (optional marked), hint and error
linked by aria-describedby, the control keeping what was typed, and everything escaped."""

from django import forms

from desist.core.fields import govuk_field
from desist.core.forms import GovukDateField


class Everything(forms.Form):
    name = forms.CharField(label="Name <b>", help_text="As on the order")
    notes = forms.CharField(widget=forms.Textarea, required=False)
    kind = forms.ChoiceField(choices=[("A", "Apple & pear"), ("B", "Banana")])
    colour = forms.ChoiceField(choices=[("R", "Red"), ("G", "Green")], widget=forms.RadioSelect)
    agreed = forms.BooleanField(required=False, help_text="Tick if agreed")
    on = GovukDateField(label="Date")
    secret = forms.CharField(widget=forms.PasswordInput)


def test_an_unbound_field_has_its_label_hint_and_value():
    form = Everything(initial={"name": 'O"Brien', "kind": "B"})
    name = govuk_field(form["name"], "govuk-input--width-20")
    assert '<label class="govuk-label" for="id_name">Name &lt;b&gt;</label>' in name
    assert '<div id="id_name-hint" class="govuk-hint">As on the order</div>' in name
    assert 'class="govuk-input govuk-input--width-20"' in name
    assert 'value="O&quot;Brien"' in name and 'aria-describedby="id_name-hint"' in name
    assert "(optional)" in govuk_field(form["notes"])
    kind = govuk_field(form["kind"])
    assert '<option value="B" selected>Banana</option>' in kind and "Apple &amp; pear" in kind
    assert 'type="radio" value="G"' in govuk_field(form["colour"])
    assert 'autocomplete="current-password"' in govuk_field(form["secret"])
    assert "value=" not in govuk_field(form["secret"])


def test_a_field_in_error_is_marked_and_keeps_what_was_typed():
    form = Everything(data={"name": "", "notes": "typed <here>", "on_day": "31", "on_month": "2"})
    assert not form.is_valid()
    name = govuk_field(form["name"])
    assert 'class="govuk-form-group govuk-form-group--error"' in name
    assert 'aria-describedby="id_name-hint id_name-error"' in name
    assert '<p id="id_name-error" class="govuk-error-message">' in name
    assert "govuk-input--error" in name
    assert ">typed &lt;here&gt;</textarea>" in govuk_field(form["notes"])
    date = govuk_field(form["on"])
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Date</legend>' in date
    assert 'name="on_day" type="text" inputmode="numeric" value="31"' in date
    assert date.count("govuk-input--error") == 3
    agreed = govuk_field(form["agreed"])
    assert 'aria-describedby="id_agreed-hint"' in agreed and "checked" not in agreed
