"""GOV.UK forms for referrals, suitability, groups, allocation, the register and catch-ups.
The forms check what was typed; the programme rules hold in the services."""

from django import forms

from desist.accounts.models import Staff
from desist.accounts.roles import Permission
from desist.core.forms import GovukDateField
from desist.organisation.models import Office
from desist.programmes.constants import PROGRAMME_CATEGORY
from desist.programmes.models import Programme, Referral
from desist.programmes.selectors import region_of
from desist.programmes.services import local_datetime
from desist.rules.programmes import WEEKDAY_NAMES
from desist.sentences.models import LicenceCondition, Requirement
from desist.supervision.constants import RESCHEDULED, Outcome
from desist.supervision.forms import TimeField


class ReferralForm(forms.Form):
    programme = forms.ModelChoiceField(
        queryset=Programme.objects.filter(legacy=False),
        widget=forms.RadioSelect,
        error_messages={"required": "Select the programme"},
    )
    requirement = forms.ModelChoiceField(
        label="Programme requirement",
        queryset=Requirement.objects.none(),
        required=False,
        empty_label="None: the referral is for a licence condition",
    )
    licence_condition = forms.ModelChoiceField(
        queryset=LicenceCondition.objects.none(),
        required=False,
        empty_label="None: the referral is for a programme requirement",
    )
    notes = forms.CharField(
        label="Notes for the programme team",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="For example, learning needs, work hours or childcare",
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requirement"].queryset = Requirement.objects.filter(
            event__case=case, event__active=True, category=PROGRAMME_CATEGORY
        ).select_related("event")
        self.fields["requirement"].label_from_instance = lambda r: (
            f"Event {r.event.number}: {r.length} days, from {r.start_date:%d %B %Y}"
        )
        self.fields["licence_condition"].queryset = LicenceCondition.objects.filter(
            event__case=case, event__active=True, standard=False
        ).select_related("event")
        self.fields["licence_condition"].label_from_instance = lambda c: (
            f"Event {c.event.number}: {c.text}"
        )

    def clean(self):
        data = super().clean()
        if not data.get("requirement") and not data.get("licence_condition"):
            self.add_error(
                "requirement", "Select the programme requirement or the licence condition"
            )
        elif data.get("requirement") and data.get("licence_condition"):
            self.add_error("licence_condition", "Select a requirement or a condition, not both")
        return data


class SuitabilityForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    suitable = forms.TypedChoiceField(
        label="Is the programme suitable for this person?",
        choices=[("yes", "Suitable"), ("no", "Not suitable")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the programme is suitable"},
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Needed if the programme is not suitable: the practitioner reads it",
    )

    def clean(self):
        data = super().clean()
        if data.get("suitable") is False and not data.get("reason", "").strip():
            self.add_error("reason", "Enter why the programme is not suitable")
        return data


def _staff_who_deliver(user):
    nearby = Staff.objects.filter(is_active=True).order_by("last_name", "first_name")
    if user.team_id:
        nearby = nearby.filter(team__pdu__region_id=region_of(user))
    ids = [s.pk for s in nearby if s.may(Permission.DELIVER_PROGRAMMES)]
    return Staff.objects.filter(pk__in=ids).order_by("last_name", "first_name")


class GroupForm(forms.Form):
    programme = forms.ModelChoiceField(
        queryset=Programme.objects.all(), error_messages={"required": "Select the programme"}
    )
    name = forms.CharField(
        label="Cohort name",
        max_length=100,
        help_text="For example, Tyneside Tuesday mornings, January",
        error_messages={"required": "Enter the cohort name"},
    )
    office = forms.ModelChoiceField(
        label="Location",
        queryset=Office.objects.none(),
        error_messages={"required": "Select the office where the group meets"},
    )
    weekdays = forms.TypedMultipleChoiceField(
        label="Days the group meets",
        choices=list(enumerate(WEEKDAY_NAMES)),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one day"},
    )
    start_time = TimeField(
        label="Start time",
        help_text="Use the 24-hour clock, for example 09:30. Evening sessions start at 17:00 "
        "or later",
        error_messages={"required": "Enter a start time"},
    )
    first_date = GovukDateField(
        label="First session",
        help_text="For example, 12 1 2027. A bank holiday moves the session to the next day "
        "the group meets",
        error_messages={"required": "Enter the date of the first session"},
    )
    evenings_allowed = forms.BooleanField(label="Evening sessions allowed", required=False)
    lead_facilitator = forms.ModelChoiceField(
        queryset=Staff.objects.none(), error_messages={"required": "Select the lead facilitator"}
    )
    cover_facilitator = forms.ModelChoiceField(
        label="Cover facilitator", queryset=Staff.objects.none(), required=False
    )
    capacity = forms.IntegerField(
        min_value=1,
        max_value=20,
        initial=12,
        error_messages={
            "required": "Enter how many people the group takes",
            "min_value": "The group must take at least 1 person",
            "max_value": "A group takes at most 20 people",
            "invalid": "Capacity must be a number, like 12",
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offices = Office.objects.order_by("name")
        if user.team_id:
            offices = offices.filter(pdu__region_id=region_of(user))
        self.fields["office"].queryset = offices
        staff = _staff_who_deliver(user)
        self.fields["lead_facilitator"].queryset = staff
        self.fields["cover_facilitator"].queryset = staff
        for name in ("lead_facilitator", "cover_facilitator"):
            self.fields[name].label_from_instance = lambda s: s.get_full_name()


class AllocateForm(forms.Form):
    referrals = forms.ModelMultipleChoiceField(
        label="People to allocate",
        queryset=Referral.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the people to allocate to the group"},
    )

    def __init__(self, *args, waiting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referrals"].queryset = Referral.objects.filter(pk__in=[w.pk for w in waiting])
        names = {w.pk: f"{w.case.listed_name} ({w.case.crn})" for w in waiting}
        self.fields["referrals"].label_from_instance = lambda r: names[r.pk]


REGISTER_OUTCOMES = [("", "Not recorded yet")] + [
    (o.value, o.label) for o in Outcome if o not in RESCHEDULED
]


class RegisterForm(forms.Form):
    """The session's notes and, for each member the user may see, their attendance, outcome
    notes and a concern. Members' fields are named by their attendance's id, so one form holds
    the whole register without a formset's management fields."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    notes = forms.CharField(
        label="Session notes", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        # One field of each kind serves every member, under each member's names: fields keep
        # no state between members (a member's appointment version is the form's initial),
        # and building five for each member was a good part of the page's time.
        member_fields = {
            "outcome": forms.ChoiceField(
                label="Attendance", choices=REGISTER_OUTCOMES, required=False
            ),
            "notes": forms.CharField(
                label="Outcome notes",
                required=False,
                help_text="The evidence, for an acceptable absence",
            ),
            "version": forms.IntegerField(widget=forms.HiddenInput),
            "concern": forms.BooleanField(
                label="Raise a concern with the person's practitioner", required=False
            ),
            "concern_notes": forms.CharField(
                label="The concern", widget=forms.Textarea(attrs={"rows": 2}), required=False
            ),
        }
        self.initial = dict(self.initial)
        self.rows = []
        for row in rows:
            if row.referral.case.denied:
                continue
            key, names = f"a{row.pk}", []
            if not row.appointment.outcome and row.appointment.is_active:
                names += ["outcome", "notes", "version"]
                self.initial[f"{key}-version"] = row.appointment.version
            if not row.concern:
                names += ["concern", "concern_notes"]
            for name in names:
                self.fields[f"{key}-{name}"] = member_fields[name]
            self.rows.append((row, {name: self[f"{key}-{name}"] for name in names}))

    def clean(self):
        data = super().clean()
        for _row, bound in self.rows:
            if "concern" in bound and data.get(bound["concern"].name):
                if not data.get(bound["concern_notes"].name, "").strip():
                    self.add_error(bound["concern_notes"].name, "Enter what the concern is")
        return data

    def entries(self) -> list[dict]:
        """What to record for each member, as services.register_record takes it."""
        data = self.cleaned_data

        def value(bound, name, default):
            return data.get(bound[name].name, default) if name in bound else default

        return [
            {
                "attendance": row,
                "outcome": value(bound, "outcome", ""),
                "notes": value(bound, "notes", ""),
                "version": value(bound, "version", None),
                "concern": value(bound, "concern", False),
                "concern_notes": value(bound, "concern_notes", ""),
            }
            for row, bound in self.rows
        ]


class CatchUpForm(forms.Form):
    template = forms.TypedChoiceField(
        label="Session to make up", coerce=int, widget=forms.RadioSelect, choices=[]
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

    def __init__(self, *args, missed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [(t.pk, str(t)) for t in missed]
        self.fields["template"].error_messages["required"] = "Select the session to make up"

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("start_time"):
            data["starts_at"] = local_datetime(data["date"], data["start_time"])
        return data
