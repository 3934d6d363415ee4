import datetime

import pytest

from desist.risk import services
from desist.risk.constants import RegistrationType

TODAY = datetime.date.today()


def date_fields(name: str, day: datetime.date) -> dict[str, str]:
    """The three boxes of a GOV.UK date input, as the browser posts them."""
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


@pytest.fixture
def add_registration(officer):
    def add(case, type=RegistrationType.DOMESTIC_ABUSE, **fields):
        fields.setdefault("registered_on", TODAY)
        fields.setdefault("review_date", TODAY + datetime.timedelta(weeks=26))
        fields.setdefault("notes", "")
        fields.setdefault("mappa_category", "")
        fields.setdefault("mappa_level", "")
        return services.registration_add(case=case, by=officer, type=type, **fields)

    return add


ROSH_TEXT = {
    "nature_of_harm": "Physical violence towards a former partner",
    "when_most_likely": "",
    "increases_risk": "",
    "decreases_risk": "",
    "supervision": "",
    "monitoring_and_tests": "",
    "interventions": "",
    "victim_safety_planning": "",
    "contingency": "",
}


def rosh_levels(community: str = "LOW", **overrides) -> dict[str, str]:
    levels = {
        f"{group}_community": community for group in ("children", "public", "known_adult", "staff")
    }
    levels |= {
        f"{group}_custody": ""
        for group in ("children", "public", "known_adult", "staff", "prisoners")
    }
    levels["prisoners_custody"] = "LOW"
    return levels | overrides
