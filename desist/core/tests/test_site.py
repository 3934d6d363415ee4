"""Site-wide checks over the URL map: deny by default, one <h1>, pinned query counts."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from desist.people.services import address_add

PUBLIC = {"accounts:sign-in", "accounts:two-factor", "accounts:sign-out", "core:health-live"}
PUBLIC.add("supervision:calendar-feed")  # calendar apps cannot sign in: the secret URL is the key


def named_routes(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            prefix = f"{entry.namespace}:" if entry.namespace else namespace
            yield from named_routes(entry, prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def test_every_route_but_the_public_ones_needs_sign_in(client, case):
    routes = dict(named_routes())
    assert PUBLIC <= set(routes)
    for name, pattern in routes.items():
        path = "/" + re.sub(
            r"<(?:\w+:)?(\w+)>",
            lambda m: case.crn if m[1] == "crn" else "1",
            str(pattern.pattern).lstrip("^").rstrip("$"),
        )
        if name.startswith("api:"):
            path = "/api" + path
        response = client.get(path)
        if name in PUBLIC:
            continue
        assert response.status_code in (302, 401), (
            f"{name} ({path}) answered {response.status_code}"
        )


@pytest.mark.parametrize(
    "path",
    [
        "/caseload/",
        "/search/",
        "/search/?q=smith",
        "/cases/new/",
        "/roles/",
        "{case}",
        "{case}personal-details/",
        "{case}personal-details/edit/",
        "{case}addresses/new/",
        "{case}contacts/new/",
        "{case}disabilities/new/",
        "{case}aliases/new/",
        "{case}access-log/",
        "{case}access/",
    ],
)
def test_each_page_has_exactly_one_h1(client, signed_in, manager, make_case, path):
    case = make_case(practitioner=manager)
    signed_in(manager)
    response = client.get(path.format(case=f"/cases/{case.crn}/"))
    assert response.status_code == 200
    assert response.content.count(b"<h1") == 1


def test_caseload_page_query_count_does_not_grow(
    client, signed_in, officer, make_case, django_assert_max_num_queries
):
    for i in range(30):
        case = make_case(f"Person{i}", "Caseload")
        address_add(
            case=case,
            by=officer,
            status="MAIN",
            type="HOME",
            line_1=f"{i} Road",
            postcode="NE1 1AA",
            start_date="2026-01-01",
        )
    signed_in(officer)
    with django_assert_max_num_queries(8):
        response = client.get("/caseload/")
    assert response.content.count(b'href="/cases/N') == 30


def test_case_page_query_count(client, signed_in, officer, case, django_assert_max_num_queries):
    signed_in(officer)
    # Session, user, second factor; the case with its access check; the audit row; the main
    # address; one query per area section (events, appointments (2), risk flags, enforcement,
    # accommodation and referrals).
    with django_assert_max_num_queries(12):
        assert client.get(f"/cases/{case.crn}/").status_code == 200


def test_security_headers(client, signed_in, officer):
    signed_in(officer)
    response = client.get("/search/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert b"<script>" not in response.content  # no inline script anywhere


def test_personal_details_page_query_count(
    client, signed_in, officer, case, django_assert_max_num_queries
):
    signed_in(officer)
    # Session, user, second factor; the case; the audit row; the header flags; five lists.
    with django_assert_max_num_queries(11):
        assert client.get(f"/cases/{case.crn}/personal-details/").status_code == 200
