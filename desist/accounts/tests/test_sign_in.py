import pytest
from django.contrib.auth.hashers import identify_hasher
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.audit.models import Action, AuditEvent


def post_sign_in(client, username, password, next_url="/"):
    return client.post("/sign-in/", {"username": username, "password": password, "next": next_url})


def test_pages_need_sign_in(client, case):
    for path in ("/", "/caseload/", "/search/", f"/cases/{case.crn}/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/sign-in/")


def test_the_api_needs_sign_in(client, case):
    assert client.get(f"/api/cases/{case.crn}/").status_code == 401


def test_password_then_totp_code(client, officer):
    response = post_sign_in(client, "officer", "a-long-test-password", "/caseload/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/two-factor/")
    # Signed in with a password alone is not enough.
    assert client.get("/caseload/")["Location"].startswith("/sign-in/two-factor/")
    # First time: the page sets up the authenticator app.
    page = client.get("/sign-in/two-factor/?next=/caseload/")
    assert b"Set up two-factor sign-in" in page.content and b"<svg" in page.content
    device = TOTPDevice.objects.get(user=officer)
    wrong = client.post("/sign-in/two-factor/", {"token": "000000", "next": "/caseload/"})
    assert b"There is a problem" in wrong.content
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # wrong codes slow further guesses down
    device.throttle_reset()
    code = f"{totp(device.bin_key):06d}"
    response = client.post("/sign-in/two-factor/", {"token": code, "next": "/caseload/"})
    assert response["Location"] == "/caseload/"
    assert client.get("/caseload/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(actor=officer, action=Action.SIGN_IN).exists()


def test_demo_mode_skips_the_second_factor(client, officer, settings):
    settings.DEMO_MODE = True
    response = post_sign_in(client, "officer", "a-long-test-password", "/caseload/")
    assert response["Location"] == "/caseload/"
    assert client.get("/caseload/").status_code == 200


def test_a_wrong_password_is_refused_and_audited(client, officer):
    response = post_sign_in(client, "officer", "wrong-password")
    assert response.status_code == 200
    assert b"Enter a correct username and password" in response.content
    assert AuditEvent.objects.filter(action=Action.SIGN_IN_FAILED).count() == 1


def test_repeated_failures_lock_the_account(client, officer):
    for _ in range(5):
        post_sign_in(client, "officer", "wrong-password")
    locked = post_sign_in(client, "officer", "a-long-test-password")
    assert locked.status_code == 429
    assert b"locked out" in locked.content


def test_open_redirects_are_refused(client, officer, settings):
    settings.DEMO_MODE = True
    response = post_sign_in(client, "officer", "a-long-test-password", "https://evil.example/")
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_passwords_are_hashed_with_argon2(settings, make_staff):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    staff = make_staff("hashed")
    assert identify_hasher(staff.password).algorithm == "argon2"


def test_sign_out_needs_post(client, officer, signed_in):
    signed_in(officer)
    assert client.get("/sign-out/").status_code == 405
    client.post("/sign-out/")
    assert client.get("/caseload/").status_code == 302


def test_cookies_are_secure_outside_demo_mode(settings):
    # The test settings are production's: no demo, no debug.
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY
