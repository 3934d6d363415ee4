"""A deterministic, realistic synthetic probation service, from a handful of people on a
laptop to the national 250,000.

The same seed always gives the same data. Names and addresses are en_GB (Faker); ages are
skewed young as the probation caseload is (most people on probation are in their 20s and
30s); about 88% are men; staff are in proportion, about 40 cases per practitioner, in teams
of a senior probation officer with probation officers, probation services officers and
PQiP learners. No row describes a real person: PNC numbers are well-formed but random.
"""

import random
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.db import connection
from faker import Faker
from tqdm import tqdm

from desist.accounts.roles import Role
from desist.organisation.models import Court, Office, Prison, ProbationDeliveryUnit, Region, Team
from desist.people.identifiers import format_pnc
from desist.people.models import NameWord
from desist.people.names import normalise_name
from desist.seed.bulk import bulk_load, keys_and_indexes_rebuilt, next_id, reset_sequences
from desist.seed.programmes import TABLES as PROGRAMME_TABLES
from desist.seed.programmes import seed_programmes
from desist.seed.risk import generate_risk
from desist.seed.sentences import TABLES as SENTENCE_TABLES
from desist.seed.sentences import generate_sentences
from desist.seed.supervision import TABLES as SUPERVISION_TABLES
from desist.seed.supervision import generate_supervision
from desist.seed.unpaid_work import TABLES as UNPAID_WORK_TABLES
from desist.seed.unpaid_work import generate_unpaid_work

