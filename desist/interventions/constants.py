"""Choices for partner agencies, referrals and accommodation. The referral flow itself is
desist.rules.referrals; here its statuses and reasons become form and model choices."""

from django.db import models

from desist.rules import referrals as flow


class ServiceCategory(models.TextChoices):
    """The service categories of commissioned rehabilitative services (vocabulary.md)."""

    ACCOMMODATION = "ACCOMMODATION", "Accommodation"
    ETE = "ETE", "Education, training and employment"
    FINANCE = "FINANCE", "Finance, benefit and debt"
    DEPENDENCY = "DEPENDENCY", "Dependency and recovery"
    WELLBEING = "WELLBEING", "Mental health and emotional wellbeing"
    WOMEN = "WOMEN", "Women's services"
    FAMILY = "FAMILY", "Family and children's services"


STATUS_CHOICES = [(s.value, flow.STATUS_LABELS[s]) for s in flow.Status]
STATUS_LABELS = dict(STATUS_CHOICES)
REASON_LABELS = {code: label for codes in flow.REASONS.values() for code, label in codes.items()}
# The status tag's colour: accepted and started referrals are blue.
STATUS_TAG_COLOURS = {
    flow.Status.DRAFT: "grey",
    flow.Status.SENT: "yellow",
    flow.Status.COMPLETED: "green",
    flow.Status.DECLINED: "red",
    flow.Status.WITHDRAWN: "red",
    flow.Status.CANCELLED: "red",
}


class Urgency(models.TextChoices):
    ROUTINE = "ROUTINE", "Routine"
    URGENT = "URGENT", "Urgent (within 5 working days)"


class RiskInformation(models.TextChoices):
    """What a practitioner may choose to share with an agency. Victims' details are never on
    the list: they are for the victim liaison officer alone."""

    ROSH_SUMMARY = "ROSH_SUMMARY", "RoSH summary (level and nature of harm)"
    REGISTRATIONS = "REGISTRATIONS", "Current registrations"
    LICENCE_CONDITIONS = "LICENCE_CONDITIONS", "Licence conditions (not victim-related ones)"
    REQUIREMENTS = "REQUIREMENTS", "Requirements of the order"


class Accommodation(models.TextChoices):
    """A person's accommodation (vocabulary.md: approved premises are CAS1, temporary
    accommodation CAS3)."""

    SETTLED = "SETTLED", "Settled"
    TEMPORARY = "TEMPORARY", "Temporary (friends, family or sofa surfing)"
    CAS3 = "CAS3", "CAS3 temporary accommodation"
    APPROVED_PREMISES = "AP", "Approved premises"
    HOMELESS = "HOMELESS", "Homeless"
    ROUGH_SLEEPING = "ROUGH", "Rough sleeping"
    CUSTODY = "CUSTODY", "In custody"


# Only settled accommodation counts as the outcome (MoJ "settled accommodation" measure);
# approved premises and CAS3 are by design temporary. VERIFY custody: it is neither.
SETTLED = {Accommodation.SETTLED}
