from django import forms

from desist.accounts.models import Staff
from desist.core.forms import GovukDateField
from desist.courts.constants import ProbationStatus, ReportType, Session
from desist.courts.models import PreSentenceReport
from desist.courts.services import REPORT_SECTIONS
from desist.organisation.models import Court

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
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = PreSentenceReport
        fields = REPORT_SECTIONS
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in REPORT_SECTIONS}


class QualityCheckForm(VersionForm):
    comments = forms.CharField(
        label="Comments for the author", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
