import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from desist.access.models import AccessKind, CaseAccess
from desist.accounts.roles import Role
from desist.audit.models import Action, AuditEvent
from desist.risk import services
from desist.risk.constants import RegistrationType
from desist.risk.models import (
    CaseRisk,
    PredictorScores,
    Registration,
    RoshAssessment,
    SignificantChange,
)
from desist.risk.tests.conftest import ROSH_TEXT, TODAY, date_fields, rosh_levels
from desist.rules.predictors_2026 import OGRS4_EFFECTIVE_FROM
from desist.rules.working_days import add_working_days

pytestmark = pytest.mark.django_db


def registration_post(**overrides):
    data = {
        "type": RegistrationType.STALKING,
        "mappa_category": "",
        "mappa_level": "",
        "notes": "Following a former partner",
        **date_fields("registered_on", TODAY),
        **date_fields("review_date", TODAY + datetime.timedelta(weeks=12)),
    }
    return data | overrides


def test_officer_adds_a_registration_and_sees_it_in_the_header(signed_in, officer, case):
    client = signed_in(officer)
    url = reverse("risk:registration-add", args=[case.crn])
    response = client.post(url, registration_post())
    assert response.status_code == 302
    page = client.get(reverse("risk:case-risk", args=[case.crn])).content.decode()
    assert 'govuk-tag govuk-tag--red">Stalking</strong>' in page
    assert "Tier D0" in page


def test_bad_registration_shows_an_error_summary(signed_in, officer, case):
    client = signed_in(officer)
    url = reverse("risk:registration-add", args=[case.crn])
    data = registration_post(type=RegistrationType.MAPPA, review_date_year="20")
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Add a registration" in page
    assert "govuk-error-summary" in page
    assert "Select the MAPPA category" in page
    assert "Review date must be a real date" in page
    assert not Registration.objects.exists()


def test_registration_needs_edit_permission(signed_in, make_staff, case):
    client = signed_in(make_staff("prisonfacing", Role.PROGRAMME_FACILITATOR))
    response = client.post(reverse("risk:registration-add", args=[case.crn]), registration_post())
    assert response.status_code == 403
    assert not Registration.objects.exists()
    assert AuditEvent.objects.filter(action=Action.DENIED).exists()


def test_excluded_officer_cannot_add_a_registration(signed_in, colleague, case):
    CaseAccess.objects.create(case=case, staff=colleague, kind=AccessKind.EXCLUDED)
    client = signed_in(colleague)
    response = client.post(reverse("risk:registration-add", args=[case.crn]), registration_post())
    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_restricted_case_hides_the_rosh_page(signed_in, colleague, case):
    case.restricted = True
    case.save(update_fields=["restricted"])
    response = signed_in(colleague).get(reverse("risk:rosh-add", args=[case.crn]))
    assert response.status_code == 403


def test_pso_may_flag_but_not_assess_rosh(signed_in, make_staff, case):
    client = signed_in(make_staff("pso", Role.PROBATION_SERVICES_OFFICER))
    assert client.get(reverse("risk:registration-add", args=[case.crn])).status_code == 200
    assert client.get(reverse("risk:rosh-add", args=[case.crn])).status_code == 403


def rosh_post(**levels):
    data = rosh_levels(**levels) | ROSH_TEXT | date_fields("assessed_on", TODAY)
    return {k: v for k, v in data.items() if v != ""} | {"when_most_likely": ""}


def test_recording_rosh_changes_the_tier_and_shows_the_grid(signed_in, officer, case):
    client = signed_in(officer)
    url = reverse("risk:rosh-add", args=[case.crn])
    response = client.post(url, rosh_post(public_community="HIGH"))
    assert response.status_code == 302
    page = client.get(reverse("risk:case-risk", args=[case.crn])).content.decode()
    assert "RoSH: High" in page
    assert "Tier B0" in page
    assert 'govuk-tag govuk-tag--orange">High</strong>' in page  # the grid: text, not colour
    assert "No police domestic abuse check has been requested" in page


