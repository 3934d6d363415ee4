"""The plans pages: who may write, refusals on restricted and excluded cases, what the
results page shows, and the plan page's query count."""

import datetime

import pytest
from django.urls import reverse

from desist.access.models import AccessKind
from desist.access.services import case_access_add, case_set_restricted
from desist.accounts.roles import Role
from desist.audit.models import Action, AuditEvent
from desist.plans import services
from desist.plans.constants import ActionOwner, Status, ToolKind
from desist.plans.models import NeedsAssessment, Objective, SentencePlan, SessionTool
from desist.plans.tests.conftest import SEVERE
from desist.rules.needs import SECTIONS

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def date_fields(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def full_answers(answers):
    """Every question answered: the given answers, the rest "not known"."""
    data = {}
    for section in SECTIONS:
        for q in section.questions:
            data[f"q_{q.key}"] = answers.get(q.key, q.kind.choices[-1][0])
    return data


@pytest.fixture
def plan(event, officer):
    return services.plan_start(event=event, by=officer, persons_words="", next_review_date=None)


@pytest.fixture
def court_officer(make_staff):
    return make_staff("court", Role.COURT_OFFICER)


@pytest.fixture
def vlo(make_staff):
    return make_staff("vlo", Role.VICTIM_LIAISON_OFFICER)


def test_complete_a_needs_assessment_and_see_the_results_and_tier(signed_in, officer, case, event):
    client = signed_in(officer)
    url = reverse("plans:needs-assess", args=[case.crn])
    assert client.get(url).status_code == 200
    data = {
        **date_fields("assessed_on", TODAY),
        **full_answers(SEVERE),
        "harm_ACCOMMODATION": "yes",
        "complete": "",
    }
    response = client.post(url, data)
    assessment = NeedsAssessment.objects.get(case=case)
    assert response.url == reverse("plans:needs", args=[case.crn, assessment.pk])
    assert assessment.status == Status.COMPLETE and assessment.links["ACCOMMODATION"]["harm"]
    page = client.get(response.url).content.decode()
    assert page.count("Severe need") == 8
    assert "Linked to harm" in page
    assert "Tier D3" in page


def test_completing_needs_every_answer_but_a_draft_does_not(signed_in, officer, case):
    client = signed_in(officer)
    url = reverse("plans:needs-assess", args=[case.crn])
    refused = client.post(url, {**date_fields("assessed_on", TODAY), "complete": ""})
    assert refused.status_code == 200
    assert "Select an answer for suitability of accommodation" in refused.content.decode()
    assert not NeedsAssessment.objects.exists()
    draft = client.post(url, {**date_fields("assessed_on", TODAY), "q_unemployed": "SOME"})
    assert draft.status_code == 302
    saved = NeedsAssessment.objects.get()
    assert (saved.status, saved.answers) == (Status.DRAFT, {"unemployed": "SOME"})
    edit = client.get(reverse("plans:needs-edit", args=[case.crn, saved.pk])).content.decode()
    assert 'value="SOME" checked' in edit


def test_a_stale_draft_shows_an_error(signed_in, officer, case):
    draft = services.needs_assessment_start(
        case=case, by=officer, assessed_on=TODAY, answers={}, links={}
    )
    services.needs_assessment_update(
        assessment=draft, version=1, by=officer, assessed_on=TODAY, answers={}, links={}
    )
    response = signed_in(officer).post(
        reverse("plans:needs-edit", args=[case.crn, draft.pk]),
        {**date_fields("assessed_on", TODAY), "version": 1},
    )
    assert "Someone else changed these details" in response.content.decode()


@pytest.mark.parametrize("persona", ["court_officer", "vlo"])
def test_court_officers_and_vlos_may_read_but_not_write(request, signed_in, persona, case, plan):
    client = signed_in(request.getfixturevalue(persona))
    assert client.get(reverse("plans:plan", args=[case.crn, 1])).status_code == 200
    for name in ("plans:objective-add", "plans:plan-edit", "plans:plan-review"):
        assert client.get(reverse(name, args=[case.crn, 1])).status_code == 403
    response = client.post(reverse("plans:objective-add", args=[case.crn, 1]), {"description": "x"})
    assert response.status_code == 403
    assert not Objective.objects.exists()
    assert client.get(reverse("plans:needs-assess", args=[case.crn])).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED).count() == 5
    page = client.get(reverse("plans:overview", args=[case.crn])).content.decode()
    assert "Assess needs" not in page and "Start an offence timeline" not in page


def test_restricted_and_excluded_cases_are_refused(
    signed_in, colleague, manager, case, make_case, plan
):
    other = make_case("Eddie", "Excluded")
    case_access_add(
        case=other, staff=colleague, kind=AccessKind.EXCLUDED, reason="Neighbour", by=manager
    )
    case_set_restricted(case=case, restricted=True, message="Ask the SPO.", by=manager)
    client = signed_in(colleague)
    for url in (
        reverse("plans:plan", args=[case.crn, 1]),
        reverse("plans:overview", args=[case.crn]),
        reverse("plans:timeline-add", args=[case.crn]),
        reverse("plans:overview", args=[other.crn]),
        reverse("plans:needs-assess", args=[other.crn]),
    ):
        assert client.get(url).status_code == 403, url
    assert AuditEvent.objects.filter(action=Action.DENIED, actor=colleague).count() == 5


