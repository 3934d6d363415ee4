"""GOV.UK forms for recording enforcement, the breach report, recall and the SPO's decision.
The forms check what was typed; the rules that hold whoever calls them are in the services."""

from django import forms

from desist.core.forms import GovukDateField
from desist.enforcement.constants import WITHDRAWALS, EnforcementCode, RecallType


class ActionForm(forms.Form):
    code = forms.ChoiceField(
        label="Action",
        choices=[("", "Select the action"), *EnforcementCode.choices],
        error_messages={"required": "Select the action"},
    )
    on = GovukDateField(
        label="Date of the action",
        max_today=True,
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date of the action"},
    )
    withdraws = GovukDateField(
        label="Date of the warning withdrawn",
        required=False,
        help_text="Only for a withdrawal. Leave blank to withdraw the latest warning",
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)

    def clean(self):
        data = super().clean()
        if data.get("withdraws") and data.get("code") not in WITHDRAWALS:
            self.add_error("withdraws", "Only a withdrawal names the warning it withdraws")
        return data


class BreachReportForm(forms.Form):
    account = forms.CharField(
        label="Your account of the failures",
        widget=forms.Textarea,
        help_text="What happened, what the person said, and the steps you took to secure "
        "compliance. The court reads this.",
        error_messages={"required": "Enter your account of the failures"},
    )


class RecallForm(forms.Form):
    reasons = forms.CharField(
        label="Why recall is being considered",
        widget=forms.Textarea,
        help_text="The behaviour, and how it raises the risk of harm or reoffending",
        error_messages={"required": "Enter why recall is being considered"},
    )
    alternatives = forms.CharField(
        label="Alternatives to recall tried or considered",
        widget=forms.Textarea,
        help_text="For example, a warning, more frequent reporting, an added licence condition",
        error_messages={"required": "Enter the alternatives to recall tried or considered"},
    )
    conditions = forms.ModelMultipleChoiceField(
        queryset=None,
        label="Licence conditions breached",
        error_messages={"required": "Select the licence conditions breached"},
    )
    charged_with_new_offence = forms.BooleanField(
        label="Charged with a new offence", required=False
    )
    recall_type = forms.ChoiceField(
        label="Recall type",
        choices=RecallType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the recall type"},
    )
    override_reason = forms.CharField(
        label="Reason for not asking for the suggested type",
        widget=forms.Textarea,
        required=False,
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["conditions"].queryset = event.licence_conditions.all()


class DecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("countersign", "Countersign the recall"), ("reject", "Reject it")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select your decision"},
    )
    rationale = forms.CharField(
        label="Rationale",
        widget=forms.Textarea,
        error_messages={"required": "Enter the rationale for your decision"},
    )
