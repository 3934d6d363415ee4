from django import forms

from desist.core.forms import GovukDateField
from desist.risk import scoring
from desist.risk.constants import (
    RECORDED_CHANGES,
    EnquiryKind,
    EnquiryOutcome,
    MappaCategory,
    MappaLevel,
    RegistrationType,
    RoshLevel,
)
from desist.risk.models import OffenceCode, RoshAssessment
from desist.risk.services import LEVEL_FIELDS, OFFENCE_FIELDS, ROSH_FIELDS
from desist.rules import actuarial


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


def _count(label: str, what: str, *, required: bool = True, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=200,
        required=required,
        error_messages={
            "required": f"Enter the number of {what}",
            "min_value": f"Number of {what} must be 0 or more",
            "max_value": f"Number of {what} must be 200 or fewer",
            "invalid": f"Number of {what} must be a whole number",
        },
        **kwargs,
    )


SEXUAL_COUNTS = (
    "contact_adult_sanctions",
    "contact_child_sanctions",
    "non_contact_sanctions",
    "image_sanctions",
)


class ScoresForm(forms.Form):
    """The static predictor inputs: the current offence and the criminal history (risk-tools.md
    §0). Which predictors they feed is decided by the assessment date (``scoring``)."""

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
    violent_sanctions = _count(
        "Number of violent sanctions, including this one if it was violent",
        "violent sanctions",
    )
    sexual_history = forms.TypedChoiceField(
        label="Has the person ever been sanctioned for a sexual offence?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the person has a sexual offence history"},
    )
    contact_adult_sanctions = _count(
        "Contact sexual sanctions against adults",
        "contact sanctions against adults",
        required=False,
        initial=0,
    )
    contact_child_sanctions = _count(
        "Contact sexual sanctions against children",
        "contact sanctions against children",
        required=False,
        initial=0,
    )
    non_contact_sanctions = _count(
        "Non-contact sexual sanctions, not counting images",
        "non-contact sanctions",
        required=False,
        initial=0,
    )
    image_sanctions = _count(
        "Sanctions for indecent images of children", "image sanctions", required=False, initial=0
    )
    most_recent_sexual_sanction = _date("Date of the most recent sexual sanction", required=False)
    stranger_victim = forms.BooleanField(
        label="A victim of a sexual offence was a stranger", required=False
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        total = data["total_sanctions"]
        if data["violent_sanctions"] > total:
            self.add_error(
                "violent_sanctions", "Violent sanctions cannot be more than all the sanctions"
            )
        counts = {name: data.get(name) or 0 for name in SEXUAL_COUNTS}
        if data["sexual_history"]:
            if sum(counts.values()) > total:
                self.add_error(
                    "contact_adult_sanctions",
                    "Sexual sanctions cannot be more than all the sanctions",
                )
            if not data.get("most_recent_sexual_sanction"):
                self.add_error(
                    "most_recent_sexual_sanction",
                    "Enter the date of the most recent sexual sanction",
                )
        elif any(counts.values()) or data.get("stranger_victim"):
            self.add_error(
                "sexual_history",
                "Select yes if the person has sexual sanctions, or leave their numbers at 0",
            )
        if self.errors:
            return data
        inputs = self.inputs(data, counts)
        try:
            scoring.score(case=self.case, assessed_on=data["assessed_on"], inputs=inputs)
        except scoring.NotScorable as error:
            raise forms.ValidationError(str(error)) from None
        data["inputs"] = inputs
        return data

    @staticmethod
    def inputs(data, counts) -> dict:
        """The inputs as kept with the scores (JSON: dates as ISO text)."""
        sexual = data["sexual_history"]
        inputs = {
            "offence_code": data["offence_code"],
            "conviction_date": data["conviction_date"].isoformat(),
            "start_of_follow_up": data["start_of_follow_up"].isoformat(),
            "total_sanctions": data["total_sanctions"],
            "age_at_first_sanction": data["age_at_first_sanction"],
            "violent_sanctions": data["violent_sanctions"],
            "sexual_history": sexual,
        }
        if sexual:
            inputs |= counts | {
                "most_recent_sexual_sanction": data["most_recent_sexual_sanction"].isoformat(),
                "stranger_victim": data["stranger_victim"],
            }
        return inputs


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


class SignificantChangeForm(forms.Form):
    """A new relationship or contact with children; new charges and addresses are recorded
    where they happen (a new event, a new main address)."""

    kind = forms.ChoiceField(
        label="What has changed?",
        choices=[(kind.value, kind.label) for kind in RECORDED_CHANGES],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what has changed"},
    )
    happened_on = _date("Date of the change")
    detail = forms.CharField(
        label="Who is involved",
        max_length=200,
        help_text="For example, a new partner, Sam, who has two children under 10",
        error_messages={
            "required": "Enter who is involved",
            "max_length": "Who is involved must be 200 characters or fewer",
        },
    )


def _options(*values: str) -> list[tuple[str, str]]:
    return [(v, v.replace("_", " ").capitalize() if v else "None") for v in values]


class OffenceCodeForm(forms.ModelForm):
    """One offence code's categories and weights, checked as the predictors will read them."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = OffenceCode
        fields = OFFENCE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = {
            "actuarial_category_2026": _options(
                actuarial.CATEGORY_2026_NOT_SCORED, *actuarial.categories_2026()
            ),
            "ogrs3_category": _options(
                "", *actuarial.OGRS3_NOT_SCORED, *actuarial.ogrs3_categories()
            ),
            "opd_violent_or_sexual": [("Y", "Yes"), ("N", "No")],
            "is_violent_sanction": [("Y", "Yes"), ("N", "No")],
        }
        for name, options in choices.items():
            self.fields[name] = forms.ChoiceField(
                label=self.fields[name].label, choices=options, required=False
            )
        self.fields["detail"].widget = forms.Textarea(attrs={"rows": 3})
        self.fields["offence"].error_messages["required"] = "Enter the offence"

    def clean(self):
        data = super().clean()
        row = {"ho_offence_code": self.instance.ho_offence_code}
        row |= {name: data.get(name) or "" for name in OFFENCE_FIELDS}
        for column, message in actuarial.offence_row_problems(row):
            if column in self.fields and column not in self.errors:
                label = self.fields[column].label
                self.add_error(column, f"{label} {message}")
        return data

    def row(self) -> dict[str, str]:
        return {name: (self.cleaned_data[name] or "").strip() for name in OFFENCE_FIELDS}


MAX_MAP_BYTES = 5 * 1024 * 1024
SHOWN_PROBLEMS = 50


class OffenceMapUploadForm(forms.Form):
    file = forms.FileField(
        label="Offence map (CSV file)",
        help_text="The whole map, one row per Home Office offence code, with the same headings as "
        "the download: " + ", ".join(actuarial.OFFENCE_MAP_COLUMNS) + ".",
        error_messages={"required": "Select an offence map file"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_MAP_BYTES:
            raise forms.ValidationError("The file must be smaller than 5MB")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError("The file must be a CSV file saved as UTF-8") from None

    def refuse(self, problems) -> None:
        """Each bad row on the form, by row number and column (the first 50 of them)."""
        for problem in problems[:SHOWN_PROBLEMS]:
            self.add_error("file", str(problem))
        if len(problems) > SHOWN_PROBLEMS:
            self.add_error("file", f"and {len(problems) - SHOWN_PROBLEMS} more problems")
