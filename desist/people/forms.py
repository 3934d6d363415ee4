from django import forms

from desist.core.forms import GovukDateField
from desist.organisation.models import Team
from desist.people.constants import (
    AddressStatus,
    AddressType,
    ContactRelationship,
    DisabilityType,
    Ethnicity,
    Gender,
)
from desist.people.identifiers import normalise_pnc


class PersonalDetailsForm(forms.Form):
    first_name = forms.CharField(max_length=50, error_messages={"required": "Enter a first name"})
    middle_names = forms.CharField(max_length=100, required=False)
    last_name = forms.CharField(max_length=50, error_messages={"required": "Enter a last name"})
    preferred_name = forms.CharField(max_length=50, required=False)
    date_of_birth = GovukDateField(
        label="Date of birth",
        help_text="For example, 27 3 1985",
        max_today=True,
        error_messages={"required": "Enter a date of birth"},
    )
    gender = forms.ChoiceField(
        choices=Gender.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a gender"},
    )
    pnc = forms.CharField(
        label="PNC number", required=False, help_text="For example, 2004/0046583U"
    )
    prison_number = forms.RegexField(
        label="Prison number",
        regex=r"^[A-Za-z]\d{4}[A-Za-z]{2}$",
        required=False,
        help_text="For example, A1234BC",
        error_messages={"invalid": "Enter a prison number in the format A1234BC"},
    )
    phone = forms.CharField(label="Telephone", max_length=30, required=False)
    mobile = forms.CharField(label="Mobile", max_length=30, required=False)
    email = forms.EmailField(
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    language = forms.CharField(label="Main language", max_length=50, initial="English")
    interpreter_required = forms.BooleanField(label="Needs an interpreter", required=False)
    ethnicity = forms.ChoiceField(
        choices=[("", "Not recorded"), *Ethnicity.choices], required=False
    )
    religion = forms.CharField(label="Religion or belief", max_length=50, required=False)
    sexual_orientation = forms.CharField(max_length=50, required=False)

    def clean_pnc(self):
        value = self.cleaned_data["pnc"].strip()
        if not value:
            return ""
        normalised = normalise_pnc(value)
        if normalised is None:
            raise forms.ValidationError(
                "Enter a PNC number in the format 2004/0046583U, with the right check letter"
            )
        return normalised

    def clean_prison_number(self):
        return self.cleaned_data["prison_number"].upper()

    def clean_first_name(self):
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self):
        return self.cleaned_data["last_name"].strip()


class EditPersonalDetailsForm(PersonalDetailsForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class CaseCreateForm(PersonalDetailsForm):
    team = forms.ModelChoiceField(
        queryset=Team.objects.select_related("pdu"),
        error_messages={"required": "Select the team that will hold the case"},
    )


class AddressForm(forms.Form):
    status = forms.ChoiceField(
        choices=AddressStatus.choices,
        widget=forms.RadioSelect,
        initial=AddressStatus.MAIN,
        error_messages={"required": "Select whether this is the main address"},
    )
    type = forms.ChoiceField(label="Type of accommodation", choices=AddressType.choices)
    line_1 = forms.CharField(label="Address line 1", max_length=100, required=False)
    line_2 = forms.CharField(label="Address line 2", max_length=100, required=False)
    town = forms.CharField(label="Town or city", max_length=60, required=False)
    county = forms.CharField(max_length=60, required=False)
    postcode = forms.RegexField(
        regex=r"^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$",
        required=False,
        error_messages={"invalid": "Enter a real postcode, like SW1A 2AA"},
    )
    start_date = GovukDateField(
        label="Date they started living here",
        error_messages={"required": "Enter the date they started living here"},
    )

    def clean_postcode(self):
        return " ".join(self.cleaned_data["postcode"].upper().split())

    def clean(self):
        data = super().clean()
        if data.get("type") != AddressType.NO_FIXED_ABODE and not (
            data.get("line_1") and data.get("postcode")
        ):
            self.add_error("line_1", "Enter the first line of the address and the postcode")
        return data


class PersonalContactForm(forms.Form):
    relationship = forms.ChoiceField(
        choices=ContactRelationship.choices,
        error_messages={"required": "Select their relationship to the person"},
    )
    name = forms.CharField(max_length=100, error_messages={"required": "Enter their name"})
    phone = forms.CharField(label="Telephone", max_length=30, required=False)
    email = forms.EmailField(
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    address = forms.CharField(required=False, widget=forms.Textarea)
    notes = forms.CharField(required=False, widget=forms.Textarea)


class DisabilityForm(forms.Form):
    type = forms.ChoiceField(
        label="Disability or condition",
        choices=DisabilityType.choices,
        error_messages={"required": "Select the disability or condition"},
    )
    adjustments = forms.CharField(
        label="Reasonable adjustments",
        required=False,
        widget=forms.Textarea,
        help_text="For example, appointments on the ground floor, or written reminders",
    )
    start_date = GovukDateField(label="Date recorded", required=False)


class AliasForm(forms.Form):
    first_name = forms.CharField(max_length=50, error_messages={"required": "Enter a first name"})
    last_name = forms.CharField(max_length=50, error_messages={"required": "Enter a last name"})
    date_of_birth = GovukDateField(
        label="Date of birth used with this name", required=False, max_today=True
    )
