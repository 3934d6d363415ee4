from desist.accounts.roles import (
    PERMISSION_TABLE,
    ROLE_PERMISSIONS,
    Permission,
    Role,
    _parse,
    permissions_for,
)


def test_every_role_and_permission_is_in_the_table():
    assert set(ROLE_PERMISSIONS) == set(Role)
    mentioned = set().union(*ROLE_PERMISSIONS.values())
    assert mentioned == set(Permission)


def test_victim_details_are_for_victim_liaison_officers_alone():
    holders = {
        role for role, perms in ROLE_PERMISSIONS.items() if Permission.VIEW_VICTIM_DETAILS in perms
    }
    assert holders == {Role.VICTIM_LIAISON_OFFICER}


def test_administrators_see_no_case_content():
    assert Permission.VIEW_CASE not in ROLE_PERMISSIONS[Role.ADMINISTRATOR]
    assert Permission.SEARCH_CASES not in ROLE_PERMISSIONS[Role.ADMINISTRATOR]


def test_court_officers_hold_no_caseload():
    assert Permission.HOLD_CASELOAD not in ROLE_PERMISSIONS[Role.COURT_OFFICER]


def test_only_senior_probation_officers_allocate():
    holders = {r for r, perms in ROLE_PERMISSIONS.items() if Permission.ALLOCATE_CASES in perms}
    assert holders == {Role.SENIOR_PROBATION_OFFICER}


def test_roles_combine():
    both = permissions_for([Role.COURT_OFFICER, Role.VICTIM_LIAISON_OFFICER])
    assert Permission.CREATE_CASE in both and Permission.VIEW_VICTIM_DETAILS in both


def test_a_malformed_table_is_refused():
    bad = PERMISSION_TABLE.replace("search_cases           x   x", "search_cases           x   ?")
    try:
        _parse(bad)
    except ValueError as error:
        assert "search_cases" in str(error)
    else:
        raise AssertionError("a malformed table was accepted")


def test_inactive_staff_have_no_permissions(officer):
    officer.is_active = False
    assert officer.granted == frozenset()
