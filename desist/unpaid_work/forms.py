"""GOV.UK forms for projects, work sessions, placing a person and the session's register. The
forms check what was typed; capacity, requirements and clashes are the services' rules."""

from datetime import date

from django import forms

from desist.accounts.models import Staff
from desist.accounts.roles import Permission
from desist.core.forms import GovukDateField
from desist.organisation.models import ProbationDeliveryUnit, Team
from desist.rules.unpaid_work import SENT_HOME, minutes_between, sent_home_problem
from desist.supervision.constants import ACCEPTABLE_ABSENCES, LONGEST_APPOINTMENT_MINUTES, Outcome
from desist.supervision.forms import TimeField
from desist.unpaid_work.constants import ProjectType
from desist.unpaid_work.services import PROJECT_FIELDS, SESSION_FIELDS

MOST_PLACES = 20


class ProjectFilterForm(forms.Form):
    pdu = forms.ModelChoiceField(
        label="Probation delivery unit",
        queryset=ProbationDeliveryUnit.objects.order_by("name"),
        required=False,
        empty_label="All areas",
    )


def supervisors(user) -> list[Staff]:
    """Staff in the user's region who may run unpaid work, to supervise a project."""
    staff = Staff.objects.filter(is_active=True).order_by("last_name", "first_name")
    if user.team_id:
        region = Team.objects.filter(pk=user.team_id).values("pdu__region_id")
        staff = staff.filter(team__pdu__region_id__in=region)
    return [s for s in staff if s.may(Permission.MANAGE_UNPAID_WORK)]


class ProjectForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(
        label="Project name",
        max_length=120,
        error_messages={"required": "Enter the project's name"},
    )
    type = forms.ChoiceField(
        label="Type of placement",
        choices=ProjectType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of placement"},
    )
    description = forms.CharField(
        label="The work",
        widget=forms.Textarea,
        required=False,
        help_text="For example, clearing the canal towpath",
    )
    supervisor = forms.TypedChoiceField(
        coerce=int, error_messages={"required": "Select the supervisor"}
    )
    address = forms.CharField(
        label="Where the work is",
        widget=forms.Textarea,
        help_text="The address people report to",
        error_messages={"required": "Enter where the work is"},
    )
    pdu = forms.ModelChoiceField(
        label="Probation delivery unit",
        queryset=ProbationDeliveryUnit.objects.order_by("name"),
        empty_label="Choose a probation delivery unit",
        error_messages={"required": "Select the probation delivery unit"},
    )
    capacity = forms.IntegerField(
        label="Places on each session",
        min_value=1,
        max_value=MOST_PLACES,
        error_messages={
            "required": "Enter how many people can work on each session",
            "min_value": f"Places on each session must be between 1 and {MOST_PLACES}",
            "max_value": f"Places on each session must be between 1 and {MOST_PLACES}",
            "invalid": "Places on each session must be a number, like 6",
        },
    )
    active = forms.BooleanField(label="The project is running", required=False, initial=True)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.staff = {s.pk: s for s in supervisors(user)}
        self.fields["supervisor"].choices = [("", "Choose a supervisor")] + [
            (pk, s.get_full_name()) for pk, s in self.staff.items()
        ]

    def clean_supervisor(self):
        return self.staff[self.cleaned_data["supervisor"]]

    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in PROJECT_FIELDS}


class SessionForm(forms.Form):
    date = GovukDateField(
        label="Date",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter a date"},
    )
    start_time = TimeField(
        label="Start time",
        help_text="Use the 24-hour clock, for example 09:00",
        error_messages={"required": "Enter a start time"},
    )
    end_time = TimeField(
        label="End time",
        help_text="Use the 24-hour clock, for example 16:00",
        error_messages={"required": "Enter an end time"},
    )
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        max_value=MOST_PLACES,
        error_messages={
            "required": "Enter how many people can work on the session",
            "min_value": f"Places must be between 1 and {MOST_PLACES}",
            "max_value": f"Places must be between 1 and {MOST_PLACES}",
            "invalid": "Places must be a number, like 6",
        },
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if day and day < date.today():
            self.add_error("date", "The session must be today or in the future")
        if start and end:
            minutes = minutes_between(start, end)
            if not minutes:
                self.add_error("end_time", "The end time must be after the start time")
            elif minutes > LONGEST_APPOINTMENT_MINUTES:
                hours = LONGEST_APPOINTMENT_MINUTES // 60
                self.add_error("end_time", f"A work session can be at most {hours} hours long")
        places = data.get("capacity")
        if places and places > self.project.capacity:
            self.add_error(
                "capacity",
                f"Places cannot be more than the project takes ({self.project.capacity})",
            )
        return data

    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in SESSION_FIELDS}


class AllocateForm(forms.Form):
    crn = forms.CharField(
        label="Case reference number (CRN)",
        max_length=7,
        help_text="For example, N123456",
        error_messages={"required": "Enter the person's case reference number"},
    )

    def clean_crn(self):
        return self.cleaned_data["crn"].strip().upper()


NOT_YET = ""
REGISTER_OUTCOMES = [
    (NOT_YET, "Not recorded yet"),
    (Outcome.ATTENDED_COMPLIED, "Attended – complied: credit the whole session"),
    (Outcome.SENT_HOME_BEHAVIOUR, "Sent home for behaviour: credit the time up to then"),
    (Outcome.SENT_HOME_SERVICE, "Sent home for service reasons: credit the time up to then"),
    (Outcome.ATTENDED_FAILED_TO_COMPLY, "Attended – failed to comply: no credit"),
    (Outcome.UNACCEPTABLE_ABSENCE, Outcome.UNACCEPTABLE_ABSENCE.label),
    *((c.value, c.label) for c in ACCEPTABLE_ABSENCES),
]


class AttendanceForm(forms.Form):
    """One person's line of the register (the page shows one per person, prefixed)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label="What happened", choices=REGISTER_OUTCOMES, required=False)
    sent_home_at = TimeField(label="Time sent home", required=False)
    notes = forms.CharField(label="Notes", max_length=500, required=False)

    def __init__(self, *args, placement, session, **kwargs):
        super().__init__(*args, prefix=f"p{placement.pk}", **kwargs)
        self.placement, self.session = placement, session
        self.name = placement.appointment.case.full_name

    def clean(self):
        data = super().clean()
        outcome, notes = data.get("outcome"), data.get("notes", "").strip()
        if outcome in SENT_HOME:
            problem = sent_home_problem(
                starts=self.session.start_time,
                ends=self.session.end_time,
                sent_home_at=data.get("sent_home_at"),
            )
            if problem:
                self.add_error("sent_home_at", f"{self.name}: {problem}")
            if not notes:
                self.add_error("notes", f"{self.name}: enter why they were sent home")
        elif data.get("sent_home_at"):
            data["sent_home_at"] = None  # only a person sent home has a time sent home
        if outcome in ACCEPTABLE_ABSENCES and not notes:
            self.add_error(
                "notes", f"{self.name}: enter the evidence that the absence was acceptable"
            )
        return data
