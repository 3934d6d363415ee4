"""The codes practitioners know for appointments, their outcomes and case notes (contacts).

Outcome and contact codes are those of the national case system (see the shared vocabulary);
compliance is derived from the outcome, defined once here as Q lookups and read back by the
models' properties, so a filter in SQL and a label on a page never disagree.
"""

from django.db import models
from django.db.models import Q

# The requirement category the sentences app gives a rehabilitation activity requirement.
RAR_CATEGORY = "RAR"


class AppointmentType(models.TextChoices):
    OFFICE_VISIT = "OFFICE", "Office visit"
    HOME_VISIT = "HOME", "Home visit"
    PRISON_VISIT = "PRISON", "Prison visit"
    THREE_WAY = "THREEWAY", "Three-way meeting"
    PHONE = "PHONE", "Telephone"
    VIDEO = "VIDEO", "Video call"
    GROUP = "GROUP", "Group session"
    UNPAID_WORK = "UPW", "Unpaid work session"


# Sessions where one member of staff sees many people at once: a facilitator's group, a
# supervisor's work party. Their staff member is booked once per person, not double-booked.
SHARED_TYPES = (AppointmentType.GROUP, AppointmentType.UNPAID_WORK)

# Where each type of appointment takes place: at one of our offices, or at an address typed in.
AT_AN_OFFICE = {AppointmentType.OFFICE_VISIT, AppointmentType.GROUP, AppointmentType.THREE_WAY}
AT_AN_ADDRESS = {AppointmentType.HOME_VISIT, AppointmentType.PRISON_VISIT}
# The requirement an appointment may count towards: a rehabilitation activity requirement,
# except an unpaid work session (arranged by desist.unpaid_work), which counts towards unpaid work.
UPW_CATEGORY = "UPW"
REQUIREMENT_CATEGORY_OF_TYPE = {AppointmentType.UNPAID_WORK: UPW_CATEGORY}


class Outcome(models.TextChoices):
    ATTENDED_COMPLIED = "ATTC", "Attended – complied"
    ATTENDED_FAILED_TO_COMPLY = "AFTC", "Attended – failed to comply"
    ACCEPTABLE_COURT = "AACL", "Acceptable absence – court or legal"
    ACCEPTABLE_EMPLOYMENT = "AAEM", "Acceptable absence – employment"
    ACCEPTABLE_FAMILY = "AAFC", "Acceptable absence – family or childcare"
    ACCEPTABLE_HOLIDAY = "AAHO", "Acceptable absence – holiday"
    ACCEPTABLE_MEDICAL = "AAME", "Acceptable absence – medical"
    ACCEPTABLE_RELIGIOUS = "AARE", "Acceptable absence – religious"
    ACCEPTABLE_REMANDED = "AARC", "Acceptable absence – remanded in custody"
    # Unpaid work: sent home part-way, for the person's behaviour or the service's reasons
    # (bad weather, no supervisor); the hours up to then are credited (desist.rules.unpaid_work).
    SENT_HOME_BEHAVIOUR = "ATSH", "Attended – sent home (behaviour)"
    SENT_HOME_SERVICE = "ATSS", "Attended – sent home (service issues)"
    UNACCEPTABLE_ABSENCE = "UAAB", "Unacceptable absence"
    RESCHEDULED_SERVICE = "RSSR", "Rescheduled at the service's request"
    RESCHEDULED_PERSON = "RSOF", "Rescheduled at the person's request"


ACCEPTABLE_ABSENCES = (
    Outcome.ACCEPTABLE_COURT,
    Outcome.ACCEPTABLE_EMPLOYMENT,
    Outcome.ACCEPTABLE_FAMILY,
    Outcome.ACCEPTABLE_HOLIDAY,
    Outcome.ACCEPTABLE_MEDICAL,
    Outcome.ACCEPTABLE_RELIGIOUS,
    Outcome.ACCEPTABLE_REMANDED,
)
RESCHEDULED = (Outcome.RESCHEDULED_SERVICE, Outcome.RESCHEDULED_PERSON)