def test_rosh_without_ratings_is_refused(signed_in, officer, case):
    client = signed_in(officer)
    data = rosh_post(public_community="")
    del data["nature_of_harm"]
    page = client.post(reverse("risk:rosh-add", args=[case.crn]), data).content.decode()
    assert "Select the level of risk to public in the community" in page
    assert "Describe the nature of the harm" in page
    assert not RoshAssessment.objects.exists()


def scores_post(on=TODAY, **overrides):
    return {
        "offence_code": "10400",
        "total_sanctions": 5,
        "age_at_first_sanction": 17,
        "violent_sanctions": 2,
        "sexual_history": "no",
        **date_fields("assessed_on", on),
        **date_fields("conviction_date", on),
        **date_fields("start_of_follow_up", on),
    } | overrides


def test_scores_form_refuses_an_unscorable_offence(signed_in, officer, case):
    client = signed_in(officer)
    data = scores_post(offence_code="00000")
    page = client.post(reverse("risk:scores-add", args=[case.crn]), data).content.decode()
    assert "has no OGRS3 category" in page
    data["offence_code"] = "10400"
    response = client.post(reverse("risk:scores-add", args=[case.crn]), data)
    assert response.status_code == 302
    page = client.get(reverse("risk:case-risk", args=[case.crn])).content.decode()
    assert "Rate of offending (Copas rate)" in page


def test_the_2026_predictors_are_scored_with_their_terms_and_feed_tier_v3(signed_in, officer, case):
    client = signed_in(officer)
    assert CaseRisk.objects.filter(case=case).first() is None
    response = client.post(reverse("risk:scores-add", args=[case.crn]), scores_post())
    assert response.status_code == 302
    scores = PredictorScores.objects.get(case=case)
    assert scores.generation == "OGRS4"
    tools = [p["tool"] for p in scores.predictors]
    assert tools == ["OGRS3", "ARP", "VRP", "SVRP", "DC_SRP", "IIC_SRP", "CSRP"]
    assert scores.arp_type == scores.csrp_type == "STATIC"
    assert scores.csrp_percent == Decimal(str(scores.predictors[3]["score"]))  # SVRP alone
    assert scores.dc_srp_band == "NOT_APPLICABLE"
    assert scores.rsr_percent is None  # RSR is a legacy tool
    risk = CaseRisk.objects.get(case=case)
    assert risk.tier_v3 not in ("", "MISSING")
    assert risk.tier_v3_provisional  # static predictors and no RoSH
    page = client.get(reverse("risk:case-risk", args=[case.crn])).content.decode()
    assert 'ARP (all reoffending) <span class="govuk-body-s">(static)</span>' in page
    assert "What makes up the ARP (all reoffending) score" in page
    assert "Rate of violent offending" in page  # a VRP term
    assert "Tier v3 missing" not in page


def test_before_the_2026_predictors_rsr_is_scored_from_its_parts(signed_in, officer, case):
    on = OGRS4_EFFECTIVE_FROM - datetime.timedelta(days=1)
    data = scores_post(
        on,
        sexual_history="yes",
        contact_adult_sanctions=1,
        image_sanctions=1,
        stranger_victim="on",
        **date_fields("most_recent_sexual_sanction", on - datetime.timedelta(days=400)),
    )
    client = signed_in(officer)
    assert client.post(reverse("risk:scores-add", args=[case.crn]), data).status_code == 302
    scores = PredictorScores.objects.get(case=case)
    assert scores.generation == "LEGACY"
    parts = {p["tool"]: p for p in scores.predictors}
    assert list(parts) == ["OGRS3", "SNSV", "OSP_DC", "OSP_IIC", "RSR"]
    assert parts["OSP_IIC"]["band"] == "MEDIUM"  # one image sanction
    assert {"name": "Stranger victim", "value": 4} in parts["OSP_DC"]["terms"]
    total = parts["SNSV"]["score"] + parts["OSP_DC"]["score"] + parts["OSP_IIC"]["score"]
    assert float(scores.rsr_percent) == pytest.approx(total, abs=0.011)
    assert scores.arp_percent is None
    assert CaseRisk.objects.get(case=case).tier_v3 == "MISSING"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"violent_sanctions": 6}, "Violent sanctions cannot be more than all the sanctions"),
        ({"sexual_history": "yes"}, "Enter the date of the most recent sexual sanction"),
        ({"image_sanctions": 1}, "Select yes if the person has sexual sanctions"),
        ({"sexual_history": ""}, "Select whether the person has a sexual offence history"),
        ({"violent_sanctions": ""}, "Enter the number of violent sanctions"),
    ],
)
def test_scores_form_explains_what_is_wrong(signed_in, officer, case, overrides, message):
    client = signed_in(officer)
    page = client.post(reverse("risk:scores-add", args=[case.crn]), scores_post(**overrides))
    assert page.status_code == 200
    assert "govuk-error-summary" in page.content.decode()
    assert message in page.content.decode()
    assert not PredictorScores.objects.exists()


