"""Events and sentences for the seeded people: most have one current event, some an older
completed one too. About 55% community orders with requirements, 20% suspended sentence
orders and 25% custody followed by licence, as the probation caseload splits roughly.

Rows are loaded in bulk with explicit ids, as the people are; expected ends come from the
same function the service uses, so seeded and typed-in events agree.
"""

import random
from datetime import date, timedelta

from tqdm import tqdm

from desist.organisation.models import Court
from desist.people.models import Case
from desist.rules.licence_conditions import STANDARD_CONDITIONS
from desist.rules.release_dates import PSS_REPEAL, Term, term_end
from desist.seed.bulk import bulk_load, next_id, reset_sequences
from desist.sentences.models import Event, Offence
from desist.sentences.services import expected_end

# (Home Office offence code, description, category, weight): common offences on probation.
OFFENCES = [
    ("10501", "Common assault and battery", "VIOLENCE", 12),
    ("00801", "Assault occasioning actual bodily harm", "VIOLENCE", 8),
    ("19400", "Assault by beating of an emergency worker", "VIOLENCE", 3),
    ("04600", "Theft from a shop", "THEFT", 12),
    ("04900", "Other theft", "THEFT", 4),
    ("02800", "Burglary in a dwelling", "BURGLARY", 5),
    ("03400", "Robbery of personal property", "ROBBERY", 3),
    ("05800", "Criminal damage", "DAMAGE", 5),
    ("09200", "Possession of a class A drug with intent to supply", "DRUGS", 5),
    ("09210", "Possession of cannabis", "DRUGS", 3),
    ("08100", "Possession of a bladed article in public", "WEAPONS", 4),
    ("12500", "Threatening behaviour", "ORDER", 4),
    ("05300", "Fraud by false representation", "FRAUD", 3),
    ("80300", "Driving with excess alcohol", "MOTORING", 6),
    ("80400", "Driving while disqualified", "MOTORING", 3),
    ("02000", "Sexual assault on a female aged 13 or over", "SEXUAL", 2),
    ("08800", "Stalking involving fear of violence", "VIOLENCE", 2),
]
OFFENCE_WEIGHTS = [o[3] for o in OFFENCES]
# (category, weight, length chooser): requirements as courts commonly combine them.
REQUIREMENTS = [
    ("RAR", 40, lambda rng, months: rng.choice([5, 10, 15, 20, 25, 30, 40])),
    ("UPW", 30, lambda rng, months: rng.randrange(40, 301, 10)),
    ("CURF", 10, lambda rng, months: min(months, rng.choice([1, 2, 3, 4, 6]))),
    ("PROG", 8, lambda rng, months: rng.choice([21, 24, 30])),
    ("DRR", 5, lambda rng, months: min(months, rng.choice([6, 12]))),
    ("ATR", 5, lambda rng, months: min(months, rng.choice([6, 12]))),
    ("MHTR", 3, lambda rng, months: min(months, rng.choice([6, 12]))),
    ("EXCL", 3, lambda rng, months: min(months, rng.choice([3, 6, 12]))),
    ("PROH", 2, lambda rng, months: min(months, rng.choice([6, 12]))),
]
REQUIREMENT_WEIGHTS = [r[1] for r in REQUIREMENTS]
MONTHS_UNIT = {"CURF", "DRR", "ATR", "MHTR", "EXCL", "PROH"}
ADDITIONAL_CONDITIONS = [
    ("RESIDENCE", "Residence at a specific place", "address", False),
    ("DRUG_TESTING", "Drug testing", "", False),
    ("VICTIM_CONTACT", "No contact with the victim", "named_person", True),
    ("EXCLUSION_ZONE", "Freedom of movement: exclusion zone", "exclusion_zone", True),
    ("CONDUCT", "Restriction of conduct", "", False),
]

