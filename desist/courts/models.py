"""Court work: the defendants listed at each court hearing, the court officer's notes on
them, and the pre-sentence reports the court asks for.

A hearing row is the court's data (as listed) until the court officer confirms which person
on probation it is; only then does it belong to a case, and only then are its changes case
data (audited against the case).
"""

from django.conf import settings
from django.db import models

from desist.courts.constants import (
    HearingOutcome,
    MatchStatus,
    ProbationStatus,
    ReportState,
    ReportType,
    Session,
)
from desist.rules.requirements import CATEGORIES
from desist.sentences.constants import LengthUnit, SentenceType


class Hearing(models.Model):
    """One defendant listed at one court sitting, as imported from the court list.

    The natural key (court, date, session, courtroom, list number) makes importing the same
    list twice change nothing.
    """

    court = models.ForeignKey("organisation.Court", on_delete=models.PROTECT, related_name="+")
    hearing_date = models.DateField()
    session = models.CharField(max_length=2, choices=Session.choices)
    courtroom = models.CharField(max_length=10)
    list_number = models.PositiveIntegerField()

    defendant_name = models.CharField(max_length=120)
    first_name = models.CharField(max_length=50)
    last_name = models.CharField(max_length=50)
    date_of_birth = models.DateField(null=True, blank=True)
    pnc = models.CharField("PNC number", max_length=13, blank=True)
    crn = models.CharField("CRN", max_length=7, blank=True)
    address = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    # [{"description": "Theft from a shop", "date": "2026-10-01"}, ...]
    offences = models.JSONField(default=list)
    in_custody = models.BooleanField(default=False)

    case = models.ForeignKey(
        "people.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="hearings"
    )
    match_status = models.CharField(
        max_length=10, choices=MatchStatus.choices, default=MatchStatus.NO_MATCH
    )
    # The scored candidates shown to the officer: [{"case_id", "score", "reasons"}], best first.
    candidates = models.JSONField(default=list)

    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    # What the court decided, as the court officer records it after the hearing.
    outcome = models.CharField(max_length=10, choices=HearingOutcome.choices, blank=True)
    outcome_details = models.TextField(blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    # The event a probation sentence created, so the hearing links to what was keyed.
    event = models.ForeignKey(
        "sentences.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["hearing_date", "court", "session", "courtroom", "list_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["court", "hearing_date", "session", "courtroom", "list_number"],
                name="one_defendant_per_list_number",
            )
        ]
        indexes = [models.Index(fields=["court", "hearing_date", "session"])]

    def __str__(self) -> str:
        return f"{self.defendant_name}, {self.court_id} {self.hearing_date} {self.session}"

    @property
    def probation_status_label(self) -> str:
        """Needs the probation_status annotation (desist.courts.selectors)."""
        return ProbationStatus(self.probation_status).label


class HearingNote(models.Model):
    """The court officer's note on a hearing: one per officer, saved as a draft until they
    mark it finished."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    is_draft = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["hearing", "author"], name="one_note_per_officer")
        ]

    def __str__(self) -> str:
        return f"Note on {self.hearing_id} by {self.author_id}"


class PreSentenceReport(models.Model):
    """A pre-sentence report the court asked for at a hearing (rules.md section 4)."""

    hearing = models.OneToOneField(Hearing, on_delete=models.PROTECT, related_name="report")
    case = models.ForeignKey(
        "people.Case", on_delete=models.PROTECT, related_name="pre_sentence_reports"
    )
    type = models.CharField(max_length=8, choices=ReportType.choices)
    requested_on = models.DateField()
    due_date = models.DateField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reports_to_write"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(max_length=10, choices=ReportState.choices, default=ReportState.DRAFT)

    sources_of_information = models.TextField(blank=True)
    offence_analysis = models.TextField(blank=True)
    circumstances_and_needs = models.TextField("Circumstances and needs", blank=True)
    likelihood_of_reoffending = models.TextField(blank=True)
    risk_of_serious_harm = models.TextField("Risk of serious harm", blank=True)
    domestic_abuse_enquiry = models.TextField(
        "Domestic abuse enquiry outcome",
        blank=True,
        help_text="What the police domestic abuse call-out check found, or why none was made.",
    )
    safeguarding_enquiry = models.TextField(
        "Safeguarding enquiry outcome",
        blank=True,
        help_text="What children's services said, or why no enquiry was made.",
    )
    sentencing_proposal = models.TextField(
        "Sentencing proposal", blank=True, help_text="Why this sentence, in the court's terms."
    )
    # An oral report is delivered in court; this is the short record of what was said.
    oral_record = models.TextField(
        "What you told the court",
        blank=True,
        help_text="The points you made, the risk and needs you described and your proposal.",
    )
    # The proposal as the court could pass it: checked against the same limits as a sentence.
    proposed_sentence_type = models.CharField(
        max_length=3, blank=True, choices=SentenceType.choices
    )
    proposed_length = models.PositiveIntegerField(null=True, blank=True)
    proposed_length_unit = models.CharField(max_length=1, blank=True, choices=LengthUnit.choices)
    proposed_operational_months = models.PositiveSmallIntegerField(null=True, blank=True)
    proposed_supervision_months = models.PositiveSmallIntegerField(null=True, blank=True)
    # [{"category", "length", "hours_per_day", "days_per_week", "details"}], in proposal order.
    proposed_requirements = models.JSONField(default=list, blank=True)

    quality_check_comments = models.TextField(blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    finalised_at = models.DateTimeField(null=True, blank=True)
    # The PDF issued to the court when the report was finalised.
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["author", "state", "due_date"])]

    def __str__(self) -> str:
        return f"{self.get_type_display()} for {self.case_id}, due {self.due_date}"

    @property
    def proposed_sentence(self) -> str:
        """The proposed sentence as the court would say it: "Community order, 12 months"."""
        if not self.proposed_sentence_type:
            return ""
        said = self.get_proposed_sentence_type_display()
        if self.proposed_length:
            said += f", {self.proposed_length} {self.get_proposed_length_unit_display().lower()}"
        if self.proposed_operational_months:
            said += f", suspended for {self.proposed_operational_months} months"
        if self.proposed_supervision_months:
            said += f" with {self.proposed_supervision_months} months' supervision"
        return said

    @property
    def proposed_requirement_lines(self) -> list[str]:
        """Each proposed requirement as the court would say it: "Unpaid work: 120 hours"."""
        lines = []
        for proposed in self.proposed_requirements:
            category = CATEGORIES[proposed["category"]]
            line = f"{category.name}: {proposed['length']} {category.unit}"
            if proposed.get("hours_per_day"):
                line += (
                    f", {proposed['hours_per_day']} hours a day on "
                    f"{proposed['days_per_week']} days a week"
                )
            if proposed.get("details"):
                line += f" ({proposed['details']})"
            lines.append(line)
        return lines
