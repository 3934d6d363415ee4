"""Needs assessments feed the tier; plans, reviews and session tools are versioned and
audited."""

import datetime

import pytest

from desist.audit.models import Action, AuditEvent
from desist.people.services import StaleEdit
from desist.plans import services
from desist.plans.constants import ActionOwner, ObjectiveStatus, Progress, Status, ToolKind
from desist.plans.models import ObjectiveProgress
from desist.plans.tests.conftest import SEVERE
from desist.risk.models import CaseRisk, TierCalculation
from desist.risk.tiers import Inputs, _signature, case_risk_refresh, recalculate_all
from desist.rules import tiering
from desist.rules.tier_convictions import conviction

TODAY = datetime.date.today()
NO_NEEDS = dict.fromkeys(SEVERE, "NONE") | {
    "noFixedAbodeOrTransient": "NO",
    "everInjectedDrugs": "NEVER",
}


def assess(case, by, answers, *, complete=True, on=TODAY, links=None):
    return services.needs_assessment_start(
        case=case, by=by, assessed_on=on, answers=answers, links=links or {}, complete=complete
    )


def tier(case):
    return CaseRisk.objects.get(case=case)


@pytest.mark.django_db
class TestNeedsFeedTheTier:
    def test_a_current_order_with_rehabilitation_but_no_assessment_is_change_level_2(
        self, case, event, officer
    ):
        case_risk_refresh(case=case, trigger="test")
        assert tier(case).tier_v2 == "D2"
        assert "no OASys Layer 3 within 55 weeks" in tier(case).explanation

    def test_severe_needs_raise_the_change_level_to_3(self, case, event, officer):
        case_risk_refresh(case=case, trigger="test")
        assess(case, officer, SEVERE)
        risk = tier(case)
        assert risk.tier_v2 == "D3"
        history = TierCalculation.objects.filter(case=case).order_by("calculated_at").last()
        assert (history.trigger, history.change_points) == ("needs", 20)
        assert "THINKING_AND_BEHAVIOUR SEVERE 4" in risk.explanation

    def test_no_needs_lower_it_to_1(self, case, event, officer):
        assess(case, officer, NO_NEEDS)
        assert tier(case).tier_v2 == "D1"

    def test_needs_do_not_touch_tier_v3(self, case, event, officer):
        """v3 reads predictors and registrations, never the needs (notes 1.3)."""
        assess(case, officer, SEVERE)
        assert tier(case).tier_v3 == "MISSING"

    def test_a_draft_does_not_count(self, case, event, officer):
        case_risk_refresh(case=case, trigger="test")
        assess(case, officer, SEVERE, complete=False)
        assert tier(case).tier_v2 == "D2"

    def test_the_latest_completed_assessment_counts(self, case, event, officer):
        assess(case, officer, SEVERE, on=TODAY - datetime.timedelta(days=30))
        assess(case, officer, NO_NEEDS)
        assert tier(case).tier_v2 == "D1"

    def test_an_assessment_older_than_55_weeks_no_longer_counts(self, case, event, officer):
        assess(case, officer, SEVERE, on=TODAY - datetime.timedelta(weeks=55))
        assert tier(case).tier_v2 == "D3"  # exactly 55 weeks still counts
        case_risk_refresh(case=case, trigger="test", as_of=TODAY + datetime.timedelta(days=1))
        assert tier(case).tier_v2 == "D2"

    def test_unpaid_work_alone_is_no_mandate_for_change(self, case, make_event, officer):
        make_event(case, requirements=("UPW", "CURF"))
        assess(case, officer, SEVERE)
        assert tier(case).tier_v2 == "D0"

    def test_custody_is_a_mandate_and_a_terminated_event_is_not(self, case, make_event, officer):
        make_event(case, number=1, sentence_type="SDS", requirements=(), active=False)
        assess(case, officer, SEVERE)
        assert tier(case).tier_v2 == "D0"
        make_event(case, number=2, sentence_type="SDS", requirements=())
        case_risk_refresh(case=case, trigger="test")
        assert tier(case).tier_v2 == "D3"

    def test_the_nightly_batch_agrees(self, case, event, make_case, officer):
        other = make_case("Ann", "Other")
        assess(case, officer, SEVERE)
        CaseRisk.objects.all().delete()
        recalculate_all(type(case).objects.filter(pk__in=[case.pk, other.pk]), as_of=TODAY)
        assert tier(case).tier_v2 == "D3"
        assert tier(other).tier_v2 == "D0"  # no event: no mandate for change


@pytest.mark.django_db
def test_assessment_results_are_scored_and_stored_with_the_links(case, officer):
    links = {"ACCOMMODATION": {"harm": True, "reoffending": False}}
    assessment = assess(case, officer, {"suitabilityOfAccommodation": "SOME"}, links=links)
    accommodation = assessment.results[0]
    assert accommodation == {
        "need": "ACCOMMODATION",
        "score": 1,
        "severity": "NO_NEED",
        "harm": True,
        "reoffending": False,
        "is_need": False,
    }
    assert assessment.needs == []
    audit = AuditEvent.objects.get(subject="needsassessment", action=Action.CREATE)
    assert audit.case_id == case.pk and audit.actor_id == officer.pk


