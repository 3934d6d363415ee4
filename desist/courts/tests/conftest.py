import csv
import datetime
import io

import pytest

from desist.accounts.roles import Role
from desist.courts.court_list import COLUMNS
from desist.organisation.models import Court

HEARING_DAY = datetime.date(2026, 11, 23)


@pytest.fixture
def court(region):
    return Court.objects.create(code="B01LY", name="Newcastle Magistrates' Court", region=region)


@pytest.fixture
def court_officer(make_staff):
    return make_staff("courtofficer", Role.COURT_OFFICER, grade="PSO")


def listed(**values) -> dict:
    """One court list row, with plausible values for anything not given."""
    row = {
        "court": "B01LY",
        "date": HEARING_DAY.isoformat(),
        "session": "AM",
        "courtroom": "1",
        "list_number": "1",
        "defendant_name": "SMITH, John",
        "date_of_birth": "1985-03-27",
        "pnc": "",
        "address": "1 High Street, Newcastle NE1 4XF",
        "offences": "Theft from a shop (2026-10-01)",
        "in_custody": "no",
    }
    return row | values


def court_list_csv(*rows: dict) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*COLUMNS, "crn"], extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