def test_objectives_choose_from_the_latest_assessments_needs(signed_in, officer, case, plan):
    services.needs_assessment_start(
        case=case,
        by=officer,
        assessed_on=TODAY,
        answers={"suitabilityOfAccommodation": "SIGNIFICANT", "permanenceOfAccommodation": "SOME"},
        links={},
        complete=True,
    )
    client = signed_in(officer)
    url = reverse("plans:objective-add", args=[case.crn, 1])
    page = client.get(url).content.decode()
    assert 'value="ACCOMMODATION"' in page and 'value="DRUG_MISUSE"' not in page
    refused = client.post(url, {"need": "DRUG_MISUSE", "description": "Stop using"})
    assert refused.status_code == 200 and not Objective.objects.exists()
    client.post(url, {"need": "ACCOMMODATION", "description": "Settled housing"})
    assert Objective.objects.get().need == "ACCOMMODATION"


def test_actions_reviews_and_the_plan_page_in_fixed_queries(
    signed_in, officer, case, plan, django_assert_num_queries
):
    client = signed_in(officer)
    for n in range(3):
        objective = services.objective_add(
            plan=plan, by=officer, need="", description=f"Objective {n}"
        )
        response = client.post(
            reverse("plans:action-add", args=[case.crn, 1, objective.pk]),
            {"description": f"Action {n}", "owner": ActionOwner.PARTNER, "partner_agency": ""},
        )
        assert "Enter the partner agency" in response.content.decode()
        client.post(
            reverse("plans:action-add", args=[case.crn, 1, objective.pk]),
            {"description": f"Action {n}", "owner": ActionOwner.PERSON},
        )
    review = {
        **date_fields("reviewed_on", TODAY),
        **date_fields("next_review_date", TODAY + datetime.timedelta(weeks=8)),
        "version": plan.version,
        **{f"progress_{o.pk}": "SOME" for o in Objective.objects.all()},
    }
    assert client.post(reverse("plans:plan-review", args=[case.crn, 1]), review).status_code == 302
    # Sign-in and the case's access check and audit (6), then the plan with its objectives,
    # actions, reviews and progress (5): the same whatever the plan's size.
    with django_assert_num_queries(11):
        page = client.get(reverse("plans:plan", args=[case.crn, 1])).content.decode()
    assert page.count("Action ") >= 3 and "Some progress" in page
    assert page.count("<h1") == 1


def test_a_plan_is_started_once_per_event(signed_in, officer, case, event):
    client = signed_in(officer)
    url = reverse("plans:plan-start", args=[case.crn, 1])
    client.post(url, {"persons_words": "A job", **date_fields("next_review_date", TODAY)})
    again = client.get(url)
    assert again.status_code == 302
    assert SentencePlan.objects.get().persons_words == "A job"


def test_timeline_mind_map_and_worksheet(signed_in, officer, case):
    client = signed_in(officer)
    client.post(
        reverse("plans:timeline-add", args=[case.crn]),
        {
            "title": "Night of the offence",
            "entry0_when": "8pm",
            "entry0_happened": "Went to the pub",
            "entry0_thoughts": "Fed up",
            "entry1_when": "",
        },
    )
    timeline = SessionTool.objects.get(kind=ToolKind.TIMELINE)
    assert timeline.content == {
        "entries": [{"when": "8pm", "happened": "Went to the pub", "thoughts": "Fed up"}]
    }
    edit = client.get(reverse("plans:tool-edit", args=[case.crn, timeline.pk])).content.decode()
    assert "entry2_when" in edit and "Went to the pub" in edit
    client.post(
        reverse("plans:mind-map-add", args=[case.crn]),
        {
            "title": "Money",
            "problem": "Rent arrears",
            "option0_option": "Talk to the landlord",
            "option0_pros": "Calmer",
            "complete": "",
        },
    )
    mind_map = SessionTool.objects.get(kind=ToolKind.MIND_MAP)
    assert mind_map.status == Status.COMPLETE
    page = client.get(reverse("plans:tool", args=[case.crn, mind_map.pk])).content.decode()
    assert "<svg" in page and 'aria-hidden="true"' in page and "Talk to the landlord" in page
    client.post(
        reverse("plans:worksheet-add", args=[case.crn, "triggers"]),
        {"answer_situations": "Payday"},
    )
    worksheet = SessionTool.objects.get(kind=ToolKind.WORKSHEET)
    assert worksheet.title == "Triggers and warning signs"
    assert worksheet.content["answers"]["situations"] == "Payday"
    page = client.get(reverse("plans:tool", args=[case.crn, worksheet.pk])).content.decode()
    assert "Payday" in page
    stale = client.post(
        reverse("plans:tool-edit", args=[case.crn, worksheet.pk]),
        {"version": 0, "answer_situations": "Friday"},
    )
    assert "Someone else changed these details" in stale.content.decode()
    missing = client.get(reverse("plans:worksheet-add", args=[case.crn, "nope"]))
    assert missing.status_code == 404


def test_the_case_overview_and_event_page_link_here(signed_in, officer, case, event):
    client = signed_in(officer)
    overview = client.get(reverse("people:case", args=[case.crn])).content.decode()
    assert reverse("plans:overview", args=[case.crn]) in overview
    event_page = client.get(reverse("sentences:event", args=[case.crn, 1])).content.decode()
    assert reverse("plans:plan", args=[case.crn, 1]) in event_page
