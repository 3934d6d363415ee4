"""GOV.UK forms for recording management oversight and what a weekly meeting agreed."""

from django import forms

from desist.oversight.constants import CASE_REASONS


class OversightForm(forms.Form):
    reason = forms.ChoiceField(
        label="Reason for oversight",
        choices=CASE_REASONS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the reason for oversight"},
    )
    notes = forms.CharField(
        label="Oversight notes",
        help_text="What you reviewed, what you decided and any actions for the practitioner.",
        widget=forms.Textarea,
        error_messages={"required": "Enter your oversight notes"},
    )


class WeeklyMeetingForm(forms.Form):
    """The cases discussed are chosen from the practitioner's caseload the SPO may see."""

    cases = forms.MultipleChoiceField(
        label="Cases discussed",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    agreed = forms.CharField(
        label="What was agreed",
        help_text="Recorded as management oversight on each case you select.",
        widget=forms.Textarea,
        error_messages={"required": "Enter what was agreed"},
    )

    def __init__(self, *args, caseload, **kwargs):
        super().__init__(*args, **kwargs)
        self.caseload = {case.crn: case for case in caseload}
        self.fields["cases"].choices = [
            (case.crn, f"{case.listed_name} ({case.crn})") for case in self.caseload.values()
        ]

    def chosen_cases(self):
        return [self.caseload[crn] for crn in self.cleaned_data["cases"]]
