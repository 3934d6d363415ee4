"""The programme pages through the client: who may open what, the journey from referral to
register, restricted members, and the register's query count pinned for a 12-person group."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from desist.accounts.roles import Role
from desist.audit.models import AuditEvent
from desist.people.models import Case
from desist.programmes import selectors, services
from desist.programmes.models import CatchUp, Group, Referral

pytestmark = pytest.mark.django_db


def test_a_fresh_facilitator_sees_an_empty_week(signed_in, facilitator):
    response = signed_in(facilitator).get(reverse("programmes:home"))
    assert response.status_code == 200
    assert b"You have no group sessions this week" in response.content


@pytest.mark.parametrize("name", ["programmes:home", "programmes:waitlist", "programmes:group-add"])
def test_a_probation_officer_may_not_run_programmes(signed_in, officer, name):
    response = signed_in(officer).get(reverse(name))
    assert response.status_code == 403
    assert AuditEvent.objects.filter(actor=officer, action="DENIED").exists()


def test_only_the_groups_facilitators_open_its_register(
    signed_in, make_group, make_staff, officer, manager
):
    group = make_group()
    session = group.sessions.first()
    url = reverse("programmes:register", args=[session.pk])
    other = make_staff("other", Role.PROGRAMME_FACILITATOR)
    assert signed_in(other).get(url).status_code == 403
    assert signed_in(other).get(reverse("programmes:group", args=[group.pk])).status_code == 403
    assert signed_in(officer).get(url).status_code == 403
    assert signed_in(manager).get(url).status_code == 200  # the treatment manager


def test_refer_assess_group_allocate_and_register(
    client, signed_in, officer, facilitator, make_prog, office, building_choices
):
    requirements = [make_prog(f"P{n}", f"Person{n}") for n in range(3)]
    signed_in(officer)
    for requirement in requirements:
        response = client.post(
            reverse("programmes:refer", args=[requirement.event.case.crn]),
            {"programme": building_choices.pk, "requirement": requirement.pk},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    signed_in(facilitator)
    page = client.get(reverse("programmes:waitlist"))
    assert page.content.count(b"Record suitability") == 3
    for referral in Referral.objects.all():
        response = client.post(
            reverse("programmes:suitability", args=[referral.pk]),
            {"version": referral.version, "suitable": "yes"},
        )
        assert response.status_code == 302
    today = timezone.localdate()
    response = client.post(
        reverse("programmes:group-add"),
        {
            "programme": building_choices.pk,
            "name": "Tuesday evenings",
            "office": office.pk,
            "weekdays": ["1"],
            "start_time": "18:00",
            "first_date_day": today.day,
            "first_date_month": today.month,
            "first_date_year": today.year - 1,
            "lead_facilitator": facilitator.pk,
            "capacity": "2",
        },
    )
    assert b"evening sessions" in response.content, response.context["form"].errors
    response = client.post(
        reverse("programmes:group-add"),
        {
            "programme": building_choices.pk,
            "name": "Tuesday mornings",
            "office": office.pk,
            "weekdays": ["1"],
            "start_time": "09:30",
            "first_date_day": today.day,
            "first_date_month": today.month,
            "first_date_year": today.year - 1,
            "lead_facilitator": facilitator.pk,
            "capacity": "2",
        },
    )
    group = Group.objects.get()
    assert response.status_code == 302 and group.sessions.count() == 21
    allocate = reverse("programmes:allocate", args=[group.pk])
    everyone = list(Referral.objects.values_list("pk", flat=True))
    response = client.post(allocate, {"referrals": everyone})
    assert b"2 places left" in response.content
    response = client.post(allocate, {"referrals": everyone[:2]})
    assert response.status_code == 302
    session = group.sessions.order_by("starts_at").first()
    page = client.get(reverse("programmes:register", args=[session.pk]))
    assert page.status_code == 200
    form = page.context["form"]
    data = {"version": session.version, "notes": "Introductions"}
    absent = None
    for row, fields in form.rows:
        data[fields["version"].html_name] = row.appointment.version
        data[fields["outcome"].html_name] = "UAAB" if absent is None else "ATTC"
        absent = absent or row.referral
    response = client.post(reverse("programmes:register", args=[session.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    signed_in(officer)
    overview = client.get(reverse("people:case", args=[absent.case.crn]))
    assert b"issue a warning" in overview.content


def test_a_restricted_member_is_labelled_not_shown(
    signed_in, make_group, make_suitable, facilitator
):
    group = make_group()
    hidden, seen = make_suitable("Secret", "Person"), make_suitable("Open", "Person")
    services.members_allocate(group=group, referrals=[hidden, seen], by=facilitator)
    Case.objects.filter(pk=hidden.case_id).update(restricted=True)
    client = signed_in(facilitator)
    for url in (
        reverse("programmes:group", args=[group.pk]),
        reverse("programmes:register", args=[group.sessions.first().pk]),
    ):
        content = client.get(url).content
        assert b"Restricted case" in content and b"Secret" not in content
        assert b"Open" in content
    catch_up = reverse("programmes:catch-up", args=[group.pk, hidden.pk])
    assert client.get(catch_up).status_code == 403


def test_the_register_shows_each_members_fields_and_their_errors(
    signed_in, make_group, make_suitable, facilitator
):
    group = make_group()
    member = make_suitable("Open", "Person")
    services.members_allocate(group=group, referrals=[member], by=facilitator)
    session = group.sessions.order_by("starts_at").first()
    (row,) = selectors.session_register(facilitator, session)
    key, url = f"a{row.pk}", reverse("programmes:register", args=[session.pk])
    client = signed_in(facilitator)
    page = client.get(url).content.decode()
    assert (
        f'<label class="govuk-label" for="id_{key}-outcome">Attendance (optional)</label>' in page
    )
    assert f'<select class="govuk-select" id="id_{key}-outcome" name="{key}-outcome">' in page
    assert f'aria-describedby="id_{key}-notes-hint"' in page
    assert f'name="{key}-version" value="{row.appointment.version}"' in page
    assert f'id="id_{key}-concern" name="{key}-concern" type="checkbox">' in page
    response = client.post(
        url,
        {
            "version": session.version,
            f"{key}-version": row.appointment.version,
            f"{key}-outcome": "ATTC",
            f"{key}-concern": "on",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: Register" in page
    assert f'<a href="#id_{key}-concern_notes">Enter what the concern is</a>' in page
    assert f'<p id="id_{key}-concern_notes-error" class="govuk-error-message">' in page
    assert '<option value="ATTC" selected>' in page
    assert f'id="id_{key}-concern" name="{key}-concern" type="checkbox" checked>' in page


def _register_queries(client, session) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("programmes:register", args=[session.pk])).status_code == 200
    return len(queries)


def test_the_register_costs_the_same_queries_for_1_or_12_members(
    signed_in,
    make_group,
    make_suitable,
    facilitator,
    django_assert_num_queries,
    django_assert_max_num_queries,
):
    one, twelve = make_group(name="Small"), make_group(name="Full")
    services.members_allocate(group=one, referrals=[make_suitable("Solo", "One")], by=facilitator)
    people = [make_suitable(f"Member{n}", f"Name{n}") for n in range(12)]
    services.members_allocate(group=twelve, referrals=people, by=facilitator)
    client = signed_in(facilitator)
    small, full = one.sessions.first(), twelve.sessions.first()
    assert _register_queries(client, small) == _register_queries(client, full)
    # Session, user, second factor; the session with its group; the members with their
    # appointments, cases and access-list entries; the audit row.
    with django_assert_num_queries(6):
        client.get(reverse("programmes:register", args=[full.pk]))
    with django_assert_max_num_queries(16):
        client.get(reverse("programmes:home"))
    with django_assert_max_num_queries(16):
        client.get(reverse("programmes:group", args=[twelve.pk]))


def test_a_missed_session_is_made_up_at_a_catch_up(
    signed_in, make_group, make_suitable, facilitator
):
    group = make_group()
    member = make_suitable()
    services.members_allocate(group=group, referrals=[member], by=facilitator)
    session = group.sessions.order_by("starts_at").first()
    (row,) = selectors.session_register(facilitator, session)
    entry = {
        "attendance": row,
        "outcome": "UAAB",
        "notes": "",
        "version": row.appointment.version,
        "concern": True,
        "concern_notes": "Angry about the order",
    }
    services.register_record(session=session, version=1, by=facilitator, notes="", entries=[entry])
    client = signed_in(facilitator)
    assert b"Arrange a catch-up" in client.get(reverse("programmes:group", args=[group.pk])).content
    url = reverse("programmes:catch-up", args=[group.pk, member.pk])
    page = client.get(url)
    assert page.status_code == 200 and b"Session 1:" in page.content
    day = timezone.localdate() + timedelta(days=3)
    response = client.post(
        url,
        {
            "template": session.template_id,
            "date_day": day.day,
            "date_month": day.month,
            "date_year": day.year,
            "start_time": "11:00",
        },
    )
    assert response.status_code == 302
    catch_up = CatchUp.objects.get()
    assert catch_up.appointment.requirement_id == member.requirement_id
    assert catch_up.appointment.practitioner == facilitator
    register = client.get(reverse("programmes:register", args=[session.pk])).content
    assert b"Concern raised: Angry about the order" in register