EVENT_COLUMNS = (
    "id",
    "case_id",
    "number",
    "conviction_date",
    "active",
    "termination_date",
    "termination_reason",
    "created_at",
    "sentence_type",
    "sentence_date",
    "length",
    "length_unit",
    "operational_months",
    "supervision_months",
    "remand_days",
    "tagged_bail_days",
    "expected_end",
    "version",
)
OFFENCE_COLUMNS = ("id", "event_id", "main", "code", "description", "category", "offence_date")
APPEARANCE_COLUMNS = ("id", "event_id", "court_id", "date", "outcome")
REQUIREMENT_COLUMNS = (
    "id",
    "event_id",
    "category",
    "length",
    "start_date",
    "end_date",
    "hours_per_day",
    "days_per_week",
    "on_breach",
    "details",
)
CONDITION_COLUMNS = (
    "id",
    "event_id",
    "standard",
    "code",
    "text",
    "address",
    "times",
    "named_person",
    "exclusion_zone",
    "victim_related",
)
TABLES = (
    "sentences_event",
    "sentences_offence",
    "sentences_courtappearance",
    "sentences_requirement",
    "sentences_licencecondition",
)


def _sentence(rng: random.Random) -> dict:
    """What the court passed: type, length and, for SSOs, the periods."""
    roll = rng.random()
    if roll < 0.55:
        return {"sentence_type": "CO", "length": rng.choice([6, 12, 12, 18, 24, 36]), "unit": "M"}
    if roll < 0.75:
        operational = rng.choice([12, 18, 24])
        return {
            "sentence_type": "SSO",
            "length": rng.choice([3, 4, 6, 8, 12, 16, 18, 24]),
            "unit": "M",
            "operational_months": operational,
            "supervision_months": rng.choice([m for m in (6, 12, 18, 24) if m <= operational]),
        }
    months = rng.choice([4, 6, 8, 10, 12, 18, 24, 30, 36, 48, 60, 72])
    return {"sentence_type": "SDS", "length": months, "unit": "M"}


def generate_sentences(*, rng: random.Random, today: date, progress: bool) -> None:
    """One or two events for about 90% of the seeded people, with everything on them."""
    ids = {table: next_id(table) for table in TABLES}
    rows: dict[str, list[tuple]] = {table: [] for table in TABLES}
    courts: dict[int, list[int]] = {}
    for court_id, region_id in Court.objects.values_list("id", "region_id"):
        courts.setdefault(region_id, []).append(court_id)
    people = Case.objects.order_by("id").values_list("id", "date_of_birth", "team__pdu__region_id")
    for case_id, birth, region_id in tqdm(people, desc="Events", disable=not progress):
        if rng.random() >= 0.9:
            continue
        count = 2 if rng.random() < 0.3 else 1
        number = 0
        for i in range(count):
            args = (rng, rows, ids, case_id, number + 1, birth, courts[region_id], today)
            number += _event(*args, current=i == count - 1)
    for table, columns in zip(
        TABLES,
        (
            EVENT_COLUMNS,
            OFFENCE_COLUMNS,
            APPEARANCE_COLUMNS,
            REQUIREMENT_COLUMNS,
            CONDITION_COLUMNS,
        ),
        strict=True,
    ):
        bulk_load(table, columns, tqdm(rows[table], desc=f"Loading {table}", disable=not progress))
    reset_sequences(TABLES)


def _next(ids: dict[str, int], rows: dict[str, list], table: str) -> int:
    return ids[table] + len(rows[table])


