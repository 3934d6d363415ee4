from django import forms

from desist.accounts.models import Staff
from desist.core.forms import GovukDateField
from desist.courts.constants import HearingOutcome, ProbationStatus, ReportType, Session
from desist.courts.models import PreSentenceReport
from desist.courts.services import REPORT_SECTIONS, report_sections
from desist.organisation.models import Court
from desist.sentences.constants import SentenceType
from desist.sentences.forms import EventForm, RequirementForm

# A day's list is a few hundred rows; a file far bigger than that is not a court list.
MAX_LIST_BYTES = 2_000_000


class CourtListUploadForm(forms.Form):
    file = forms.FileField(
        label="Court list (CSV file)",
        help_text="One row per defendant, with the headings court, date, session, courtroom, "
        "list number, defendant name, date of birth, PNC, address, offences and in custody.",
        error_messages={"required": "Select a court list file"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_LIST_BYTES:
            raise forms.ValidationError("The file must be smaller than 2MB")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError("The file must be a CSV file saved as UTF-8") from None


class CourtDayForm(forms.Form):
    court = forms.ModelChoiceField(
        queryset=Court.objects.all(), error_messages={"required": "Select a court"}
    )
    hearing_date = GovukDateField(
        label="Date", error_messages={"required": "Enter the date of the hearings"}
    )
    session = forms.ChoiceField(choices=[("", "Both sessions"), *Session.choices], required=False)
    status = forms.ChoiceField(
        label="Probation status",
        choices=[("", "Any status"), *ProbationStatus.choices],
        required=False,
    )


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class MatchForm(VersionForm):
    crn = forms.CharField(
        label="CRN of the person on probation",
        max_length=7,
        help_text="For example, N123456",
        error_messages={"required": "Enter a CRN"},
    )


class HearingNoteForm(forms.Form):
    text = forms.CharField(
        label="Your notes on this hearing",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter a note"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReportRequestForm(forms.Form):
    type = forms.ChoiceField(
        label="Type of report",
        choices=ReportType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of report"},
    )
    author = forms.ModelChoiceField(
        queryset=Staff.objects.none(),
        label="Author",
        error_messages={"required": "Select who will write the report"},
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author"].queryset = Staff.objects.filter(team=team, is_active=True).order_by(
            "last_name", "first_name"
        )


class ReportForm(forms.ModelForm):
    """The sections of this report's type: a written report's, or an oral report's record."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = PreSentenceReport
        fields = (*REPORT_SECTIONS, "oral_record")
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sections = report_sections(self.instance)
        for name in set(self.fields) - {*sections, "version"}:
            del self.fields[name]
        self.order_fields(sections)


class ProposalForm(EventForm):
    """The order the author proposes: the sentence module's own form, without what only the
    court decides (offence coding, dates, custody credit)."""

    offence_description = offence_code = offence_category = offence_date = None
    conviction_date = court = sentence_date = remand_days = tagged_bail_days = None
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sentence_type"].label = "Proposed sentence"
        self.fields["sentence_type"].choices = [
            (value, label)
            for value, label in SentenceType.choices
            if value in SentenceType.orders()
        ]

    def service_arguments(self) -> dict:
        """The answers as report_proposal_set takes them."""
        names = ("version", "sentence_type", "length", "length_unit")
        return {name: self.cleaned_data[name] for name in names} | {
            name: self.cleaned_data.get(name)
            for name in ("operational_months", "supervision_months")
        }


class ProposedRequirementForm(RequirementForm):
    """A requirement of the proposed order: the sentence module's form, less what the court
    sets when it passes the order."""

    start_date = on_breach = None
    version = forms.IntegerField(widget=forms.HiddenInput)

    def service_arguments(self) -> dict:
        """The answers as report_requirement_propose takes them."""
        return dict(self.cleaned_data)


class OutcomeForm(VersionForm):
    outcome = forms.ChoiceField(
        label="What did the court decide?",
        choices=HearingOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the court decided"},
    )
    details = forms.CharField(
        label="Details",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, the date it was adjourned to, or the sentence passed",
    )


class SentenceForm(EventForm):
    """The probation sentence the court passed, as the sentence module records it."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class _RequirementFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = "Remove this requirement"


SentenceRequirementFormSet = forms.formset_factory(
    RequirementForm, formset=_RequirementFormSet, extra=1, can_delete=True
)


class QualityCheckForm(VersionForm):
    comments = forms.CharField(
        label="Comments for the author", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