@pytest.mark.django_db
def test_a_draft_is_continued_then_completed_and_never_changed_after(case, event, officer):
    draft = assess(case, officer, {"unemployed": "SOME"}, complete=False)
    assert draft.status == Status.DRAFT and draft.completed_at is None
    done = services.needs_assessment_update(
        assessment=draft,
        version=draft.version,
        by=officer,
        assessed_on=TODAY,
        answers=SEVERE,
        links={},
        complete=True,
    )
    assert (done.status, done.version) == (Status.COMPLETE, 2)
    assert tier(case).tier_v2 == "D3"
    assert AuditEvent.objects.filter(subject="needsassessment", action=Action.CHANGE).exists()
    with pytest.raises(StaleEdit):
        services.needs_assessment_update(
            assessment=done,
            version=done.version,
            by=officer,
            assessed_on=TODAY,
            answers={},
            links={},
        )


@pytest.mark.django_db
def test_a_stale_draft_is_refused(case, officer, colleague):
    draft = assess(case, officer, {}, complete=False)
    kwargs = {"assessed_on": TODAY, "answers": {}, "links": {}}
    services.needs_assessment_update(assessment=draft, version=1, by=colleague, **kwargs)
    with pytest.raises(StaleEdit):
        services.needs_assessment_update(assessment=draft, version=1, by=officer, **kwargs)


@pytest.fixture
def plan(event, officer):
    return services.plan_start(
        event=event, by=officer, persons_words="Get my own flat", next_review_date=TODAY
    )


@pytest.mark.django_db
def test_plan_objective_action_and_review(plan, officer):
    objective = services.objective_add(
        plan=plan, by=officer, need="ACCOMMODATION", description="Find settled housing"
    )
    other = services.objective_add(plan=plan, by=officer, need="", description="Keep in touch")
    action = services.action_add(
        objective=objective,
        by=officer,
        description="Refer to the housing team",
        owner=ActionOwner.PRACTITIONER,
        partner_agency="",
        target_date=TODAY,
    )
    services.action_update(action=action, version=action.version, by=officer, completed_on=TODAY)
    next_review = TODAY + datetime.timedelta(weeks=12)
    review = services.plan_review(
        plan=plan,
        version=plan.version,
        by=officer,
        reviewed_on=TODAY,
        notes="Good start",
        next_review_date=next_review,
        progress=[(objective, Progress.ACHIEVED, "Moved in"), (other, Progress.SOME, "")],
    )
    plan.refresh_from_db()
    objective.refresh_from_db()
    other.refresh_from_db()
    assert plan.next_review_date == next_review and plan.version == 2
    assert objective.status == ObjectiveStatus.ACHIEVED
    assert other.status == ObjectiveStatus.NOT_STARTED
    assert ObjectiveProgress.objects.filter(review=review).count() == 2
    subjects = set(AuditEvent.objects.values_list("subject", flat=True))
    assert {"sentenceplan", "objective", "planaction", "planreview"} <= subjects


@pytest.mark.django_db
def test_a_review_against_an_old_version_of_the_plan_is_refused(plan, officer):
    services.plan_update(plan=plan, version=1, by=officer, persons_words="Work")
    with pytest.raises(StaleEdit):
        services.plan_review(
            plan=plan,
            version=1,
            by=officer,
            reviewed_on=TODAY,
            notes="",
            next_review_date=TODAY,
            progress=[],
        )
    assert not plan.reviews.exists()


@pytest.mark.django_db
def test_session_tools_save_drafts_and_refuse_stale_edits(case, officer, colleague):
    tool = services.tool_create(
        case=case,
        by=officer,
        kind=ToolKind.TIMELINE,
        title="The night of the offence",
        content={"entries": [{"when": "9pm", "happened": "Pub", "thoughts": "Angry"}]},
    )
    assert tool.status == Status.DRAFT
    saved = services.tool_update(
        tool=tool,
        version=1,
        by=colleague,
        title=tool.title,
        content={"entries": []},
        complete=True,
    )
    assert (saved.status, saved.version, saved.updated_by) == (Status.COMPLETE, 2, colleague)
    with pytest.raises(StaleEdit):
        services.tool_update(tool=tool, version=1, by=officer, title="x", content={})
    change = AuditEvent.objects.get(subject="sessiontool", action=Action.CHANGE)
    assert change.changes["status"] == ["DRAFT", "COMPLETE"]


def test_the_nightly_batch_shares_calculations_between_equal_needs_and_mandates():
    """Convictions count only through the mandate for change and an assessment only through
    its needs while current, so the batch calculates each distinct picture once."""

    def needs_on(day):
        return tiering.Assessment(completed_date=day, needs={"ATTITUDES": "SEVERE"})

    rar = Inputs("M", [], convictions=(conviction("CO", ["RAR"]),), assessment=needs_on(TODAY))
    custody = Inputs(
        "M",
        [],
        convictions=(conviction("SDS", []), conviction("CO", ["UPW"])),
        assessment=needs_on(TODAY - datetime.timedelta(days=90)),
    )
    assert _signature(rar, TODAY) == _signature(custody, TODAY)
    stale = Inputs("M", [], convictions=rar.convictions, assessment=needs_on(TODAY.replace(2020)))
    none = Inputs("M", [], convictions=rar.convictions)
    assert _signature(stale, TODAY) == _signature(none, TODAY) != _signature(rar, TODAY)
    upw = Inputs("M", [], convictions=(conviction("CO", ["UPW"]),), assessment=rar.assessment)
    assert _signature(upw, TODAY) != _signature(rar, TODAY)
