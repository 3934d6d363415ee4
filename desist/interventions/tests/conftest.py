import pytest

from desist.accounts.roles import Role
from desist.interventions import services
from desist.interventions.constants import ServiceCategory


@pytest.fixture
def housing(admin_user, team):
    agency = services.agency_create(
        by=admin_user,
        pdus=[team.pdu],
        name="Northern Housing Trust",
        category=ServiceCategory.ACCOMMODATION,
        description="Supported housing",
        phone="0191 496 0000",
        email="referrals@nht.example.org",
        address="",
        active=True,
    )
    services.agency_contact_add(
        agency=agency,
        by=admin_user,
        name="Sam Okafor",
        role="Housing support worker",
        email="sam@nht.example.org",
        phone="",
        active=True,
    )
    return agency


@pytest.fixture
def make_referral(officer, housing):
    def make(case, **extra):
        details = {
            "agency": housing,
            "contact": housing.contacts.first(),
            "need": "ACCOMMODATION",
            "objective": None,
            "requirement": None,
            "desired_outcomes": "A settled tenancy",
            "urgency": "ROUTINE",
            "risk_to_share": ["ROSH_SUMMARY", "REGISTRATIONS"],
            **extra,
        }
        return services.referral_create(case=case, by=officer, **details)

    return make


@pytest.fixture
def court_officer(make_staff):
    return make_staff("courtofficer", Role.COURT_OFFICER)


@pytest.fixture
def vlo(make_staff):
    return make_staff("vlo", Role.VICTIM_LIAISON_OFFICER)
