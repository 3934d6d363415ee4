"""GOV.UK forms for appointments, outcomes, case notes and the timeline's filters. The forms
check what a person typed; the rules that hold whoever calls them live in the services."""

import re
from datetime import datetime, time

from django import forms
from django.utils import timezone

from desist.accounts.models import Staff
from desist.accounts.roles import Permission
from desist.core.forms import GovukDateField
from desist.organisation.models import Office
from desist.sentences.models import Requirement
from desist.supervision import selectors
from desist.supervision.constants import (
    ACCEPTABLE_ABSENCES,
    AT_AN_ADDRESS,
    AT_AN_OFFICE,
    DURATIONS,
    MANUAL_CONTACT_TYPES,
    AppointmentType,
    Compliance,
    ContactType,
    Outcome,
)
from desist.supervision.models import Appointment
from desist.supervision.services import APPOINTMENT_FIELDS


class TimeField(forms.CharField):
    """A time of day typed on the 24-hour clock, as 14:30, 9:05 or 1430."""

    def to_python(self, value):
        value = super().to_python(value).strip().replace(".", ":")
        if not value:
            return None
        match = re.fullmatch(r"(\d{1,2}):?(\d{2})", value)
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            raise forms.ValidationError(
                f"{self.label} must be a real time on the 24-hour clock, like 14:30"
            )
        return time(int(match[1]), int(match[2]))


def _duration_label(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours > 1 else ''}"] if hours else []
    return " ".join(parts + ([f"{rest} minutes"] if rest else []))


