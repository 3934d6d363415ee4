from django import forms

from desist.core.forms import GovukDateField
from desist.organisation.models import Court
from desist.sentences.constants import (
    AdditionalConditionCategory,
    LengthUnit,
    OffenceCategory,
    RequirementCategory,
    SentenceType,
    TerminationReason,
)


def _number(label: str, *, required: bool = False, help_text: str = "", **kwargs):
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        help_text=help_text,
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"{label} must be a whole number",
            "min_value": f"{label} must be 0 or more",
        },
        **kwargs,
    )


class EventForm(forms.Form):
    """A conviction with its main offence and the sentence passed on it. The law's limits on
    the sentence are checked by the service (desist.rules.requirements)."""

    offence_description = forms.CharField(
        label="Main offence", max_length=200, error_messages={"required": "Enter the main offence"}
    )
    offence_code = forms.RegexField(
        label="Home Office offence code",
        regex=r"^\d{5}$",
        help_text="5 digits, for example 10501",
        error_messages={
            "required": "Enter the Home Office offence code",
            "invalid": "Enter a Home Office offence code of 5 digits, like 10501",
        },
    )
    offence_category = forms.ChoiceField(
        label="Offence category",
        choices=[("", "Select a category"), *OffenceCategory.choices],
        error_messages={"required": "Select the offence category"},
    )
    offence_date = GovukDateField(
        label="Offence date", max_today=True, error_messages={"required": "Enter the offence date"}
    )
    conviction_date = GovukDateField(
        label="Conviction date",
        max_today=True,
        error_messages={"required": "Enter the conviction date"},
    )
    court = forms.ModelChoiceField(
        label="Sentencing court",
        queryset=Court.objects.all(),
        empty_label="Select a court",
        error_messages={"required": "Select the sentencing court"},
    )
    sentence_type = forms.ChoiceField(
        label="Sentence",
        choices=SentenceType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the sentence"},
    )
    sentence_date = GovukDateField(
        label="Sentence date",
        max_today=True,
        error_messages={"required": "Enter the sentence date"},
    )
    length = _number(
        "Length",
        required=True,
        help_text="The order's length, or the custodial term for custody and suspended sentences",
    )
    length_unit = forms.ChoiceField(
        label="Length in", choices=LengthUnit.choices, initial=LengthUnit.MONTHS
    )
    operational_months = _number(
        "Operational period", help_text="Suspended sentences only, in months"
    )
    supervision_months = _number(
        "Supervision period", help_text="Suspended sentences only, in months"
    )
    remand_days = _number("Days on remand", initial=0, help_text="Custody only")
    tagged_bail_days = _number("Days on tagged bail", initial=0, help_text="Custody only")

    def clean(self):
        data = super().clean()
        offence, convicted = data.get("offence_date"), data.get("conviction_date")
        sentenced, kind = data.get("sentence_date"), data.get("sentence_type")
        if offence and convicted and offence > convicted:
            self.add_error("offence_date", "Offence date must be on or before the conviction date")
        if convicted and sentenced and sentenced < convicted:
            self.add_error("sentence_date", "Sentence date must be on or after the conviction date")
        if data.get("length") == 0:
            self.add_error("length", "Length must be at least 1")
        if kind == SentenceType.SUSPENDED:
            for name in ("operational_months", "supervision_months"):
                if not data.get(name):
                    self.add_error(name, f"Enter the {self.fields[name].label.lower()}")
        else:
            data["operational_months"] = data["supervision_months"] = None
        if kind not in SentenceType.custodial():
            data["remand_days"] = data["tagged_bail_days"] = 0
        return data

    def service_arguments(self) -> dict:
        """The form's answers as event_create takes them."""
        data = dict(self.cleaned_data)
        offence = {
            name: data.pop(f"offence_{name}") for name in ("code", "description", "category")
        }
        offence["offence_date"] = data.pop("offence_date")
        data["remand_days"] = data["remand_days"] or 0
        data["tagged_bail_days"] = data["tagged_bail_days"] or 0
        return {"offence": offence, **data}


class RequirementForm(forms.Form):
    category = forms.ChoiceField(
        label="Requirement",
        choices=[("", "Select a requirement"), *RequirementCategory.choices],
        error_messages={"required": "Select a requirement"},
    )
    length = _number(
        "Length",
        required=True,
        help_text="Hours for unpaid work and attendance centre; days for rehabilitation "
        "activity, programmes and alcohol monitoring; months for the rest",
    )
    hours_per_day = _number("Curfew hours a day", help_text="Curfew only")
    days_per_week = _number("Curfew days a week", help_text="Curfew only")
    start_date = GovukDateField(
        label="Start date", required=False, help_text="Leave blank to start on the sentence date"
    )
    details = forms.CharField(
        label="Details",
        max_length=200,
        required=False,
        help_text="For example, the activity prohibited or the place of residence",
    )
    on_breach = forms.BooleanField(label="Imposed for a breach of the order", required=False)


class LicenceConditionForm(forms.Form):
    category = forms.ChoiceField(
        label="Additional condition",
        choices=[("", "Select a condition"), *AdditionalConditionCategory.choices],
        error_messages={"required": "Select a condition"},
    )
    text = forms.CharField(label="Wording", max_length=300, required=False, widget=forms.Textarea)
    address = forms.CharField(label="Address", max_length=200, required=False)
    times = forms.CharField(
        label="Times", max_length=100, required=False, help_text="For example, 7pm to 7am daily"
    )
    named_person = forms.CharField(label="Named person", max_length=100, required=False)
    exclusion_zone = forms.CharField(
        label="Exclusion zone",
        max_length=300,
        required=False,
        help_text="Describe the area, for example the streets that bound it",
    )
    victim_related = forms.BooleanField(
        label="This condition relates to a victim",
        required=False,
        help_text="The victim liaison officer will be asked to tell the victim",
    )


class TerminateForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    termination_date = GovukDateField(
        label="Termination date",
        max_today=True,
        error_messages={"required": "Enter the termination date"},
    )
    termination_reason = forms.ChoiceField(
        label="Reason",
        choices=TerminationReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a reason"},
    )
