"""Risk for the seeded people: a RoSH assessment each (mostly low or medium, about 10% high and
1% very high) with its RoSH registration, flags in roughly the proportions a probation caseload
has (about 5% MAPPA, 15% domestic abuse perpetrators, 8% child concerns or protection, some
self-harm and mental health), then the tiers, calculated by the same batch as the nightly run.
Some review dates have passed, so practitioners have "review due" actions to see.
"""

import random
from datetime import UTC, date, datetime, timedelta

from tqdm import tqdm

from desist.people.models import Case
from desist.risk.constants import ROSH_REGISTRATIONS, RegistrationType
from desist.risk.tiers import recalculate_all
from desist.rules import rosh
from desist.seed.bulk import bulk_load, next_id, reset_sequences

ROSH_WEIGHTS = {
    rosh.Level.LOW: 45,
    rosh.Level.MEDIUM: 44,
    rosh.Level.HIGH: 10,
    rosh.Level.VERY_HIGH: 1,
}
# (registration, chance): other flags, independently of each other.
FLAG_CHANCES = [
    (RegistrationType.DOMESTIC_ABUSE, 0.15),
    (RegistrationType.MENTAL_HEALTH, 0.10),
    (RegistrationType.SELF_HARM, 0.06),
    (RegistrationType.CHILD_CONCERNS, 0.05),
    (RegistrationType.CHILD_PROTECTION, 0.03),
    (RegistrationType.RISK_TO_CHILDREN, 0.03),
    (RegistrationType.VULNERABILITY, 0.03),
    (RegistrationType.IOM, 0.04),
    (RegistrationType.STALKING, 0.02),
    (RegistrationType.STREET_GANGS, 0.02),
    (RegistrationType.ADULT_AT_RISK, 0.01),
    (RegistrationType.RISK_TO_STAFF, 0.01),
    (RegistrationType.LIFER_IPP, 0.005),
    (RegistrationType.TERRORISM, 0.002),
]
MAPPA_CHANCE = 0.05
HARMS = [
    "Physical violence towards a partner or former partner",
    "Violence towards strangers when intoxicated",
    "Threats and intimidation of a known adult",
    "Sexual harm to children",
    "Serious injury from use of a weapon",
    "Emotional and psychological harm through controlling behaviour",
]
REGISTRATION_COLUMNS = (
    "id", "case_id", "type", "mappa_category", "mappa_level", "registered_on", "review_date",
    "notes", "registered_by_id", "deregistered_on", "deregistration_reason", "deregistered_by_id",
    "version", "created_at",
)  # fmt: skip
LEVEL_COLUMNS = tuple(f"{g.lower()}_{s.lower()}" for g, s in rosh.GRID)
PLAN_COLUMNS = (
    "nature_of_harm", "when_most_likely", "increases_risk", "decreases_risk", "supervision",
    "monitoring_and_tests", "interventions", "victim_safety_planning", "contingency",
)  # fmt: skip
ROSH_COLUMNS = (
    "id", "case_id", "assessed_on", *LEVEL_COLUMNS, "overall", *PLAN_COLUMNS, "review_date",
    "assessed_by_id", "created_at",
)  # fmt: skip


def _next_review(on: date, weeks: int, today: date) -> date:
    """Reviews mostly kept up to date: only those missed in the last month are overdue."""
    review = on + timedelta(weeks=weeks)
    while review < today - timedelta(days=30):
        review += timedelta(weeks=weeks)
    return review


def _mappa(rng: random.Random) -> tuple[str, str]:
    category = rng.choices(["M1", "M2", "M3", "M4"], [40, 50, 8, 2])[0]
    levels = ["M2", "M3"] if category == "M3" else ["M1", "M2", "M3"]
    return category, rng.choices(levels, [85, 13, 2][: len(levels)])[0]


def _levels(rng: random.Random, overall: rosh.Level) -> list[str]:
    """Each group at or below the overall level; the public or a known adult at it."""
    top = rosh.LEVELS_IN_ORDER.index(overall)
    at_overall = rng.choice(["public_community", "known_adult_community"])
    levels = []
    for column in LEVEL_COLUMNS:
        if column == at_overall:
            levels.append(overall.value)
        elif column.endswith("_custody") and column != "prisoners_custody":
            levels.append("")
        else:
            levels.append(rosh.LEVELS_IN_ORDER[rng.randint(0, top)].value)
    return levels


def generate_risk(*, rng: random.Random, today: date, progress: bool) -> None:
    ids = {table: next_id(table) for table in ("risk_registration", "risk_roshassessment")}
    now = datetime.combine(today, datetime.min.time(), tzinfo=UTC)
    registrations: list[tuple] = []
    assessments: list[tuple] = []
    people = Case.objects.order_by("id").values_list("id", "practitioner_id")

    def register(case_id, by, type_, on, review, category="", level="", notes=""):
        registrations.append(
            (
                ids["risk_registration"] + len(registrations),
                case_id,
                type_,
                category,
                level,
                on,
                review,
                notes,
                by,
                None,
                "",
                None,
                1,
                now,
            )  # fmt: skip
        )

    levels_in, weights = list(ROSH_WEIGHTS), list(ROSH_WEIGHTS.values())
    for case_id, by in tqdm(people, desc="Risk", disable=not progress):
        overall = rng.choices(levels_in, weights)[0]
        assessed = today - timedelta(days=rng.randrange(7, 400))
        review = rosh.review_date(assessed, overall)
        plan = [rng.choice(HARMS), "", "", "", "Weekly supervision appointments", "", "", "", ""]
        assessments.append(
            (
                ids["risk_roshassessment"] + len(assessments),
                case_id,
                assessed,
                *_levels(rng, overall),
                overall.value,
                *plan,
                review,
                by,
                now,
            )  # fmt: skip
        )
        register(case_id, by, ROSH_REGISTRATIONS[overall], assessed, review)
        if rng.random() < MAPPA_CHANCE:
            category, level = _mappa(rng)
            on = today - timedelta(days=rng.randrange(1, 700))
            register(
                case_id, by, RegistrationType.MAPPA, on, on + timedelta(weeks=16), category, level
            )
        for type_, chance in FLAG_CHANCES:
            if rng.random() < chance:
                on = today - timedelta(days=rng.randrange(1, 700))
                register(case_id, by, type_, on, _next_review(on, 26, today))
    bulk_load(
        "risk_roshassessment",
        ROSH_COLUMNS,
        tqdm(assessments, desc="Loading RoSH", disable=not progress),
    )
    bulk_load(
        "risk_registration",
        REGISTRATION_COLUMNS,
        tqdm(registrations, desc="Loading registrations", disable=not progress),
    )
    reset_sequences(list(ids))
    with tqdm(total=len(assessments), desc="Tiers", disable=not progress) as bar:
        recalculate_all(Case.objects.all(), as_of=today, progress=bar, trigger="seed")
