from datetime import date, timedelta

import pytest

from conftest import sign_in
from desist.access.models import AccessKind, CaseAccess
from desist.accounts.roles import Role
from desist.audit.models import Action, AuditEvent
from desist.organisation.models import ProbationDeliveryUnit, Region, Team
from desist.prerelease.models import ResettlementPlan
from desist.prerelease.services import resettlement_record
from desist.sentences.models import Event

pytestmark = pytest.mark.django_db

ALL_NO_NEED = {
    f"status_{p}": "NO_NEED"
    for p in ("ACCOMMODATION", "WORK", "HEALTH", "DRUGS_ALCOHOL", "FINANCE", "IDENTITY", "FAMILY")
}


def _plan_url(event):
    return f"/cases/{event.case.crn}/events/{event.number}/resettlement/"


def _form(version=0, **fields):
    return {"version": version, "release_address": "", **fields}


def test_worklist_lists_people_due_out_within_the_weeks(
    client, make_case, make_custody, pre_release_officer
):
    soon = make_custody(make_case("Ada", "Soon"), release_in=20)
    later = make_custody(make_case("Bo", "Later"), release_in=20 * 7)
    Event.objects.create(case=make_case("Cy", "Community"), number=1, sentence_type="CO")
    sign_in(client, pre_release_officer)

    response = client.get("/releases/")
    assert response.status_code == 200
    assert [r.event for r in response.context["page"].object_list] == [soon]
    assert b"Soon, Ada" in response.content and b"Not assessed" in response.content
    assert b"Officer Tester" in response.content  # the community practitioner
    audit = AuditEvent.objects.get(actor=pre_release_officer, subject="pre_release_worklist")
    assert audit.action == Action.VIEW and audit.detail["crns"] == [soon.case.crn]

    response = client.get("/releases/?weeks=24")
    assert [r.event for r in response.context["page"].object_list] == [soon, later]


def test_worklist_leaves_out_released_restricted_and_other_regions_cases(
    client, make_case, make_custody, pre_release_officer, officer
):
    make_custody(make_case("Al", "Released"), release_in=-3)
    hidden = make_case("Res", "Tricted")
    make_custody(hidden)
    hidden.restricted = True
    hidden.save(update_fields=["restricted"])
    region = Region.objects.create(code="R2", name="Wales", crn_prefix="W")
    pdu = ProbationDeliveryUnit.objects.create(code="P2", name="Cardiff", region=region)
    far = make_case("Far", "Away")
    make_custody(far)
    far.team = Team.objects.create(code="T2", name="Cardiff 1", pdu=pdu)
    far.save(update_fields=["team"])
    sign_in(client, pre_release_officer)
    response = client.get("/releases/")
    assert list(response.context["page"].object_list) == []
    assert b"Nobody in your region is due for release" in response.content


def test_worklist_queries_do_not_grow_with_the_list(
    client, make_case, make_custody, pre_release_officer, django_assert_max_num_queries
):
    def planned(case, release_in=30):
        return resettlement_record(
            event=make_custody(case, release_in=release_in),
            version=0,
            by=pre_release_officer,
            needs={"WORK": ("NEED", "")},
            prison=None,
            release_address="1 Road",
            release_accommodation="",
            address_confirmed=False,
            licence_proposed_on=None,
        )

    planned(make_case("One", "Person"))
    sign_in(client, pre_release_officer)
    with django_assert_max_num_queries(14) as one:
        client.get("/releases/")
    for n in range(6):
        planned(make_case(f"P{n}", "Person"), release_in=10 + n)
    make_custody(make_case("No", "Plan"))
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get("/releases/")
    assert len(response.context["page"].object_list) == 8


def test_worklist_explains_a_bad_number_of_weeks(client, pre_release_officer):
    sign_in(client, pre_release_officer)
    response = client.get("/releases/?weeks=none")
    assert b"Enter the number of weeks as a whole number" in response.content
    assert response.context["weeks"] == 12


def test_worklist_is_refused_without_the_permission(client, make_staff):
    pso = make_staff("pso", Role.PROBATION_SERVICES_OFFICER)
    sign_in(client, pso)
    assert client.get("/releases/").status_code == 403
    assert AuditEvent.objects.filter(actor=pso, action=Action.DENIED).exists()


