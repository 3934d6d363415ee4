"""The practitioner's home page: today's appointments, actions overdue and due this week,
alerts, recently viewed cases; restricted cases kept out; a fixed number of queries."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from desist.access.models import AccessKind, CaseAccess
from desist.accounts.roles import Role
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.oversight import actions, alerts, deadlines, selectors
from desist.people import services as people_services
from desist.people.models import Case
from desist.supervision.models import Appointment


def test_home_shows_the_day_the_actions_and_the_alerts(
    client, signed_in, officer, manager, make_case, missed
):
    case = make_case()
    missed(case)
    Appointment.objects.create(
        case=case,
        practitioner=officer,
        type="PHONE",
        starts_at=timezone.localtime().replace(hour=23, minute=30),
    )
    new = make_case("Nia", "Newly", practitioner=None)
    people_services.case_allocate(case=new, practitioner=officer, by=manager)
    signed_in(officer)
    page = client.get("/").content.decode()
    assert "<h1" in page and page.count("<h1") == 1
    assert "Record an outcome" in page and "Overdue" in page
    assert "Smith, John" in page and "23:30" in page
    assert "New allocation" in page and "Newly, Nia" in page
    assert 'href="/"' in page  # the Home link in the menu


def test_recently_viewed_cases_are_distinct_latest_first_and_still_visible(
    client, signed_in, officer, make_case, restricted
):
    cases = [make_case(f"Viewed{i}", "Person") for i in range(12)]
    hidden = restricted()
    signed_in(officer)
    for case in [cases[0], *cases, cases[0]]:
        client.get(f"/cases/{case.crn}/")
    # Viewed while allowed, then taken off the allow list: no longer listed.
    CaseAccess.objects.create(case=hidden, staff=officer, kind=AccessKind.ALLOWED)
    client.get(f"/cases/{hidden.crn}/")
    CaseAccess.objects.filter(case=hidden).delete()
    recent = client.get("/").context["recent"]
    assert [c.crn for c in recent] == [cases[0].crn, *[c.crn for c in cases[11:2:-1]]]
    assert hidden.crn not in [c.crn for c in recent]


def test_a_restricted_case_does_not_show_its_actions(
    client, signed_in, officer, missed, restricted
):
    missed(restricted())
    signed_in(officer)
    response = client.get("/")
    assert response.context["overdue"] == []


def _home_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_caseload(
    client, signed_in, officer, manager, make_case, missed
):
    def add_case(i):
        case = make_case(f"P{i}", "Counted", practitioner=None)
        people_services.case_allocate(case=case, practitioner=officer, by=manager)
        missed(case, days_ago=i + 1)
        Appointment.objects.create(
            case=case,
            practitioner=officer,
            type="PHONE",
            starts_at=timezone.localtime().replace(hour=23, minute=50) - timedelta(minutes=i),
        )
        client.get(f"/cases/{case.crn}/")

    signed_in(officer)
    add_case(0)
    one = _home_queries(client)
    for i in range(1, 8):
        add_case(i)
    assert _home_queries(client) == one
    # Each write above was to the officer's work, so each page recomputed what is stored:
    # session, user, device and the page's own reads, and each registered source (deadlines,
    # alerts, figures stored with them) in one to three queries.
    sources = len(deadlines._SOURCES) + len(alerts._SOURCES) + len(actions._ALSO_STORED)
    assert one <= 8 + 3 * sources, one
    # Once stored: session, user, device, whether current, actions, alerts, access to their
    # cases, today's diary, recently viewed (views, then cases).
    assert _home_queries(client) == 10


def test_staff_without_a_caseload_keep_their_start_page(client, signed_in, make_staff):
    court = make_staff("court", Role.COURT_OFFICER)
    signed_in(court)
    assert client.get("/")["Location"] == "/search/"


def test_an_spo_home_links_to_the_team_work(client, signed_in, manager, officer):
    signed_in(manager)
    page = client.get("/").content.decode()
    assert "Countersigning" in page
    assert f"/oversight/practitioners/{officer.pk}/meeting/" in page


def test_an_alert_on_a_case_kept_from_the_practitioner_does_not_show(
    client, signed_in, officer, manager, make_case, restricted
):
    """Alert sources do not check access themselves: the home page keeps only alerts on cases
    the reader may see."""
    open_case, hidden = make_case("Olga", "Open", practitioner=None), restricted()
    hidden.practitioner = None
    hidden.save(update_fields=["practitioner"])
    for case in (open_case, hidden):
        people_services.case_allocate(case=case, practitioner=officer, by=manager)
    signed_in(officer)
    alerts_shown = client.get("/").context["alerts"]
    assert [a.crn for a in alerts_shown] == [open_case.crn]
    assert hidden.crn not in client.get("/").content.decode()


def test_recently_viewed_reads_on_past_cases_now_kept_from_the_user(officer, make_case):
    first = make_case("First", "Viewed")
    later = [make_case(f"Later{i}", "Viewed") for i in range(2)]
    # A first page of views that names only cases now kept from the officer.
    for case in [first, first, *later * selectors.VIEWS_PER_READ]:
        audit_record(actor=officer, action=Action.VIEW, case=case, subject="case")
    Case.objects.filter(pk__in=[c.pk for c in later]).update(restricted=True)
    assert [c.crn for c in selectors.recently_viewed(officer, limit=2)] == [first.crn]


def test_the_home_page_shows_the_longest_overdue_and_links_to_every_action(
    client, signed_in, officer, make_case, missed, restricted
):
    for i in range(selectors.HOME_ACTIONS + 2):
        missed(make_case(f"Many{i:02}", "Overdue"), days_ago=i + 1)
    missed(restricted(), days_ago=1)
    signed_in(officer)
    response = client.get("/")
    shown = response.context["overdue"]
    assert len(shown) == selectors.HOME_ACTIONS
    assert shown[0].name == f"Overdue, Many{selectors.HOME_ACTIONS + 1:02}"  # longest overdue
    page = response.content.decode()
    total = selectors.HOME_ACTIONS + 2
    assert f"Showing {selectors.HOME_ACTIONS} of {total}." in page and 'href="/actions/"' in page
    everything = client.get("/actions/")
    assert everything.status_code == 200
    assert len(everything.context["overdue"]) == total  # the restricted case's is not there
    assert everything.content.decode().count("Record an outcome") == total


def test_only_staff_holding_a_caseload_have_an_actions_page(client, signed_in, make_staff):
    signed_in(make_staff("court", Role.COURT_OFFICER))
    assert client.get("/actions/").status_code == 403
