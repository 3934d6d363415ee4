"""Choices for court work, in the words court officers use (vocabulary.md, "Court")."""

from django.db import models


class Session(models.TextChoices):
    MORNING = "AM", "Morning"
    AFTERNOON = "PM", "Afternoon"


class MatchStatus(models.TextChoices):
    NO_MATCH = "NONE", "No match found"
    POSSIBLE = "POSSIBLE", "Possible matches"
    SUGGESTED = "SUGGESTED", "Match suggested"
    CONFIRMED = "CONFIRMED", "Match confirmed"


class ProbationStatus(models.TextChoices):
    CURRENT = "CURRENT", "Current"
    PREVIOUSLY_KNOWN = "PREVIOUS", "Previously known"
    PRE_SENTENCE = "PRE_SENTENCE", "Pre-sentence record"
    NO_RECORD = "NO_RECORD", "No record"


class ReportType(models.TextChoices):
    ORAL = "ORAL", "Oral report"
    SHORT_FORMAT = "SHORT", "Short format report"
    STANDARD = "STANDARD", "Standard delivery report"


class ReportState(models.TextChoices):
    DRAFT = "DRAFT", "Draft"
    SUBMITTED = "SUBMITTED", "Submitted for quality check"
    RETURNED = "RETURNED", "Returned with comments"
    APPROVED = "APPROVED", "Approved"
    FINAL = "FINAL", "Final"


class HearingOutcome(models.TextChoices):
    ADJOURNED = "ADJOURNED", "Adjourned"
    REPORT_REQUESTED = "REPORT", "Adjourned for a pre-sentence report"
    COMMITTED = "COMMITTED", "Committed to the Crown Court"
    PROBATION_SENTENCE = "PROBATION", "Probation sentence"
    NON_PROBATION_SENTENCE = "OTHER_SENT", "Sentence not supervised by probation"
    OTHER = "OTHER", "Other"