def _event(rng, rows, ids, case_id, number, birth, courts, today, *, current: bool) -> bool:
    """One event: still running if current, long finished if not. False if the person was
    under 18 on the sentence date (the youth system's, not probation's)."""
    event_id = _next(ids, rows, "sentences_event")
    sentence = _sentence(rng)
    span = 30 * sentence.get("operational_months", sentence["length"])
    if current:
        sentenced = today - timedelta(days=rng.randrange(10, max(11, int(span * 0.9))))
    else:
        sentenced = today - timedelta(days=rng.randrange(span + 400, span + 2500))
    if sentenced < birth + timedelta(days=18 * 366):
        return False
    convicted = sentenced - timedelta(days=rng.choice([0, 0, 0, 14, 21, 28, 42]))
    code, description, category, _ = rng.choices(OFFENCES, OFFENCE_WEIGHTS)[0]
    offence = Offence(
        code=code,
        description=description,
        category=category,
        offence_date=convicted - timedelta(days=rng.randrange(14, 365)),
    )
    event = Event(
        sentence_type=sentence["sentence_type"],
        sentence_date=sentenced,
        conviction_date=convicted,
        length=sentence["length"],
        length_unit=sentence["unit"],
        operational_months=sentence.get("operational_months"),
        supervision_months=sentence.get("supervision_months"),
        remand_days=rng.choice([0, 0, 0, 7, 30, 90]) if sentence["sentence_type"] == "SDS" else 0,
    )
    event.main_offence_list = [offence]
    if event.is_custodial and event.term.months < 24 and sentenced < PSS_REPEAL:
        event.sentence_type = "PSS"  # older short sentences carried post-sentence supervision
    end = expected_end(event, birth)
    active = current and end >= today
    rows["sentences_event"].append(
        (
            event_id,
            case_id,
            number,
            convicted,
            active,
            None if active else min(end, today),
            "" if active else "COMPLETED",
            today,
            event.sentence_type,
            sentenced,
            event.length,
            event.length_unit,
            event.operational_months,
            event.supervision_months,
            event.remand_days,
            0,
            end,
            1,
        )
    )
    rows["sentences_offence"].append(
        (
            _next(ids, rows, "sentences_offence"),
            event_id,
            True,
            code,
            description,
            category,
            offence.offence_date,
        )
    )
    if rng.random() < 0.3:
        extra = rng.choices(OFFENCES, OFFENCE_WEIGHTS)[0]
        rows["sentences_offence"].append(
            (
                _next(ids, rows, "sentences_offence"),
                event_id,
                False,
                *extra[:3],
                offence.offence_date,
            )
        )
    rows["sentences_courtappearance"].append(
        (
            _next(ids, rows, "sentences_courtappearance"),
            event_id,
            rng.choice(courts),
            sentenced,
            "SEN",
        )
    )
    if event.is_order:
        _requirements(rng, rows, ids, event_id, event)
    else:
        _licence_conditions(rng, rows, ids, event_id)
    return True


def _requirements(rng, rows, ids, event_id, event) -> None:
    months = event.supervision_months if event.sentence_type == "SSO" else event.length
    chosen = {
        r[0]: r for r in rng.choices(REQUIREMENTS, REQUIREMENT_WEIGHTS, k=rng.choice([1, 2, 2, 3]))
    }
    for category, _, length_of in chosen.values():
        length = length_of(rng, months)
        curfew = category == "CURF"
        rows["sentences_requirement"].append(
            (
                _next(ids, rows, "sentences_requirement"),
                event_id,
                category,
                length,
                event.sentence_date,
                term_end(event.sentence_date, Term(months=length))
                if category in MONTHS_UNIT
                else None,
                rng.choice([8, 10, 12]) if curfew else None,
                7 if curfew else None,
                False,
                "",
            )
        )


def _licence_conditions(rng, rows, ids, event_id) -> None:
    for code, text in STANDARD_CONDITIONS:
        rows["sentences_licencecondition"].append(
            (
                _next(ids, rows, "sentences_licencecondition"),
                event_id,
                True,
                code,
                text,
                "",
                "",
                "",
                "",
                False,
            )
        )
    if rng.random() < 0.5:
        return
    for code, text, needs, victim in rng.sample(ADDITIONAL_CONDITIONS, rng.choice([1, 2])):
        inputs = {"address": "", "named_person": "", "exclusion_zone": ""}
        if needs == "address":
            inputs["address"] = "Approved premises as directed"
        elif needs == "named_person":
            inputs["named_person"] = "The victim (see the victim liaison record)"
        elif needs == "exclusion_zone":
            inputs["exclusion_zone"] = "The area shown on the attached map"
        rows["sentences_licencecondition"].append(
            (
                _next(ids, rows, "sentences_licencecondition"),
                event_id,
                False,
                code,
                text,
                inputs["address"],
                "",
                inputs["named_person"],
                inputs["exclusion_zone"],
                victim,
            )
        )
