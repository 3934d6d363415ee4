"""Personas and helpers shared by every test (as healthchecks' BaseTestCase).

Each persona is a real member of staff with one role; the tests sign them in with a
confirmed TOTP device, exactly as production requires.
"""

import datetime
import os

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, settings

from desist.accounts.models import Staff
from desist.accounts.roles import Role
from desist.organisation.models import ProbationDeliveryUnit, Region, Team
from desist.people import services as people_services

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright beside live_server

# Property tests judge the rules, not the machine: on two shared cores a slow draw or example
# says nothing about the code, so neither timing check may fail a run.
settings.register_profile("desist", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("desist")


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    # Argon2 is deliberately slow; tests that check hashing ask for it explicitly.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def region(db):
    return Region.objects.create(code="R1", name="North East", crn_prefix="N")


@pytest.fixture
def team(region):
    pdu = ProbationDeliveryUnit.objects.create(code="P1", name="Tyneside PDU", region=region)
    return Team.objects.create(code="T1", name="Tyneside Team 1", pdu=pdu)


@pytest.fixture
def make_staff(team):
    def make(username: str, *roles: Role, **extra) -> Staff:
        staff = Staff.objects.create_user(
            username=username,
            password="a-long-test-password",
            first_name=username.title(),
            last_name="Tester",
            roles=[r.value for r in roles],
            team=extra.pop("team", team),
            email=f"{username}@probation.example",
            **extra,
        )
        return staff

    return make


@pytest.fixture
def officer(make_staff):
    return make_staff("officer", Role.PROBATION_OFFICER, grade="PO")


@pytest.fixture
def colleague(make_staff):
    return make_staff("colleague", Role.PROBATION_OFFICER, grade="PO")


@pytest.fixture
def manager(make_staff):
    return make_staff("manager", Role.SENIOR_PROBATION_OFFICER, grade="SPO")


@pytest.fixture
def admin_user(make_staff):
    return make_staff("admin", Role.ADMINISTRATOR)


@pytest.fixture
def make_case(team, officer):
    def make(first="John", last="Smith", practitioner=officer, **details):
        details.setdefault("date_of_birth", datetime.date(1985, 3, 27))
        details.setdefault("gender", "M")
        case = people_services.case_create(
            by=officer, team=team, first_name=first, last_name=last, **details
        )
        if practitioner is not None:
            people_services.case_allocate(case=case, practitioner=practitioner, by=officer)
            case.refresh_from_db()
        return case

    return make


@pytest.fixture
def case(make_case):
    return make_case()


def sign_in(client, user) -> None:
    """Sign in with a confirmed second factor, as every real session must have."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, defaults={"confirmed": True})
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def signed_in(client):
    def do(user):
        sign_in(client, user)
        return client

    return do
