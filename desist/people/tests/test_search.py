"""Search finds people by CRN, PNC, name (partial and misspelt) and date of birth, on both
databases, and only among the cases the user may see."""

import datetime

import pytest

from desist.people.search import case_search, name_score, parse_query
from desist.people.services import alias_add


@pytest.fixture
def people(make_case, officer):
    return {
        "john": make_case(
            "John", "Smith", date_of_birth=datetime.date(1985, 3, 27), pnc="2004/0046583U"
        ),
        "jane": make_case("Jane", "Smyth", date_of_birth=datetime.date(1990, 1, 2)),
        "joan": make_case("Joanne", "Smithers", date_of_birth=datetime.date(1985, 3, 27)),
        "sean": make_case("Seán", "O'Neill-Jones", date_of_birth=datetime.date(1979, 7, 7)),
        "other": make_case("Peter", "Brown", date_of_birth=datetime.date(1970, 5, 5)),
    }


def found(user, text):
    return [m.case.first_name for m in case_search(user, text)]


def test_a_misspelt_name_is_found(officer, people):
    assert found(officer, "Jon Smth")[0] == "John"


def test_a_partial_name_is_found(officer, people):
    assert set(found(officer, "smi")) == {"John", "Joanne"}


def test_the_exact_name_ranks_first(officer, people):
    assert found(officer, "john smith")[0] == "John"


def test_unrelated_names_are_not_found(officer, people):
    assert "Peter" not in found(officer, "Jon Smth")
    assert found(officer, "Zebedee Quux") == []


def test_accents_and_punctuation_do_not_matter(officer, people):
    assert found(officer, "sean oneill jones") == ["Seán"]


def test_an_alias_is_found_and_shown(officer, people):
    alias_add(case=people["other"], by=officer, first_name="Pete", last_name="Browning")
    matches = case_search(officer, "Pete Browning")
    assert matches[0].case == people["other"] and matches[0].by_alias


def test_by_crn(officer, people):
    assert found(officer, people["jane"].crn.lower()) == ["Jane"]


def test_by_pnc_in_any_form(officer, people):
    assert found(officer, "04/46583U") == ["John"]


def test_by_date_of_birth_alone_and_with_a_name(officer, people):
    assert set(found(officer, "27/03/1985")) == {"John", "Joanne"}
    assert found(officer, "smith 27/03/1985") == ["John", "Joanne"]


def test_nothing_to_search_for(officer, people):
    assert case_search(officer, "   ") == []


def test_parse_query():
    terms = parse_query("Jon Smth 3/4/1985 X123456")
    assert terms.name == "jon smth"
    assert terms.date_of_birth == datetime.date(1985, 4, 3)
    assert terms.crn == "X123456"


def test_name_score_needs_every_word():
    assert name_score("jon smth", "john smith") > 75
    assert name_score("jon smth", "john brown") == 0
    assert name_score("smith", "john smith") == pytest.approx(99.9)


def test_the_search_page_is_audited_and_shows_results(client, signed_in, officer, people):
    from desist.audit.models import Action, AuditEvent

    signed_in(officer)
    response = client.get("/search/?q=Jon+Smth")
    assert b"Smith, John" in response.content
    event = AuditEvent.objects.get(action=Action.SEARCH)
    assert event.detail["query"] == "Jon Smth" and event.detail["results"] >= 1


def test_htmx_gets_only_the_results(client, signed_in, officer, people):
    signed_in(officer)
    response = client.get("/search/?q=smith", HTTP_HX_REQUEST="true")
    assert b"<html" not in response.content and b"Smith, John" in response.content


def test_a_broad_search_returns_the_best_fifty_the_user_may_see(officer, colleague, make_case):
    from desist.access.models import AccessKind
    from desist.access.services import case_access_add

    hidden = make_case("Aaron", "Smith")
    case_access_add(case=hidden, staff=officer, kind=AccessKind.EXCLUDED, reason="x", by=colleague)
    for i in range(55):
        make_case(f"Person{i:02d}", "Smith", practitioner=None)
    matches = case_search(officer, "smith")
    assert len(matches) == 50
    assert hidden not in [m.case for m in matches]
