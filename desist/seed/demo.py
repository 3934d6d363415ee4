"""Demo sign-ins, one per role, over a small generated service (two regions)."""

from datetime import date

from django.contrib.auth.hashers import make_password
from django.db import transaction

from desist.access.models import AccessKind, CaseAccess
from desist.accounts.models import Staff
from desist.accounts.roles import Role
from desist.courts.demo import seed_court_reports
from desist.courts.services import court_list_import
from desist.enforcement.demo import seed_enforcement_demo
from desist.interventions.demo import seed_interventions_demo
from desist.oversight.seed import seed_oversight
from desist.people.models import Allocation, Case
from desist.plans.demo import seed_plans_demo
from desist.prerelease.demo import seed_prerelease_demo
from desist.programmes.demo import seed_programmes_demo
from desist.seed.generator import seed
from desist.supervision.constants import SHARED_TYPES
from desist.supervision.models import Appointment
from desist.unpaid_work.demo import seed_unpaid_work_demo
from desist.workforce.demo import seed_allocation_demo

DEMO_PASSWORD = "demo-password-2026"
DEMO_USERS = [
    ("demo.po", "Priya", "Officer", Role.PROBATION_OFFICER, "PO"),
    ("demo.pso", "Sam", "Services", Role.PROBATION_SERVICES_OFFICER, "PSO"),
    ("demo.court", "Courtney", "Bench", Role.COURT_OFFICER, "OTHER"),
    ("demo.vlo", "Victoria", "Liaison", Role.VICTIM_LIAISON_OFFICER, "OTHER"),
    ("demo.facilitator", "Faye", "Group", Role.PROGRAMME_FACILITATOR, "OTHER"),
    ("demo.prerelease", "Pat", "Release", Role.PRE_RELEASE_OFFICER, "OTHER"),
    ("demo.opd", "Oliver", "Pathway", Role.PATHWAY_PRACTITIONER, "OTHER"),
    ("demo.spo", "Sandra", "Manager", Role.SENIOR_PROBATION_OFFICER, "SPO"),
    # A second SPO: an allocation exception needs another SPO's countersignature.
    ("demo.spo2", "Simon", "Deputy", Role.SENIOR_PROBATION_OFFICER, "SPO"),
    ("demo.pqip", "Lee", "Learner", Role.PQIP_LEARNER, "PQIP"),
    ("demo.admin", "Adele", "Admin", Role.ADMINISTRATOR, "OTHER"),
]


@transaction.atomic
def seed_demo(*, people: int = 300, seed_value: int = 2026, progress: bool = False) -> list[Staff]:
    org = seed(people=people, seed=seed_value, regions=2, progress=progress)
    team = org.teams[0]
    password = make_password(DEMO_PASSWORD)  # hashed once: argon2 is slow on purpose
    users = [
        Staff.objects.create(
            username=username,
            first_name=first,
            last_name=last,
            roles=[role.value],
            grade=grade,
            team=team,
            password=password,
            email=f"{username}@probation.example",
        )
        for username, first, last, role, grade in DEMO_USERS
    ]
    by_name = {u.username: u for u in users}
    # Give the demo practitioners caseloads of their own.
    cases = list(Case.objects.filter(team=team, restricted=False).order_by("id"))
    for case, user in zip(
        cases,
        [by_name["demo.po"]] * 30 + [by_name["demo.pso"]] * 10 + [by_name["demo.pqip"]] * 5,
        strict=False,
    ):
        # Seeding, not practice: the demo practitioners take over the seeded history too, so
        # their diaries and worklists have something in them.
        Allocation.objects.filter(case=case, ended_at__isnull=True).update(practitioner=user)
        Appointment.objects.filter(case=case).exclude(type__in=SHARED_TYPES).update(
            practitioner=user
        )
        case.practitioner = user
        case.save(update_fields=["practitioner"])
    # One restricted case nobody in the demo may open but its own practitioner, and one
    # case the demo probation services officer is excluded from.
    restricted = cases[-1]
    restricted.restricted = True
    restricted.restriction_message = "This case is restricted: contact the Head of PDU."
    restricted.save(update_fields=["restricted", "restriction_message"])
    CaseAccess.objects.get_or_create(
        case=restricted, staff_id=restricted.practitioner_id, defaults={"kind": AccessKind.ALLOWED}
    )
    CaseAccess.objects.create(
        case=cases[0],
        staff=by_name["demo.pso"],
        kind=AccessKind.EXCLUDED,
        reason="Knows the person outside work",
    )
    _todays_court_list(by=by_name["demo.court"], region=org.regions[0], cases=cases)
    seed_court_reports(court_officer=by_name["demo.court"], po=by_name["demo.po"])
    seed_oversight(po=by_name["demo.po"], spo=by_name["demo.spo"], pqip=by_name["demo.pqip"])
    seed_enforcement_demo(po=by_name["demo.po"])
    seed_plans_demo(po=by_name["demo.po"])
    seed_interventions_demo(po=by_name["demo.po"], admin=by_name["demo.admin"])
    seed_programmes_demo(facilitator=by_name["demo.facilitator"], po=by_name["demo.po"])
    seed_unpaid_work_demo(pso=by_name["demo.pso"], po=by_name["demo.po"])
    seed_prerelease_demo(prerelease=by_name["demo.prerelease"], po=by_name["demo.po"])
    seed_allocation_demo(
        spo=by_name["demo.spo"],
        team=team,
        po=by_name["demo.po"],
        pso=by_name["demo.pso"],
        pqip=by_name["demo.pqip"],
    )
    return users


def _todays_court_list(*, by, region, cases) -> None:
    """Today's list at the region's magistrates' court, for the demo court officer: people
    already known (one name misspelt, as lists often are) and people new to probation."""
    court = region.courts.filter(is_crown_court=False).first()
    rows = [
        "court,date,session,courtroom,list_number,defendant_name,date_of_birth,pnc,address,"
        "offences,in_custody"
    ]
    today = date.today().isoformat()
    known = cases[1:7]
    for number, case in enumerate(known, start=1):
        surname = case.last_name if number != 2 else case.last_name[:-1]
        rows.append(
            f"{court.code},{today},am,1,{number},{case.first_name} {surname},"
            f"{case.date_of_birth.isoformat()},{case.pnc},,Theft from a shop ({today}),no"
        )
    strangers = [
        ("Alex Newman", "1994-05-17"),
        ("Jordan Hale", "2001-09-02"),
        ("Casey Rowe", "1988-12-30"),
    ]
    for number, (name, born) in enumerate(strangers, start=len(known) + 1):
        rows.append(
            f"{court.code},{today},pm,2,{number},{name},{born},,"
            f"1 Market Street NE1 4XF,Common assault ({today}),{'yes' if number % 2 else 'no'}"
        )
    court_list_import(text="\n".join(rows) + "\n", by=by)
