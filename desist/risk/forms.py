from django import forms

from desist.core.forms import GovukDateField
from desist.risk import scoring
from desist.risk.constants import (
    EnquiryKind,
    EnquiryOutcome,
    MappaCategory,
    MappaLevel,
    RegistrationType,
    RoshLevel,
)
from desist.risk.models import RoshAssessment
from desist.risk.services import LEVEL_FIELDS, ROSH_FIELDS


def _choose(choices, label: str, message: str, *, blank: str = "Select one") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=[("", blank), *choices], error_messages={"required": message}
    )


def _date(label: str, *, past: bool = True, required: bool = True, **kwargs) -> GovukDateField:
    return GovukDateField(
        label=label,
        max_today=past,
        required=required,
        help_text="For example, 27 3 2026",
        error_messages={"required": f"Enter the {label.lower()}"},
        **kwargs,
    )


class RegistrationForm(forms.Form):
    type = _choose(RegistrationType.choices, "Type", "Select the type of registration")
    mappa_category = forms.ChoiceField(
        label="MAPPA category", choices=[("", "Not MAPPA"), *MappaCategory.choices], required=False
    )
    mappa_level = forms.ChoiceField(
        label="MAPPA level", choices=[("", "Not MAPPA"), *MappaLevel.choices], required=False
    )
    registered_on = _date("Date registered")
    review_date = _date("Review date", past=False)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean(self):
        data = super().clean()
        if data.get("type") == RegistrationType.MAPPA:
            for name, what in (("mappa_category", "category"), ("mappa_level", "level")):
                if not data.get(name):
                    self.add_error(name, f"Select the MAPPA {what}")
        registered, review = data.get("registered_on"), data.get("review_date")
        if registered and review and review <= registered:
            self.add_error("review_date", "Review date must be after the date registered")
        return data


class DeregistrationForm(forms.Form):
    deregistered_on = _date("Date ended")
    reason = forms.CharField(
        label="Why is this registration ending?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the registration is ending"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class RoshForm(forms.ModelForm):
    assessed_on = _date("Date of assessment")

    class Meta:
        model = RoshAssessment
        fields = ROSH_FIELDS
        widgets = {
            name: forms.Textarea(attrs={"rows": 3}) for name in ROSH_FIELDS[len(LEVEL_FIELDS) + 1 :]
        }
        error_messages = {"nature_of_harm": {"required": "Describe the nature of the harm"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in LEVEL_FIELDS:
            field = self.fields[name]
            field.choices = [("", "Not rated"), *RoshLevel.choices]
            field.required = name.endswith("_community") or name == "prisoners_custody"
            field.error_messages["required"] = (
                f"Select the level of risk to {field.label[0].lower()}{field.label[1:]}"
            )


class ScoresForm(forms.Form):
    assessed_on = _date("Date of assessment")
    offence_code = forms.RegexField(
        label="Home Office offence code",
        regex=r"^\d{5}$",
        help_text="5 digits: the offence and its subcode, for example 10400",
        error_messages={
            "required": "Enter the offence code",
            "invalid": "Enter the offence code as 5 digits, for example 10400",
        },
    )
    conviction_date = _date("Date of conviction")
    start_of_follow_up = _date(
        "Start of follow-up",
        past=False,
    )
    total_sanctions = forms.IntegerField(
        label="Number of sanctions, including this one",
        min_value=1,
        max_value=200,
        error_messages={
            "required": "Enter the number of sanctions",
            "min_value": "Number of sanctions must include this one (1 or more)",
            "max_value": "Number of sanctions must be 200 or fewer",
            "invalid": "Number of sanctions must be a whole number",
        },
    )
    age_at_first_sanction = forms.IntegerField(
        label="Age at first sanction",
        min_value=0,
        max_value=120,
        error_messages={
            "required": "Enter the age at first sanction",
            "min_value": "Age at first sanction must be 0 or more",
            "max_value": "Age at first sanction must be 120 or less",
            "invalid": "Age at first sanction must be a whole number",
        },
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        inputs = {
            "offence_code": data["offence_code"],
            "conviction_date": data["conviction_date"].isoformat(),
            "start_of_follow_up": data["start_of_follow_up"].isoformat(),
            "total_sanctions": data["total_sanctions"],
            "age_at_first_sanction": data["age_at_first_sanction"],
        }
        try:
            scoring.score(case=self.case, assessed_on=data["assessed_on"], inputs=inputs)
        except scoring.NotScorable as error:
            raise forms.ValidationError(str(error)) from None
        data["inputs"] = inputs
        return data


class EnquiryForm(forms.Form):
    kind = forms.ChoiceField(
        label="Check",
        choices=EnquiryKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select which check was requested"},
    )
    requested_on = _date("Date requested")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class EnquiryOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=EnquiryOutcome.choices[1:],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the reply"},
    )
    replied_on = _date("Date of reply")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)
