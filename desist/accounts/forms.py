from django import forms
from django.contrib.auth import authenticate

from desist.audit.models import Action
from desist.audit.services import audit_record


class SignInForm(forms.Form):
    username = forms.CharField(
        label="Username",
        widget=forms.TextInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
    password = forms.CharField(label="Password", widget=forms.PasswordInput)

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        username, password = data.get("username"), data.get("password")
        if username and password:
            # The request goes to authenticate() so django-axes can count failures.
            self.user = authenticate(self.request, username=username, password=password)
            if self.user is None:
                audit_record(
                    actor=None,
                    action=Action.SIGN_IN_FAILED,
                    detail={"username": username[:150]},
                    request=self.request,
                )
                raise forms.ValidationError(
                    "Enter a correct username and password. "
                    "After 5 wrong attempts you will have to wait 30 minutes."
                )
        return data


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Security code",
        help_text="The 6-digit code from your authenticator app",
        max_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )

    def __init__(self, device, *args, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_token(self):
        token = self.cleaned_data["token"].strip().replace(" ", "")
        if not token.isdigit() or len(token) != 6:
            raise forms.ValidationError("Enter the 6-digit security code")
        if not self.device.verify_token(token):
            raise forms.ValidationError("The security code is wrong or has expired: try again")
        return token
