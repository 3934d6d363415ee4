"""GOV.UK forms for the agency directory, referrals, agency feedback and accommodation. The
forms check what was typed; the referral flow's rules hold in the services."""

from django import forms

from desist.core.forms import GovukDateField
from desist.interventions import selectors
from desist.interventions.constants import (
    Accommodation,
    RiskInformation,
    ServiceCategory,
    Urgency,
)
from desist.interventions.models import AgencyContact
from desist.interventions.services import AGENCY_FIELDS, REFERRAL_FIELDS
from desist.organisation.models import ProbationDeliveryUnit
from desist.plans.constants import NEED_CHOICES
from desist.rules import referrals as flow
from desist.supervision.constants import AppointmentType
from desist.supervision.forms import AppointmentForm


class DirectoryFilterForm(forms.Form):
    category = forms.ChoiceField(
        label="Service category",
        choices=[("", "All categories"), *ServiceCategory.choices],
        required=False,
    )
    pdu = forms.ModelChoiceField(
        label="Area covered",
        queryset=ProbationDeliveryUnit.objects.order_by("name"),
        required=False,
        empty_label="All areas",
    )


class AgencyForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(max_length=120, error_messages={"required": "Enter the agency's name"})
    category = forms.ChoiceField(
        label="Service category",
        choices=ServiceCategory.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the service category"},
    )
    description = forms.CharField(
        label="What the agency offers", widget=forms.Textarea, required=False
    )
    phone = forms.CharField(label="Telephone", max_length=30, required=False)
    email = forms.EmailField(
        required=False, error_messages={"invalid": "Enter an email address like name@example.org"}
    )
    address = forms.CharField(widget=forms.Textarea, required=False)
    pdus = forms.ModelMultipleChoiceField(
        label="Areas covered",
        queryset=ProbationDeliveryUnit.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one area the agency covers"},
    )
    active = forms.BooleanField(
        label="Show this agency in the directory", required=False, initial=True
    )

    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in AGENCY_FIELDS}


class AgencyContactForm(forms.Form):
    name = forms.CharField(max_length=100, error_messages={"required": "Enter the contact's name"})
    role = forms.CharField(max_length=100, required=False)
    email = forms.EmailField(
        required=False, error_messages={"invalid": "Enter an email address like name@example.org"}
    )
    phone = forms.CharField(label="Telephone", max_length=30, required=False)

    def details(self) -> dict:
        """A contact added here is current; one who leaves is marked inactive, not deleted."""
        return {**self.cleaned_data, "active": True}


class ReferralForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=selectors.agency_choices(),
        empty_label="Choose an agency",
        error_messages={"required": "Select the agency you are referring to"},
    )
    contact = forms.ModelChoiceField(
        label="Contact at the agency",
        queryset=AgencyContact.objects.filter(active=True, agency__active=True)
        .select_related("agency")
        .order_by("agency__name", "name"),
        required=False,
        empty_label="No named contact",
    )
    need = forms.ChoiceField(
        label="Need it addresses",
        choices=[("", "Choose a need"), *NEED_CHOICES],
        error_messages={"required": "Select the need the referral addresses"},
    )
    objective = forms.ModelChoiceField(
        label="Sentence plan objective it works towards",
        queryset=None,
        required=False,
        empty_label="No objective",
    )
    requirement = forms.ModelChoiceField(
        label="Requirement it counts towards",
        queryset=None,
        required=False,
        empty_label="Does not count towards a requirement",
    )
    desired_outcomes = forms.CharField(
        label="Desired outcomes",
        widget=forms.Textarea,
        help_text="What the person should achieve with the agency's help",
        error_messages={"required": "Enter the desired outcomes"},
    )
    urgency = forms.ChoiceField(
        choices=Urgency.choices, widget=forms.RadioSelect, initial=Urgency.ROUTINE
    )
    risk_to_share = forms.MultipleChoiceField(
        label="Risk information to share with the agency",
        choices=RiskInformation.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="It is sent as it reads when you send the referral, and kept as sent",
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = selectors.case_objectives(case)
        self.fields["requirement"].queryset = selectors.case_requirements(case)
        self.fields["contact"].label_from_instance = lambda c: f"{c.agency}: {c}"
        self.fields["requirement"].label_from_instance = lambda r: (
            f"Event {r.event.number}: {r.get_category_display()}"
        )

    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in REFERRAL_FIELDS}


def _reason_choices() -> list:
    return [("", "No reason needed")] + [
        (code, f"{flow.STATUS_LABELS[status]}: {label}")
        for status, codes in flow.REASONS.items()
        for code, label in codes.items()
    ]


class StatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label="What has happened to the referral?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select what has happened to the referral"},
    )
    reason = forms.ChoiceField(
        label="Reason",
        choices=_reason_choices,
        required=False,
        help_text="Needed when the referral is declined, withdrawn or cancelled",
    )
    notes = forms.CharField(widget=forms.Textarea, required=False)

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (s.value, flow.STATUS_LABELS[s]) for s in flow.next_statuses(referral.status)
        ]


class FeedbackForm(forms.Form):
    received_on = GovukDateField(
        label="Date received",
        max_today=True,
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date the feedback was received"},
    )
    sessions_offered = forms.IntegerField(
        label="Sessions offered", min_value=0, max_value=500, required=False
    )
    sessions_attended = forms.IntegerField(
        label="Sessions attended", min_value=0, max_value=500, required=False
    )
    notes = forms.CharField(
        label="What the agency said",
        widget=forms.Textarea,
        error_messages={"required": "Enter what the agency said"},
    )
    concern = forms.BooleanField(
        label="The agency raises a concern",
        required=False,
        help_text="The practitioner is alerted until they have read it",
    )

    def clean(self):
        data = super().clean()
        offered, attended = data.get("sessions_offered"), data.get("sessions_attended")
        if offered is not None and attended is not None and attended > offered:
            self.add_error("sessions_attended", "Sessions attended cannot be more than offered")
        return data


class AccommodationForm(forms.Form):
    status = forms.ChoiceField(
        label="Where does the person live now?",
        choices=Accommodation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where the person lives now"},
    )
    since = GovukDateField(
        label="Since",
        max_today=True,
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date it started"},
    )
    notes = forms.CharField(widget=forms.Textarea, required=False)


class ThreeWayMeetingForm(AppointmentForm):
    """An appointment form for a three-way meeting whose partner is an agency contact from
    the directory, so the partner fields are never typed by hand."""

    contact = forms.ModelChoiceField(
        label="Agency contact taking part",
        queryset=AgencyContact.objects.none(),
        error_messages={"required": "Select the agency contact taking part"},
    )
    field_order = ["contact"]

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, case=referral.case, **kwargs)
        for name in ("type", "partner_name", "partner_organisation", "partner_role"):
            del self.fields[name]
        self.fields["contact"].queryset = referral.agency.contacts.filter(active=True)
        self.agency = referral.agency

    def clean(self):
        # The service fills the partner details from the directory; these stand in for them
        # so the appointment form's own three-way check passes.
        self.cleaned_data.update(
            type=AppointmentType.THREE_WAY,
            partner_name="directory",
            partner_organisation=self.agency.name,
            partner_role="directory",
        )
        return super().clean()

    def details(self) -> dict:
        data = super().details()
        for name in ("type", "partner_name", "partner_organisation", "partner_role"):
            data.pop(name)
        return data
