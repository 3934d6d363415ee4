"""Choices for risk records. Registration codes are the nDelius ones where the vocabulary
gives them (shared/practice/vocabulary.md); the rest are marked as Desist's own."""

from django.db import models

from desist.rules.rosh import Group, Level, SignificantChange


class RegistrationType(models.TextChoices):
    ROSH_VERY_HIGH = "RVHR", "Very high RoSH"
    ROSH_HIGH = "RHRH", "High RoSH"
    ROSH_MEDIUM = "RMRH", "Medium RoSH"
    ROSH_LOW = "RLRH", "Low RoSH"
    MAPPA = "MAPP", "MAPPA"
    DOMESTIC_ABUSE = "ADVP", "Domestic abuse perpetrator"
    STALKING = "SPO", "Stalking"
    CHILD_PROTECTION = "RCPR", "Child protection"
    CHILD_CONCERNS = "RCCO", "Child concerns"
    RISK_TO_CHILDREN = "RCHD", "Risk to children"
    ADULT_AT_RISK = "RVAD", "Adult at risk"
    VULNERABILITY = "RVLN", "Vulnerability"
    MENTAL_HEALTH = "RMDO", "Mental health issues"
    SELF_HARM = "ALSH", "Suicide or self-harm"
    STREET_GANGS = "STRG", "Street gangs"
    TERRORISM = "RTAO", "Terrorism"
    PUBLIC_INTEREST = "RPIR", "Public interest"
    IOM = "IIOM", "Integrated offender management"
    LIFER_IPP = "INLL", "Lifer or IPP"
    UNSUPERVISED = "PRC", "Unsupervised (final third)"
    RISK_TO_STAFF = "RSTF", "Risk to staff"  # Desist's own code


ROSH_REGISTRATIONS = {
    Level.VERY_HIGH: RegistrationType.ROSH_VERY_HIGH,
    Level.HIGH: RegistrationType.ROSH_HIGH,
    Level.MEDIUM: RegistrationType.ROSH_MEDIUM,
    Level.LOW: RegistrationType.ROSH_LOW,
}

# GOV.UK tag colour per registration: red for harm to others, orange for safeguarding,
# purple for the person's own vulnerability, grey for management arrangements.
TAG_COLOURS = {
    RegistrationType.ROSH_VERY_HIGH: "red",
    RegistrationType.ROSH_HIGH: "red",
    RegistrationType.ROSH_MEDIUM: "orange",
    RegistrationType.ROSH_LOW: "green",
    RegistrationType.MAPPA: "red",
    RegistrationType.DOMESTIC_ABUSE: "red",
    RegistrationType.STALKING: "red",
    RegistrationType.RISK_TO_STAFF: "red",
    RegistrationType.TERRORISM: "red",
    RegistrationType.CHILD_PROTECTION: "orange",
    RegistrationType.CHILD_CONCERNS: "orange",
    RegistrationType.RISK_TO_CHILDREN: "orange",
    RegistrationType.STREET_GANGS: "orange",
    RegistrationType.ADULT_AT_RISK: "purple",
    RegistrationType.VULNERABILITY: "purple",
    RegistrationType.MENTAL_HEALTH: "purple",
    RegistrationType.SELF_HARM: "purple",
}


class MappaCategory(models.TextChoices):
    M1 = "M1", "Category 1: registered sexual offender"
    M2 = "M2", "Category 2: violent or other sexual offender"
    M3 = "M3", "Category 3: other dangerous offender"
    M4 = "M4", "Category 4: terrorism or national security"


class MappaLevel(models.TextChoices):
    M1 = "M1", "Level 1: ordinary agency management"
    M2 = "M2", "Level 2: multi-agency meetings"
    M3 = "M3", "Level 3: senior multi-agency management"


class RoshLevel(models.TextChoices):
    LOW = Level.LOW.value, "Low"
    MEDIUM = Level.MEDIUM.value, "Medium"
    HIGH = Level.HIGH.value, "High"
    VERY_HIGH = Level.VERY_HIGH.value, "Very high"


ROSH_TAG_COLOURS = {"LOW": "green", "MEDIUM": "yellow", "HIGH": "orange", "VERY_HIGH": "red"}

GROUP_LABELS = {
    Group.CHILDREN: "Children",
    Group.PUBLIC: "Public",
    Group.KNOWN_ADULT: "Known adult",
    Group.STAFF: "Staff",
    Group.PRISONERS: "Prisoners",
}


class EnquiryKind(models.TextChoices):
    POLICE_DOMESTIC_ABUSE = "POLICE_DA", "Police domestic abuse check"
    CHILDRENS_SERVICES = "CHILDRENS_SERVICES", "Children's services safeguarding check"


class EnquiryOutcome(models.TextChoices):
    PENDING = "PENDING", "Awaiting reply"
    NO_INFORMATION = "NO_INFORMATION", "No information held"
    INFORMATION_SHARED = "INFORMATION_SHARED", "Information shared: no concerns"
    CONCERNS = "CONCERNS", "Information shared: concerns"


class ChangeKind(models.TextChoices):
    """Significant changes that call for a RoSH review (rules.md §6)."""

    NEW_CHARGE = SignificantChange.NEW_CHARGE.value, "New charge"
    NEW_ADDRESS = SignificantChange.NEW_ADDRESS.value, "New address"
    NEW_RELATIONSHIP = SignificantChange.NEW_RELATIONSHIP.value, "New relationship"
    CHILD_CONTACT = SignificantChange.CHILD_CONTACT.value, "Contact with children"


# What a practitioner records on the form; charges and addresses come from other areas' records.
RECORDED_CHANGES = (ChangeKind.NEW_RELATIONSHIP, ChangeKind.CHILD_CONTACT)
