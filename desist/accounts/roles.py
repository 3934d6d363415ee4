"""What each role may do, in one place, as a table a practitioner or auditor can read.

Roles come from the probation workforce (HMPPS job families); one person can hold several.
The table grants *role* permissions only. Whether a user may open a particular case is
decided by desist.access (restricted and excluded cases), on top of this.

Administrators manage staff and reference data; they see no case content. Victim details
are for victim liaison officers alone (Victims' Code; the Victim Contact Scheme).
"""

from django.db import models


class Role(models.TextChoices):
    PROBATION_OFFICER = "PO", "Probation officer"
    PROBATION_SERVICES_OFFICER = "PSO", "Probation services officer"
    COURT_OFFICER = "CO", "Court officer"
    VICTIM_LIAISON_OFFICER = "VLO", "Victim liaison officer"
    PROGRAMME_FACILITATOR = "PF", "Programme facilitator"
    PRE_RELEASE_OFFICER = "PRE", "Pre-release officer"
    PATHWAY_PRACTITIONER = "OPD", "Personality-disorder pathway practitioner"
    SENIOR_PROBATION_OFFICER = "SPO", "Senior probation officer"
    PQIP_LEARNER = "PQIP", "PQiP learner"
    ADMINISTRATOR = "ADM", "Administrator"


class Permission(models.TextChoices):
    SEARCH_CASES = "search_cases", "Search for people on probation"
    VIEW_CASE = "view_case", "Open a case"
    CREATE_CASE = "create_case", "Create a case"
    EDIT_CASE = "edit_case", "Change personal details on a case"
    HOLD_CASELOAD = "hold_caseload", "Hold a caseload"
    EXPORT_CASES = "export_cases", "Export case lists"
    VIEW_ACCESS_LOG = "view_access_log", "See who has accessed a case"
    MANAGE_CASE_ACCESS = "manage_case_access", "Restrict a case or exclude staff from it"
    ALLOCATE_CASES = "allocate_cases", "Allocate cases to practitioners"
    VIEW_VICTIM_DETAILS = "view_victim_details", "See victims' details"
    MANAGE_STAFF = "manage_staff", "Manage staff accounts and roles"
    MANAGE_REFERENCE_DATA = "manage_reference_data", "Manage reference data"
    VIEW_COURT_LIST = "view_court_list", "Work on court lists and pre-sentence reports"
    ASSESS_RISK = "assess_risk", "Record RoSH assessments and predictor scores"
    RECORD_ENFORCEMENT = "record_enforcement", "Issue warnings, start breach and propose recall"
    PLAN_SENTENCE = "plan_sentence", "Assess needs and write sentence plans and session tools"
    COUNTERSIGN = "countersign", "Countersign work and record management oversight"
    MANAGE_TEAM = "manage_team", "See team workload and record staff reductions"
    DELIVER_PROGRAMMES = "deliver_programmes", "Run group programmes: waitlists, groups, registers"
    MANAGE_UNPAID_WORK = "manage_unpaid_work", "Run community payback projects and work sessions"
    PREPARE_RELEASE = "prepare_release", "Record resettlement needs and pre-release work"


# x = granted. Columns are Role values; rows are Permission values.
PERMISSION_TABLE = """
                       PO  PSO  CO  VLO  PF  PRE  OPD  SPO  PQIP  ADM
search_cases           x   x    x   x    x   x    x    x    x     .
view_case              x   x    x   x    x   x    x    x    x     .
create_case            x   x    x   .    .   .    .    x    .     .
edit_case              x   x    x   .    .   x    .    x    x     .
hold_caseload          x   x    .   .    .   .    .    x    x     .
export_cases           x   x    .   .    .   .    .    x    x     .
view_access_log        .   .    .   .    .   .    .    x    .     x
manage_case_access     .   .    .   .    .   .    .    x    .     x
allocate_cases         .   .    .   .    .   .    .    x    .     .
view_victim_details    .   .    .   x    .   .    .    .    .     .
manage_staff           .   .    .   .    .   .    .    .    .     x
manage_reference_data  .   .    .   .    .   .    .    .    .     x
view_court_list        .   .    x   .    .   .    .    x    .     .
assess_risk            x   .    .   .    .   .    .    x    x     .
record_enforcement     x   x    .   .    .   .    .    x    x     .
plan_sentence          x   x    .   .    .   .    .    x    x     .
countersign            .   .    .   .    .   .    .    x    .     .
manage_team            .   .    .   .    .   .    .    x    .     .
deliver_programmes     .   .    .   .    x   .    .    x    .     .
manage_unpaid_work     .   x    .   .    .   .    .    x    .     .
prepare_release        x   .    .   .    .   x    .    x    x     .
"""


def _parse(table: str) -> dict[Role, frozenset[Permission]]:
    header, *rows = [line.split() for line in table.strip().splitlines()]
    roles = [Role(code) for code in header]
    grants: dict[Role, set[Permission]] = {role: set() for role in roles}
    for permission, *marks in rows:
        if len(marks) != len(roles) or set(marks) - {"x", "."}:
            raise ValueError(f"Malformed permission table row: {permission}")
        for role, mark in zip(roles, marks, strict=True):
            if mark == "x":
                grants[role].add(Permission(permission))
    return {role: frozenset(perms) for role, perms in grants.items()}


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = _parse(PERMISSION_TABLE)


def permissions_for(roles: list[str]) -> frozenset[Permission]:
    """Every permission granted by any of the roles a person holds."""
    granted: set[Permission] = set()
    for code in roles:
        granted |= ROLE_PERMISSIONS.get(Role(code), frozenset())
    return frozenset(granted)
