"""Choices for needs assessments, sentence plans and session tools."""

from django.db import models

from desist.rules.needs import SECTIONS

NEED_CHOICES = [(s.need.value, s.title) for s in SECTIONS]
NEED_TITLES = dict(NEED_CHOICES)


class Status(models.TextChoices):
    """Work saved mid-session stays a draft until the practitioner finishes it."""

    DRAFT = "DRAFT", "Draft"
    COMPLETE = "COMPLETE", "Complete"


class ObjectiveStatus(models.TextChoices):
    NOT_STARTED = "NOT_STARTED", "Not started"
    IN_PROGRESS = "IN_PROGRESS", "In progress"
    ACHIEVED = "ACHIEVED", "Achieved"
    NO_LONGER_NEEDED = "NO_LONGER_NEEDED", "No longer needed"


class ActionOwner(models.TextChoices):
    PERSON = "PERSON", "Person on probation"
    PRACTITIONER = "PRACTITIONER", "Practitioner"
    PARTNER = "PARTNER", "Partner agency"


class Progress(models.TextChoices):
    NONE = "NONE", "No progress"
    SOME = "SOME", "Some progress"
    GOOD = "GOOD", "Good progress"
    ACHIEVED = "ACHIEVED", "Achieved"


class ToolKind(models.TextChoices):
    TIMELINE = "TIMELINE", "Offence timeline"
    MIND_MAP = "MIND_MAP", "Mind map"
    WORKSHEET = "WORKSHEET", "Worksheet"
