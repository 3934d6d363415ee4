"""GOV.UK forms for pre-release work: the weeks filter and the resettlement plan."""

from django import forms

from desist.core.forms import GovukDateField
from desist.organisation.models import Prison
from desist.prerelease.constants import NEED_STATUS_CHOICES, RELEASE_ACCOMMODATION_CHOICES
from desist.prerelease.selectors import DEFAULT_WEEKS
from desist.rules.pre_release import PATHWAY_LABELS, Pathway


class WorklistFilterForm(forms.Form):
    weeks = forms.IntegerField(
        label="Released within (weeks)",
        min_value=1,
        max_value=52,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter the number of weeks as a whole number, like 12",
            "min_value": "Enter at least 1 week",
            "max_value": "Enter no more than 52 weeks",
        },
    )

    def weeks_wanted(self) -> int:
        return (self.is_valid() and self.cleaned_data["weeks"]) or DEFAULT_WEEKS


class ResettlementForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    prison = forms.ModelChoiceField(
        label="Prison",
        queryset=Prison.objects.order_by("name"),
        required=False,
        empty_label="Not known",
    )
    release_address = forms.CharField(
        label="Address on release",
        max_length=200,
        required=False,
        help_text="Where the person will live when they are released",
    )
    release_accommodation = forms.ChoiceField(
        label="Accommodation on release",
        choices=[("", "Not known yet"), *RELEASE_ACCOMMODATION_CHOICES],
        required=False,
    )
    address_confirmed = forms.BooleanField(
        label="The address is confirmed",
        help_text="Checked and approved, with the person able to go there on release",
        required=False,
    )
    licence_proposed_on = GovukDateField(
        label="Release plan and licence conditions proposed to the prison on",
        help_text="For example, 27 3 2027",
        required=False,
        max_today=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for pathway in Pathway:
            label = PATHWAY_LABELS[pathway]
            self.fields[f"status_{pathway}"] = forms.ChoiceField(
                label=label,
                choices=NEED_STATUS_CHOICES,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"notes_{pathway}"] = forms.CharField(
                label=f"{label}: notes", widget=forms.Textarea, required=False
            )

    def pathways(self):
        """Each pathway's status and notes fields, for the template to show together."""
        return [(self[f"status_{p}"], self[f"notes_{p}"]) for p in Pathway]

    def clean(self):
        data = super().clean()
        if data.get("address_confirmed") and not data.get("release_address"):
            self.add_error("release_address", "Enter the address before confirming it")
        for pathway in Pathway:
            if data.get(f"notes_{pathway}") and not data.get(f"status_{pathway}"):
                self.add_error(
                    f"status_{pathway}", f"Select the status of {PATHWAY_LABELS[pathway].lower()}"
                )
        return data

    def details(self) -> dict:
        data = self.cleaned_data
        return {
            "prison": data["prison"],
            "release_address": data["release_address"],
            "release_accommodation": data["release_accommodation"],
            "address_confirmed": data["address_confirmed"],
            "licence_proposed_on": data["licence_proposed_on"],
            "needs": {p: (data[f"status_{p}"], data[f"notes_{p}"]) for p in Pathway},
        }