def test_scores_and_changes_need_the_assess_risk_permission(signed_in, make_staff, case):
    client = signed_in(make_staff("pso", Role.PROBATION_SERVICES_OFFICER))
    for name, data in (("scores-add", scores_post()), ("significant-change-add", change_post())):
        assert client.post(reverse(f"risk:{name}", args=[case.crn]), data).status_code == 403
    assert not PredictorScores.objects.exists()
    assert not SignificantChange.objects.exists()
    assert AuditEvent.objects.filter(action=Action.DENIED).count() == 2


def change_post(**overrides):
    return {
        "kind": "CHILD_CONTACT",
        "detail": "New partner has two children under 10",
        **date_fields("happened_on", TODAY),
    } | overrides


def test_a_new_relationship_makes_a_rosh_review_due_until_rosh_is_reassessed(
    signed_in, officer, case
):
    assessed = TODAY - datetime.timedelta(days=30)
    services.rosh_record(case=case, by=officer, assessed_on=assessed, **rosh_levels(), **ROSH_TEXT)
    client = signed_in(officer)
    url = reverse("risk:significant-change-add", args=[case.crn])
    page = client.post(url, change_post(kind="", detail="")).content.decode()
    assert "Select what has changed" in page and "Enter who is involved" in page
    response = client.post(url, change_post())
    assert response.status_code == 302
    change = SignificantChange.objects.get(case=case)
    assert (change.kind, change.recorded_by) == ("CHILD_CONTACT", officer)
    assert AuditEvent.objects.filter(subject="significantchange").exists()
    due = add_working_days(TODAY, 5)
    page = client.get(reverse("risk:case-risk", args=[case.crn])).content.decode()
    assert f"RoSH review due by {due:%-d %b %Y}" in page
    assert "Contact with children" in page
    home = client.get("/").content.decode()
    assert "RoSH review due (significant change)" in home
    services.rosh_record(case=case, by=officer, assessed_on=TODAY, **rosh_levels(), **ROSH_TEXT)
    assert "RoSH review due (significant change)" not in client.get("/").content.decode()
    page = client.get(reverse("risk:case-risk", args=[case.crn])).content.decode()
    assert "RoSH review due by" not in page


def test_safeguarding_check_and_reply(signed_in, officer, case):
    client = signed_in(officer)
    data = {"kind": "POLICE_DA", **date_fields("requested_on", TODAY)}
    assert client.post(reverse("risk:enquiry-add", args=[case.crn]), data).status_code == 302
    enquiry = case.enquiries.get()
    url = reverse("risk:enquiry-outcome", args=[case.crn, enquiry.pk])
    reply = {"outcome": "CONCERNS", "version": 1, **date_fields("replied_on", TODAY)}
    assert client.post(url, reply).status_code == 302
    page = client.get(reverse("risk:case-risk", args=[case.crn])).content.decode()
    assert "Police domestic abuse check, requested" in page
    assert "No police domestic abuse check" not in page