REGIONS = [
    ("N01", "North East", "N"),
    ("N02", "North West", "C"),
    ("N03", "Yorkshire and the Humber", "Y"),
    ("N04", "Greater Manchester", "M"),
    ("N05", "East Midlands", "E"),
    ("N06", "West Midlands", "W"),
    ("N07", "East of England", "F"),
    ("N08", "London", "L"),
    ("N09", "Kent, Surrey and Sussex", "K"),
    ("N10", "South West", "S"),
    ("N11", "South Central", "H"),
    ("N12", "Wales", "D"),
]
CASES_PER_PRACTITIONER = 40
# A senior probation officer's team at full strength: twelve practitioners (seven POs, three
# PSOs, two PQiP learners). Smaller services fill each team from the front, so the mix holds.
_PO, _PSO, _PQIP = Role.PROBATION_OFFICER, Role.PROBATION_SERVICES_OFFICER, Role.PQIP_LEARNER
TEAM_SHAPE = (_PO, _PSO, _PO, _PQIP, _PO, _PSO, _PO, _PO, _PSO, _PO, _PQIP, _PO)
GRADE = {
    Role.PROBATION_OFFICER: "PO",
    Role.PROBATION_SERVICES_OFFICER: "PSO",
    Role.PQIP_LEARNER: "PQIP",
    Role.SENIOR_PROBATION_OFFICER: "SPO",
}
UNUSABLE_PASSWORD = "!seeded-account-no-password"
TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@dataclass
class Pools:
    """Value pools drawn once from Faker, then sampled with our own random generator:
    far faster than calling Faker per row, and just as deterministic."""

    male: list[str]
    female: list[str]
    surnames: list[str]
    streets: list[str]
    towns: list[str]
    counties: list[str]
    postcodes: list[str]

    @classmethod
    def build(cls, seed: int, size: int = 2000) -> "Pools":
        fake = Faker("en_GB")
        fake.seed_instance(seed)
        return cls(
            male=sorted({fake.first_name_male() for _ in range(size)}),
            female=sorted({fake.first_name_female() for _ in range(size)}),
            surnames=sorted({fake.last_name() for _ in range(size * 2)}),
            streets=[fake.street_address().replace("\n", ", ") for _ in range(size)],
            towns=[fake.city() for _ in range(size // 4)],
            counties=[fake.county() for _ in range(50)],
            postcodes=[fake.postcode() for _ in range(size)],
        )


@dataclass
class Organisation:
    regions: list[Region] = field(default_factory=list)
    teams: list[Team] = field(default_factory=list)
    practitioners_by_team: dict[int, list[int]] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)  # how long each part took


def build_organisation(
    *, rng: random.Random, pools: Pools, regions: int, practitioners: int, progress: bool
) -> Organisation:
    """Regions, PDUs, teams, offices, courts and prisons, and the staff in them."""
    org = Organisation()
    teams_needed = max(regions, -(-practitioners // len(TEAM_SHAPE)))
    teams_per_region = -(-teams_needed // regions)
    pdus_per_region = max(1, min(9, teams_per_region // 6))
    per_team = min(len(TEAM_SHAPE), -(-practitioners // (teams_per_region * regions)))
    staff_rows, staff_id = [], next_id("accounts_staff")
    for code, name, prefix in REGIONS[:regions]:
        region = Region.objects.create(code=code, name=name, crn_prefix=prefix)
        org.regions.append(region)
        Court.objects.create(code=f"{code}MC", name=f"{name} Magistrates' Court", region=region)
        Court.objects.create(
            code=f"{code}CC", name=f"{name} Crown Court", region=region, is_crown_court=True
        )
        Prison.objects.create(code=f"{code}P", name=f"HMP {rng.choice(pools.towns)}", region=region)
        for p in range(pdus_per_region):
            town = pools.towns[(len(org.teams) + p) % len(pools.towns)]
            pdu = ProbationDeliveryUnit.objects.create(
                code=f"{code}P{p:02d}", name=f"{town} PDU", region=region
            )
            Office.objects.create(
                code=f"{code}O{p:02d}",
                name=f"{town} probation office",
                pdu=pdu,
                address=rng.choice(pools.streets),
                postcode=rng.choice(pools.postcodes),
            )
        pdus = list(region.pdus.all())
        for t in range(teams_per_region):
            pdu = pdus[t % len(pdus)]
            team = Team.objects.create(
                code=f"{code}T{t:03d}", name=f"{pdu.name[:-4]} Team {t + 1}", pdu=pdu
            )
            org.teams.append(team)
            shape = [Role.SENIOR_PROBATION_OFFICER, *TEAM_SHAPE[:per_team]]
            for role in shape:
                username = f"{prefix.lower()}{staff_id:06d}"
                staff_rows.append(
                    _staff_row(staff_id, username, rng, pools, [role], GRADE[role], team.pk)
                )
                if role != Role.SENIOR_PROBATION_OFFICER:
                    org.practitioners_by_team.setdefault(team.pk, []).append(staff_id)
                staff_id += 1
        # Region-wide roles: court, victim liaison, programmes, pre-release, pathway, admin.
        for role in (
            Role.COURT_OFFICER,
            Role.COURT_OFFICER,
            Role.VICTIM_LIAISON_OFFICER,
            Role.PROGRAMME_FACILITATOR,
            Role.PRE_RELEASE_OFFICER,
            Role.PATHWAY_PRACTITIONER,
            Role.ADMINISTRATOR,
        ):
            staff_rows.append(
                _staff_row(
                    staff_id,
                    f"{prefix.lower()}{staff_id:06d}",
                    rng,
                    pools,
                    [role],
                    "OTHER",
                    org.teams[-1].pk,
                )
            )
            staff_id += 1
    bulk_load("accounts_staff", STAFF_COLUMNS, tqdm(staff_rows, desc="Staff", disable=not progress))
    reset_sequences(["accounts_staff"])
    return org


STAFF_COLUMNS = (
    "id",
    "password",
    "is_superuser",
    "username",
    "first_name",
    "last_name",
    "email",
    "is_staff",
    "is_active",
    "date_joined",
    "roles",
    "grade",
    "team_id",
    "phone",
)


def _staff_row(pk, username, rng, pools, roles, grade, team_id, password=UNUSABLE_PASSWORD):
    first = rng.choice(pools.female if rng.random() < 0.7 else pools.male)
    last = rng.choice(pools.surnames)
    email = f"{first}.{last}@probation.example".lower().replace(" ", "").replace("'", "")
    return (
        pk,
        password,
        False,
        username,
        first,
        last,
        email,
        False,
        True,
        NOW,
        [r.value for r in roles],
        grade,
        team_id,
        "",
    )


CASE_COLUMNS = (
    "id",
    "crn",
    "first_name",
    "middle_names",
    "last_name",
    "preferred_name",
    "date_of_birth",
    "gender",
    "pnc",
    "prison_number",
    "phone",
    "mobile",
    "email",
    "language",
    "interpreter_required",
    "ethnicity",
    "religion",
    "sexual_orientation",
    "team_id",
    "practitioner_id",
    "restricted",
    "restriction_message",
    "exclusion_message",
    "version",
    "created_at",
    "updated_at",
)
ADDRESS_COLUMNS = (
    "id",
    "case_id",
    "status",
    "type",
    "line_1",
    "line_2",
    "town",
    "county",
    "postcode",
    "start_date",
    "end_date",
    "notes",
)
NAME_COLUMNS = ("id", "case_id", "name", "is_alias")
ALIAS_COLUMNS = ("id", "case_id", "first_name", "last_name", "date_of_birth")
ALLOCATION_COLUMNS = (
    "id",
    "case_id",
    "practitioner_id",
    "team_id",
    "started_at",
    "ended_at",
    "allocated_by_id",
    "reason",
)
ACCESS_COLUMNS = ("id", "case_id", "staff_id", "kind", "reason", "added_by_id", "added_at")
LANGUAGES = ["English"] * 90 + [
    "Polish",
    "Romanian",
    "Urdu",
    "Punjabi",
    "Arabic",
    "Welsh",
    "Lithuanian",
    "Portuguese",
    "Somali",
    "Bengali",
]


def _date_of_birth(rng: random.Random) -> date:
    # Ages 18 to about 80, most in their twenties and thirties.
    age_days = int((18 + min(62.0, rng.gammavariate(2.0, 7.5))) * 365.25)
    return TODAY - timedelta(days=age_days)


def generate_people(
    *, rng: random.Random, pools: Pools, org: Organisation, people: int, progress: bool
) -> None:
    ids = {
        t: next_id(t)
        for t in (
            "people_case",
            "people_address",
            "people_searchname",
            "people_alias",
            "people_allocation",
            "access_caseaccess",
        )
    }
    cases, addresses, names, aliases, allocations, access = [], [], [], [], [], []
    teams = [t for t in org.teams if t.pk in org.practitioners_by_team]
    prefix_of = {r.pk: r.crn_prefix for r in org.regions}
    region_of_team = {t.pk: t.pdu.region_id for t in teams}
    serial_of_prefix: dict[str, int] = {}
    for i in tqdm(range(people), desc="People", disable=not progress):
        case_id = ids["people_case"] + i
        team = teams[i % len(teams)]
        practitioner = rng.choice(org.practitioners_by_team[team.pk])
        male = rng.random() < 0.88
        first = rng.choice(pools.male if male else pools.female)
        middle = rng.choice(pools.male if male else pools.female) if rng.random() < 0.6 else ""
        last = rng.choice(pools.surnames)
        dob = _date_of_birth(rng)
        prefix = prefix_of[region_of_team[team.pk]]
        serial = serial_of_prefix[prefix] = serial_of_prefix.get(prefix, 0) + 1
        crn = f"{prefix}{(serial * 7919 + 104729) % 1_000_000:06d}"
        pnc = (
            format_pnc(min(2026, dob.year + 18 + rng.randrange(8)), rng.randrange(1, 9_999_999))
            if rng.random() < 0.85
            else ""
        )
        restricted = rng.random() < 0.005
        cases.append(
            (
                case_id,
                crn,
                first,
                middle,
                last,
                "",
                dob,
                "M" if male else "F",
                pnc,
                "",
                f"07{rng.randrange(10**9):09d}" if rng.random() < 0.8 else "",
                "",
                "",
                rng.choice(LANGUAGES),
                False,
                "",
                "",
                "",
                team.pk,
                practitioner,
                restricted,
                "",
                "",
                1,
                NOW,
                NOW,
            )
        )
        names.append(
            (ids["people_searchname"] + len(names), case_id, normalise_name(first, last), False)
        )
        if restricted:
            access.append(
                (
                    ids["access_caseaccess"] + len(access),
                    case_id,
                    practitioner,
                    "ALLOWED",
                    "Allocated practitioner",
                    None,
                    NOW,
                )
            )
        if rng.random() < 0.1:
            alias_first = rng.choice(pools.male if male else pools.female)
            aliases.append((ids["people_alias"] + len(aliases), case_id, alias_first, last, None))
            names.append(
                (
                    ids["people_searchname"] + len(names),
                    case_id,
                    normalise_name(alias_first, last),
                    True,
                )
            )
        moved_in = TODAY - timedelta(days=rng.randrange(30, 2000))
        if rng.random() < 0.05:
            addresses.append(
                (
                    ids["people_address"] + len(addresses),
                    case_id,
                    "MAIN",
                    "NFA",
                    "",
                    "",
                    "",
                    "",
                    "",
                    moved_in,
                    None,
                    "",
                )
            )
        else:
            addresses.append(
                (
                    ids["people_address"] + len(addresses),
                    case_id,
                    "MAIN",
                    rng.choice(["HOME"] * 6 + ["FAMILY", "FAMILY", "TEMP", "AP"]),
                    rng.choice(pools.streets),
                    "",
                    rng.choice(pools.towns),
                    rng.choice(pools.counties),
                    rng.choice(pools.postcodes),
                    moved_in,
                    None,
                    "",
                )
            )
        if rng.random() < 0.4:
            addresses.append(
                (
                    ids["people_address"] + len(addresses),
                    case_id,
                    "PREVIOUS",
                    "HOME",
                    rng.choice(pools.streets),
                    "",
                    rng.choice(pools.towns),
                    "",
                    rng.choice(pools.postcodes),
                    moved_in - timedelta(days=rng.randrange(90, 1500)),
                    moved_in,
                    "",
                )
            )
        allocations.append(
            (
                ids["people_allocation"] + len(allocations),
                case_id,
                practitioner,
                team.pk,
                NOW - timedelta(days=rng.randrange(1, 700)),
                None,
                None,
                "",
            )
        )
    for table, columns, rows in (
        ("people_case", CASE_COLUMNS, cases),
        ("people_searchname", NAME_COLUMNS, names),
        ("people_alias", ALIAS_COLUMNS, aliases),
        ("people_address", ADDRESS_COLUMNS, addresses),
        ("people_allocation", ALLOCATION_COLUMNS, allocations),
        ("access_caseaccess", ACCESS_COLUMNS, access),
    ):
        bulk_load(table, columns, tqdm(rows, desc=f"Loading {table}", disable=not progress))
    words = sorted({word for _, _, name, _ in names for word in name.split()})
    known = set(NameWord.objects.values_list("word", flat=True))
    first_word = next_id("people_nameword")
    new_words = [w for w in words if w not in known]
    bulk_load(
        "people_nameword", ("id", "word"), ((first_word + i, w) for i, w in enumerate(new_words))
    )
    reset_sequences([*ids, "people_nameword"])


def seed(
    *, people: int, seed: int, regions: int | None = None, progress: bool = True
) -> Organisation:
    """Generate a whole service: organisation, staff and people on probation."""
    if connection.vendor == "postgresql":
        # Check foreign keys as each COPY ends rather than all at COMMIT: a queue of deferred
        # checks for millions of rows makes the commit alone take minutes.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    started = time.monotonic()
    rng = random.Random(seed)
    pools = Pools.build(seed)
    practitioners = max(1, people // CASES_PER_PRACTITIONER)
    regions = regions or min(len(REGIONS), max(2, practitioners // 40))
    org = build_organisation(
        rng=rng, pools=pools, regions=regions, practitioners=practitioners, progress=progress
    )
    generate_people(rng=rng, pools=pools, org=org, people=people, progress=progress)
    org.stage_seconds["organisation and people"] = time.monotonic() - started
    for stage, tables, generate in (
        (
            "sentences",
            SENTENCE_TABLES,
            lambda: generate_sentences(rng=rng, today=TODAY, progress=progress),
        ),
        (
            "supervision",
            SUPERVISION_TABLES,
            lambda: generate_supervision(rng=rng, now=NOW, progress=progress),
        ),
        (
            "programmes",
            PROGRAMME_TABLES,
            lambda: seed_programmes(rng=rng, now=NOW, progress=progress),
        ),
        (
            "unpaid work",
            UNPAID_WORK_TABLES,
            lambda: generate_unpaid_work(rng=rng, now=NOW, progress=progress),
        ),
        ("risk", (), lambda: generate_risk(rng=rng, today=TODAY, progress=progress)),
    ):
        started = time.monotonic()
        with keys_and_indexes_rebuilt(tables):
            generate()
        org.stage_seconds[stage] = time.monotonic() - started
    return org
