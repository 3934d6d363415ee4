from django import forms
from django.contrib.auth import get_user_model

from desist.access.models import AccessKind


class RestrictionForm(forms.Form):
    restricted = forms.BooleanField(
        label="Restrict this case to named staff",
        required=False,
        help_text="Only staff on the allowed list below will be able to open it.",
    )
    restriction_message = forms.CharField(
        label="Message shown to staff who are refused",
        max_length=300,
        required=False,
        widget=forms.Textarea,
    )


class AccessEntryForm(forms.Form):
    username = forms.CharField(label="Username of the member of staff", max_length=150)
    kind = forms.ChoiceField(
        label="Allow or exclude",
        choices=AccessKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to allow or exclude them"},
    )
    reason = forms.CharField(label="Reason", max_length=200)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        try:
            self.staff = get_user_model().objects.get(username=username, is_active=True)
        except get_user_model().DoesNotExist:
            raise forms.ValidationError(
                "There is no active member of staff with that username"
            ) from None
        return username