def _at(day, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


class AppointmentForm(forms.Form):
    type = forms.ChoiceField(
        label="Type of appointment",
        # Unpaid work sessions are arranged from the work session (desist.unpaid_work).
        choices=[(t.value, t.label) for t in AppointmentType if t != AppointmentType.UNPAID_WORK],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of appointment"},
    )
    date = GovukDateField(
        label="Date",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter a date"},
    )
    start_time = TimeField(
        label="Start time",
        help_text="Use the 24-hour clock, for example 14:30",
        error_messages={"required": "Enter a start time"},
    )
    duration_minutes = forms.TypedChoiceField(
        label="Length",
        coerce=int,
        choices=[(m, _duration_label(m)) for m in DURATIONS],
        initial=30,
    )
    practitioner = forms.ModelChoiceField(
        queryset=Staff.objects.none(), error_messages={"required": "Select the practitioner"}
    )
    office = forms.ModelChoiceField(
        queryset=Office.objects.order_by("name"),
        required=False,
        help_text="For an office visit, a three-way meeting or a group session",
    )
    address = forms.CharField(
        label="Address or prison",
        max_length=200,
        required=False,
        help_text="For a home visit or a prison visit",
    )
    partner_name = forms.CharField(
        label="Partner agency contact's name", max_length=100, required=False
    )
    partner_organisation = forms.CharField(label="Partner agency", max_length=100, required=False)
    partner_role = forms.CharField(
        label="Partner agency contact's role", max_length=100, required=False
    )
    requirement = forms.ModelChoiceField(
        label="Counts towards a rehabilitation activity requirement",
        queryset=Requirement.objects.none(),
        required=False,
        empty_label="Does not count towards a requirement",
    )
    sensitive = forms.BooleanField(
        label="This appointment is sensitive",
        required=False,
        help_text="For example, someone the person lives with must not learn of it",
    )
    reminder_confirmed = forms.BooleanField(
        label="Send reminders even though this appointment is sensitive",
        required=False,
        help_text="Reminders go by text message and email to the person's own contact details",
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].queryset = self._practitioners(case)
        self.fields["requirement"].queryset = selectors.rar_requirements(case)

    @staticmethod
    def _practitioners(case):
        team = Staff.objects.filter(is_active=True, team_id=case.team_id).order_by(
            "last_name", "first_name"
        )
        ids = [s.pk for s in team if s.may(Permission.HOLD_CASELOAD)]
        return Staff.objects.filter(pk__in=ids).order_by("last_name", "first_name")

    def clean(self):
        data = super().clean()
        kind, day, start = data.get("type"), data.get("date"), data.get("start_time")
        if day and start:
            data["starts_at"] = _at(day, start)
            if data["starts_at"] < timezone.now():
                self.add_error("date", "The appointment must be in the future")
        if kind in AT_AN_OFFICE and not data.get("office"):
            self.add_error("office", "Select the office where the appointment will be")
        if kind in AT_AN_ADDRESS and not data.get("address", "").strip():
            self.add_error("address", "Enter the address or the prison")
        if kind == AppointmentType.THREE_WAY:
            for name, what in (
                ("partner_name", "name"),
                ("partner_organisation", "organisation"),
                ("partner_role", "role"),
            ):
                if not data.get(name, "").strip():
                    self.add_error(name, f"Enter the partner agency contact's {what}")
        return data

    def details(self) -> dict:
        """The appointment's details, ready for the services. Fields that do not apply to
        the type are left empty rather than kept from an earlier choice."""
        data = {name: self.cleaned_data.get(name) for name in APPOINTMENT_FIELDS}
        kind = data["type"]
        if kind not in AT_AN_OFFICE:
            data["office"] = None
        if kind not in AT_AN_ADDRESS:
            data["address"] = ""
        if kind != AppointmentType.THREE_WAY:
            data["partner_name"] = data["partner_organisation"] = data["partner_role"] = ""
        if not data["sensitive"]:
            data["reminder_confirmed"] = False
        return data


class RescheduleForm(AppointmentForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    requested_by = forms.ChoiceField(
        label="Who asked for the appointment to be moved?",
        choices=[("PERSON", "The person on probation"), ("SERVICE", "The probation service")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select who asked for the appointment to be moved"},
    )

    field_order = ["requested_by"]


class CancelForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label="Why is the appointment cancelled?",
        max_length=200,
        error_messages={"required": "Enter why the appointment is cancelled"},
    )


ACCEPTABLE = "ACCEPTABLE"


class OutcomeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label="What happened?",
        choices=[
            (Outcome.ATTENDED_COMPLIED, Outcome.ATTENDED_COMPLIED.label),
            (Outcome.ATTENDED_FAILED_TO_COMPLY, Outcome.ATTENDED_FAILED_TO_COMPLY.label),
            (ACCEPTABLE, "Absent – acceptable, with evidence"),
            (Outcome.UNACCEPTABLE_ABSENCE, Outcome.UNACCEPTABLE_ABSENCE.label),
        ],
        widget=forms.RadioSelect,
        help_text="An absence you have not been able to verify is unacceptable",
        error_messages={"required": "Select what happened at the appointment"},
    )
    absence_reason = forms.ChoiceField(
        label="Reason for an acceptable absence",
        choices=[
            ("", "Not an acceptable absence"),
            *((c.value, c.label) for c in ACCEPTABLE_ABSENCES),
        ],
        required=False,
    )
    notes = forms.CharField(
        label="Notes",
        widget=forms.Textarea,
        required=False,
        help_text="For an acceptable absence, say what evidence you saw, for example a fit note",
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") == ACCEPTABLE:
            if not data.get("absence_reason"):
                self.add_error("absence_reason", "Select the reason the absence was acceptable")
            if not data.get("notes", "").strip():
                self.add_error("notes", "Enter the evidence that the absence was acceptable")
            data["code"] = data.get("absence_reason")
        else:
            data["code"] = data.get("outcome")
        return data


class ContactForm(forms.Form):
    type = forms.ChoiceField(
        label="Type of contact",
        choices=[(c.value, c.label) for c in MANUAL_CONTACT_TYPES],
        error_messages={"required": "Select the type of contact"},
    )
    date = GovukDateField(
        label="Date of contact", max_today=True, error_messages={"required": "Enter a date"}
    )
    time = TimeField(
        label="Time",
        help_text="Use the 24-hour clock, for example 14:30",
        error_messages={"required": "Enter a time"},
    )
    notes = forms.CharField(
        widget=forms.Textarea, error_messages={"required": "Enter the notes of the contact"}
    )
    sensitive = forms.BooleanField(
        label="These notes are sensitive",
        required=False,
        help_text="They stay on the case but are marked as sensitive wherever they are shown",
    )
    appointment = forms.ModelChoiceField(
        queryset=Appointment.objects.none(), required=False, empty_label="None"
    )
    requirement = forms.ModelChoiceField(
        queryset=Requirement.objects.none(), required=False, empty_label="None"
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["appointment"].queryset = selectors.case_appointments(case)
        self.fields["requirement"].queryset = selectors.case_requirements(case)
        self.fields["appointment"].label_from_instance = lambda a: (
            f"{a.get_type_display()}, {timezone.localtime(a.starts_at):%d/%m/%Y %H:%M}"
        )

    def details(self) -> dict:
        data = dict(self.cleaned_data)
        data["at"] = _at(data.pop("date"), data.pop("time"))
        return data


class TimelineFilterForm(forms.Form):
    """The timeline's filters, read from the query string."""

    q = forms.CharField(label="Search the notes", max_length=100, required=False)
    type = forms.ChoiceField(
        label="Type of contact", choices=[("", "All types"), *ContactType.choices], required=False
    )
    compliance = forms.ChoiceField(choices=[("", "Any"), *Compliance.choices], required=False)
    date_from = GovukDateField(label="From", required=False)
    date_to = GovukDateField(label="To", required=False)
    hide_system = forms.BooleanField(label="Hide entries made by Desist", required=False)

    def filters(self) -> selectors.TimelineFilters:
        if not self.is_valid():
            return selectors.TimelineFilters()
        data = self.cleaned_data
        return selectors.TimelineFilters(
            type=data["type"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            compliance=data["compliance"],
            hide_system=data["hide_system"],
            search=data["q"].strip(),
        )