def test_the_pre_release_officer_records_needs_and_the_list_shows_it(
    client, case, make_custody, pre_release_officer
):
    event = make_custody(case)
    sign_in(client, pre_release_officer)
    assert client.get(f"{_plan_url(event)}edit/").status_code == 200
    response = client.post(
        f"{_plan_url(event)}edit/",
        _form(
            **{
                **ALL_NO_NEED,
                "status_ACCOMMODATION": "NEED",
                "notes_ACCOMMODATION": "Needs a hostel place",
            },
            release_address="Hostel, 2 Elm Row, Newcastle",
            release_accommodation="AP",
        ),
    )
    assert response.status_code == 302
    page = client.get(_plan_url(event))
    assert b"Needs a hostel place" in page.content
    assert b"All 7 assessed" in page.content
    assert AuditEvent.objects.filter(
        actor=pre_release_officer, case=case, action=Action.CREATE, subject="resettlement_plan"
    ).exists()
    worklist = client.get("/releases/")
    assert b"All 7 assessed" in worklist.content and b"1 open need" in worklist.content
    assert b"Propose the release plan and licence conditions" in worklist.content


def test_a_stale_save_is_refused_and_explained(client, case, make_custody, pre_release_officer):
    event = make_custody(case)
    sign_in(client, pre_release_officer)
    client.post(f"{_plan_url(event)}edit/", _form(status_WORK="NEED"))
    response = client.post(f"{_plan_url(event)}edit/", _form(status_WORK="RESOLVED"))
    assert b"Someone else changed these details" in response.content
    assert ResettlementPlan.objects.get().needs.get().status == "NEED"


def test_the_form_explains_its_errors(client, case, make_custody, pre_release_officer):
    event = make_custody(case)
    sign_in(client, pre_release_officer)
    response = client.post(
        f"{_plan_url(event)}edit/",
        _form(address_confirmed="on", notes_HEALTH="Diabetic", licence_proposed_on_day="31"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {
        "release_address",
        "status_HEALTH",
        "licence_proposed_on",
    }
    assert b"There is a problem" in response.content
    assert not ResettlementPlan.objects.exists()


def test_the_community_practitioner_reads_the_plan(client, case, make_custody, officer):
    event = make_custody(case)
    sign_in(client, officer)
    response = client.get(_plan_url(event))
    assert response.status_code == 200
    assert b"Assess resettlement needs" in response.content
    assert AuditEvent.objects.filter(actor=officer, case=case, action=Action.VIEW).exists()


def test_recording_needs_is_refused_without_the_permission(client, case, make_custody, make_staff):
    event = make_custody(case)
    pso = make_staff("pso", Role.PROBATION_SERVICES_OFFICER)
    sign_in(client, pso)
    assert client.get(_plan_url(event)).status_code == 200
    assert client.post(f"{_plan_url(event)}edit/", _form()).status_code == 403
    assert not ResettlementPlan.objects.exists()


@pytest.mark.parametrize("path", ["", "edit/"])
def test_restricted_and_excluded_cases_are_refused(
    client, case, make_custody, pre_release_officer, make_staff, path
):
    event = make_custody(case)
    case.restricted = True
    case.save(update_fields=["restricted"])
    sign_in(client, pre_release_officer)
    assert client.get(f"{_plan_url(event)}{path}").status_code == 403
    excluded = make_staff("excluded", Role.PRE_RELEASE_OFFICER)
    CaseAccess.objects.create(case=case, staff=excluded, kind=AccessKind.ALLOWED)
    CaseAccess.objects.filter(staff=excluded).update(kind=AccessKind.EXCLUDED)
    sign_in(client, excluded)
    assert client.get(f"{_plan_url(event)}{path}").status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, case=case).count() == 2


def test_only_custody_before_release_has_a_plan(
    client, make_case, make_custody, pre_release_officer
):
    community = Event.objects.create(
        case=make_case("Co", "Order"), number=1, sentence_type="CO", sentence_date=date.today()
    )
    released = make_custody(make_case("Al", "Out"), release_in=-5)
    sign_in(client, pre_release_officer)
    assert client.get(_plan_url(community)).status_code == 404
    assert client.get(_plan_url(released)).status_code == 404
    assert client.get(f"/cases/{community.case.crn}/events/9/resettlement/").status_code == 404


def test_release_date_cannot_be_in_the_future_for_a_proposal(
    client, case, make_custody, pre_release_officer
):
    event = make_custody(case)
    tomorrow = date.today() + timedelta(days=1)
    sign_in(client, pre_release_officer)
    response = client.post(
        f"{_plan_url(event)}edit/",
        _form(
            licence_proposed_on_day=tomorrow.day,
            licence_proposed_on_month=tomorrow.month,
            licence_proposed_on_year=tomorrow.year,
        ),
    )
    assert "licence_proposed_on" in response.context["form"].errors
