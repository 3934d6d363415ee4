"""The menu shows each member of staff the areas their roles open, and nothing else."""

import pytest

from desist.accounts.roles import Role
from desist.core.navigation import MENU


def _menu(page: str) -> list[str]:
    menu = page.split('<ul class="govuk-service-navigation__list">')[1].split("</ul>")[0]
    return [label for label, _, _ in MENU if f">{label}</a>" in menu]


@pytest.mark.parametrize(
    "role, expected",
    [
        (
            Role.PROBATION_OFFICER,
            ["Home", "My caseload", "Diary", "Search", "Partner agencies", "Releases"],
        ),
        (Role.COURT_OFFICER, ["Court list", "Search", "Partner agencies"]),
        (Role.ADMINISTRATOR, ["Partner agencies", "Workload weightings", "Offence codes"]),
    ],
    ids=lambda value: getattr(value, "value", None),
)
def test_the_menu_follows_the_roles(client, signed_in, make_staff, role, expected):
    page = signed_in(make_staff("someone", role)).get("/accounts/roles/", follow=True)
    shown = _menu(page.content.decode())
    assert shown == expected
