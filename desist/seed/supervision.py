"""A year of supervision for every generated person: appointments with their outcomes, and
the case notes around them.

About 30 contacts a person a year (contacts_per_person), four in five of them appointments.
Outcomes in realistic proportions: most attended and complied, some acceptable absences
with evidence, about 5% unacceptable absences, and a few recent ones still waiting for an
outcome. A practitioner is never booked twice for the same half hour, so the data passes
the same clash rule as the service. Loaded with explicit ids through bulk_load.
"""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone
from tqdm import tqdm

from desist.organisation.models import Office, Team
from desist.people.models import Case
from desist.seed.bulk import bulk_load, next_id, reset_sequences
from desist.sentences.models import Requirement
from desist.supervision.constants import (
    ACCEPTABLE_ABSENCES,
    CONTACT_TYPE_OF_APPOINTMENT,
    RAR_CATEGORY,
    AppointmentType,
    ContactType,
    Outcome,
)
from desist.supervision.models import Appointment

TABLES = ("supervision_appointment", "supervision_contact")
APPOINTMENT_COLUMNS = (
    "id",
    "case_id",
    "event_id",
    "requirement_id",
    "practitioner_id",
    "type",
    "starts_at",
    "duration_minutes",
    "office_id",
    "address",
    "partner_name",
    "partner_organisation",
    "partner_role",
    "sensitive",
    "reminder_confirmed",
    "outcome",
    "outcome_notes",
    "outcome_recorded_at",
    "outcome_recorded_by_id",
    "rescheduled_to_id",
    "cancelled_at",
    "cancellation_reason",
    "version",
    "created_at",
    "created_by_id",
)
CONTACT_COLUMNS = (
    "id",
    "case_id",
    "type",
    "at",
    "notes",
    "sensitive",
    "system_generated",
    "appointment_id",
    "requirement_id",
    "created_by_id",
    "created_at",
)
TYPES = (
    [AppointmentType.OFFICE_VISIT] * 70
    + [AppointmentType.PHONE] * 12
    + [AppointmentType.HOME_VISIT] * 8
    + [AppointmentType.VIDEO] * 5
    + [AppointmentType.GROUP] * 3
    + [AppointmentType.THREE_WAY] * 2
)
# Out of 1000 past appointments.
OUTCOMES = (
    [Outcome.ATTENDED_COMPLIED] * 830
    + [Outcome.ATTENDED_FAILED_TO_COMPLY] * 40
    + [Outcome.UNACCEPTABLE_ABSENCE] * 50
    + ["ACCEPTABLE"] * 70
    + [""] * 10
)
EVIDENCE = [
    "Fit note seen",
    "Letter from employer confirming the shift",
    "Court listing checked",
    "Hospital appointment letter seen",
    "Confirmed with the school",
]
OUTCOME_NOTES = {
    Outcome.ATTENDED_COMPLIED: [
        "Discussed progress on the sentence plan",
        "Reviewed accommodation and work search",
        "Completed a session of the RAR workbook",
        "Talked through triggers and coping strategies",
    ],
    Outcome.ATTENDED_FAILED_TO_COMPLY: [
        "Arrived under the influence; appointment ended early",
        "Refused to engage with the session",
    ],
    Outcome.UNACCEPTABLE_ABSENCE: [
        "Did not attend; no contact since",
        "Did not attend; excuse given but not verified",
    ],
}
MANUAL_CONTACTS = [
    (ContactType.PHONE_FROM_PERSON, "Rang to rearrange; told to attend as planned"),
    (ContactType.PHONE_FROM_PERSON, "Rang with an update on the housing application"),
    (ContactType.PHONE_TO_PERSON, "Called to check on the new job"),
    (ContactType.PHONE_TO_PERSON, "Welfare call after the missed appointment"),
    (ContactType.EMAIL_FROM_PERSON, "Text message asking for the next appointment time"),
    (ContactType.EMAIL_TO_PERSON, "Text message confirming the next appointment"),
    (ContactType.MANAGEMENT_OVERSIGHT, "Case reviewed with the SPO; plan agreed"),
    (ContactType.OTHER, "Spoke to the housing officer about the tenancy"),
]
LABELS = dict(Outcome.choices)
# Half-hour starts from 09:00 to 16:00.
SLOTS = [time(9 + n // 2, 30 * (n % 2)) for n in range(15)]
FLUSH_EVERY = 50_000


def generate_supervision(
    *, rng: random.Random, now: datetime, contacts_per_person: int = 30, progress: bool = True
) -> tuple[int, int]:
    """Appointments and case notes for every allocated case that has none yet. Returns the
    numbers of appointments and contacts made."""
    office_of_pdu = dict(Office.objects.values_list("pdu_id", "pk"))
    office_of_team = {
        team_id: office_of_pdu.get(pdu_id)
        for team_id, pdu_id in Team.objects.values_list("pk", "pdu_id")
    }
    # Where the sentences seed ran first, office visits may count towards the case's RAR.
    rar_of_case = {
        case_id: (pk, event_id)
        for pk, event_id, case_id in Requirement.objects.filter(category=RAR_CATEGORY).values_list(
            "pk", "event_id", "event__case_id"
        )
    }
    cases = (
        Case.objects.filter(practitioner__isnull=False)
        .exclude(pk__in=Appointment.objects.values("case_id"))
        .order_by("pk")
        .values_list("pk", "practitioner_id", "team_id")
    )
    working_days = [
        (now - timedelta(days=d)).date()
        for d in range(-28, 366)
        if (now - timedelta(days=d)).weekday() < 5
    ]
    # Every bookable half hour of the year (made aware once: that is the slow part), and one
    # byte per half hour for each practitioner: small even at national scale.
    starts = [
        timezone.make_aware(datetime.combine(d, slot)) for d in working_days for slot in SLOTS
    ]
    booked: dict[int, bytearray] = {}
    made = [0, 0]

    def flush() -> None:
        made[0] += bulk_load("supervision_appointment", APPOINTMENT_COLUMNS, appointments)
        made[1] += bulk_load("supervision_contact", CONTACT_COLUMNS, contacts)
        appointments.clear()
        contacts.clear()

    appointment_id, contact_id = next_id("supervision_appointment"), next_id("supervision_contact")
    appointments: list[tuple] = []
    contacts: list[tuple] = []
    for case_id, practitioner_id, team_id in tqdm(
        cases.iterator(chunk_size=5000), desc="Supervision", disable=not progress
    ):
        taken = booked.setdefault(practitioner_id, bytearray(len(starts)))
        office_id = office_of_team.get(team_id)
        total = max(1, round(contacts_per_person * rng.uniform(0.7, 1.3)))
        for _ in range(round(total * 0.8)):
            cell = rng.randrange(len(taken))
            for _ in range(3):  # the practitioner is busy then: try another time
                if not taken[cell]:
                    break
                cell = rng.randrange(len(taken))
            else:
                continue
            taken[cell] = 1
            kind = rng.choice(TYPES) if office_id else AppointmentType.PHONE
            starts_at = starts[cell]
            sensitive = rng.random() < 0.02
            outcome, notes, recorded_at = "", "", None
            if starts_at < now:
                outcome = rng.choice(OUTCOMES)
                if outcome == "ACCEPTABLE":
                    outcome, notes = rng.choice(ACCEPTABLE_ABSENCES), rng.choice(EVIDENCE)
                elif outcome:
                    notes = rng.choice(OUTCOME_NOTES[outcome])
                recorded_at = starts_at + timedelta(hours=2) if outcome else None
            at_office = kind in (
                AppointmentType.OFFICE_VISIT,
                AppointmentType.GROUP,
                AppointmentType.THREE_WAY,
            )
            three_way = kind == AppointmentType.THREE_WAY
            rar = rar_of_case.get(case_id) if at_office and rng.random() < 0.4 else None
            appointments.append(
                (
                    appointment_id,
                    case_id,
                    rar[1] if rar else None,
                    rar[0] if rar else None,
                    practitioner_id,
                    kind,
                    starts_at,
                    30,
                    office_id if at_office else None,
                    "Home address" if kind == AppointmentType.HOME_VISIT else "",
                    "Sam Partner" if three_way else "",
                    "Local housing team" if three_way else "",
                    "Housing officer" if three_way else "",
                    sensitive,
                    False,
                    outcome,
                    notes,
                    recorded_at,
                    practitioner_id if outcome else None,
                    None,
                    None,
                    "",
                    2 if outcome else 1,
                    starts_at - timedelta(days=rng.randrange(1, 28)),
                    practitioner_id,
                )
            )
            if outcome:
                label = LABELS[outcome]
                contacts.append(
                    (
                        contact_id,
                        case_id,
                        CONTACT_TYPE_OF_APPOINTMENT[kind],
                        starts_at,
                        f"{label}. {notes}",
                        sensitive,
                        True,
                        appointment_id,
                        rar[0] if rar else None,
                        practitioner_id,
                        recorded_at,
                    )
                )
                contact_id += 1
            appointment_id += 1
        for _ in range(total - round(total * 0.8)):
            kind, notes = rng.choice(MANUAL_CONTACTS)
            at = now - timedelta(minutes=rng.randrange(60, 365 * 24 * 60))
            contacts.append(
                (
                    contact_id,
                    case_id,
                    kind,
                    at,
                    notes,
                    rng.random() < 0.03,
                    False,
                    None,
                    None,
                    practitioner_id,
                    at,
                )
            )
            contact_id += 1
        if len(contacts) >= FLUSH_EVERY:
            flush()
    flush()
    reset_sequences(["supervision_appointment", "supervision_contact"])
    return made[0], made[1]