def test_risk_costs_the_case_overview_one_query(signed_in, officer, case, add_registration):
    add_registration(case, RegistrationType.SELF_HARM)
    client = signed_in(officer)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("people:case", args=[case.crn])).content.decode()
    assert sum("risk_" in q["sql"] for q in queries.captured_queries) == 1
    assert "Suicide or self-harm</strong>" in page  # the header
    assert "Tier D0</strong> (v3: MISSING)" in page  # the overview's summary


def test_header_flags_cost_one_query(case, add_registration):
    add_registration(case, RegistrationType.SELF_HARM)
    template = Template("{% include 'risk/_case_flags.html' %}")
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"case": case}))
    assert len(queries) == 1
    assert "Suicide or self-harm" in html


def test_risk_page_query_count(
    signed_in, officer, case, add_registration, django_assert_max_num_queries
):
    for kind in (RegistrationType.SELF_HARM, RegistrationType.STALKING, RegistrationType.IOM):
        add_registration(case, kind)
    client = signed_in(officer)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("risk:case-risk", args=[case.crn])).content.decode()
    assert page.count("<h1") == 1
    assert "Integrated offender management" in page


def test_restricted_case_hides_the_risk_page(signed_in, colleague, case):
    case.restricted = True
    case.save(update_fields=["restricted"])
    response = signed_in(colleague).get(reverse("risk:case-risk", args=[case.crn]))
    assert response.status_code == 403


def test_reviews_due_lists_my_overdue_flags(
    signed_in, officer, colleague, case, add_registration, make_case, django_assert_max_num_queries
):
    last_year = TODAY - datetime.timedelta(days=365)
    add_registration(case, registered_on=last_year, review_date=TODAY - datetime.timedelta(days=1))
    add_registration(case, RegistrationType.STALKING)  # not yet due
    other = make_case(first="Jane", practitioner=colleague)
    add_registration(other, registered_on=last_year, review_date=last_year)
    client = signed_in(officer)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("risk:reviews-due")).content.decode()
    assert "Domestic abuse perpetrator" in page
    assert "Stalking" not in page
    assert "Jane" not in page


def test_the_caseload_shows_each_case_tier_and_rosh_in_fixed_queries(
    signed_in, officer, make_case, add_registration
):
    cases = [make_case("Ann", f"Tiered{n}") for n in range(3)]
    add_registration(cases[0], type=RegistrationType.STALKING)
    client = signed_in(officer)
    client.get("/caseload/")
    with CaptureQueriesContext(connection) as few:
        page = client.get("/caseload/").content.decode()
    assert "D0" in page and "Not assessed" in page
    make_case("Bob", "Another")
    with CaptureQueriesContext(connection) as more:
        client.get("/caseload/")
    assert len(more) == len(few)
    export = client.get("/caseload/export.csv").content.decode().splitlines()
    assert export[0].endswith("Tier,RoSH")
    assert any(row.startswith(cases[0].crn) and ",D0," in row for row in export)


def test_score_and_tier_history_are_drawn_with_their_tables(signed_in, officer, case):
    for months_ago, sanctions in ((14, 2), (2, 6)):
        on = TODAY - datetime.timedelta(days=30 * months_ago)
        inputs = {
            "offence_code": "10400",
            "total_sanctions": sanctions,
            "age_at_first_sanction": 17,
            "conviction_date": on.isoformat(),
            "start_of_follow_up": on.isoformat(),
        }
        services.scores_record(case=case, by=officer, assessed_on=on, inputs=inputs)
    services.rosh_record(
        case=case,
        by=officer,
        assessed_on=TODAY,
        **rosh_levels(public_community="HIGH"),
        **ROSH_TEXT,
    )
    page = signed_in(officer).get(reverse("risk:case-risk", args=[case.crn])).content.decode()
    assert 'aria-labelledby="score-chart-title"' in page
    assert 'aria-labelledby="tier-chart-title"' in page
    assert "Score history, latest first" in page and "Tier history, latest first" in page
    assert page.count("<circle") >= 4  # two scores, and the tier before and after the RoSH