class Compliance(models.TextChoices):
    COMPLIED = "complied", "Complied"
    FAILED_TO_COMPLY = "failed", "Failed to comply"
    ACCEPTABLE = "acceptable", "Acceptable absence"
    UNACCEPTABLE = "unacceptable", "Unacceptable absence"


COMPLIANCE_OUTCOMES: dict[Compliance, tuple[Outcome, ...]] = {
    Compliance.COMPLIED: (Outcome.ATTENDED_COMPLIED, Outcome.SENT_HOME_SERVICE),
    Compliance.FAILED_TO_COMPLY: (Outcome.ATTENDED_FAILED_TO_COMPLY, Outcome.SENT_HOME_BEHAVIOUR),
    Compliance.ACCEPTABLE: ACCEPTABLE_ABSENCES,
    Compliance.UNACCEPTABLE: (Outcome.UNACCEPTABLE_ABSENCE,),
}
COMPLIANCE_OF_OUTCOME = {code: c for c, codes in COMPLIANCE_OUTCOMES.items() for code in codes}


def compliance_lookup(compliance: Compliance, *, prefix: str = "") -> Q:
    """The filter for appointments (or, with prefix "appointment__", their contacts) whose
    outcome has this compliance."""
    return Q(**{f"{prefix}outcome__in": COMPLIANCE_OUTCOMES[compliance]})


# Outcomes that are a failure: what enforcement counts.
FAILURES = compliance_lookup(Compliance.UNACCEPTABLE) | compliance_lookup(
    Compliance.FAILED_TO_COMPLY
)


class ContactType(models.TextChoices):
    PLANNED_OFFICE_VISIT = "COAP", "Planned office visit"
    HOME_VISIT = "CHVS", "Home visit"
    PRISON_VISIT = "CPRV", "Prison visit"
    THREE_WAY_MEETING = "C3WM", "Three-way meeting"
    PLANNED_TELEPHONE = "COPT", "Planned telephone contact"
    PLANNED_VIDEO = "COVC", "Planned video contact"
    GROUP_SESSION = "CGRP", "Group session"
    UNPAID_WORK = "CUPW", "Unpaid work session"
    PHONE_FROM_PERSON = "CTOA", "Phone call from the person"
    PHONE_TO_PERSON = "CTOB", "Phone call to the person"
    EMAIL_FROM_PERSON = "CMOA", "Email or text message from the person"
    EMAIL_TO_PERSON = "CMOB", "Email or text message to the person"
    MANAGEMENT_OVERSIGHT = "CMGO", "Management oversight"
    APPOINTMENT_CHANGE = "CAPC", "Appointment arranged, rescheduled or cancelled"
    OTHER = "COTH", "Other contact"


# The contact an appointment's outcome is recorded as.
CONTACT_TYPE_OF_APPOINTMENT = {
    AppointmentType.OFFICE_VISIT: ContactType.PLANNED_OFFICE_VISIT,
    AppointmentType.HOME_VISIT: ContactType.HOME_VISIT,
    AppointmentType.PRISON_VISIT: ContactType.PRISON_VISIT,
    AppointmentType.THREE_WAY: ContactType.THREE_WAY_MEETING,
    AppointmentType.PHONE: ContactType.PLANNED_TELEPHONE,
    AppointmentType.VIDEO: ContactType.PLANNED_VIDEO,
    AppointmentType.GROUP: ContactType.GROUP_SESSION,
    AppointmentType.UNPAID_WORK: ContactType.UNPAID_WORK,
}

# Contact types a practitioner records by hand; the rest are written by Desist itself.
MANUAL_CONTACT_TYPES = [
    ContactType.PHONE_FROM_PERSON,
    ContactType.PHONE_TO_PERSON,
    ContactType.EMAIL_FROM_PERSON,
    ContactType.EMAIL_TO_PERSON,
    ContactType.HOME_VISIT,
    ContactType.PLANNED_OFFICE_VISIT,
    ContactType.MANAGEMENT_OVERSIGHT,
    ContactType.OTHER,
]

DURATIONS = [15, 30, 45, 60, 90, 120, 180]
LONGEST_APPOINTMENT_MINUTES = 8 * 60
