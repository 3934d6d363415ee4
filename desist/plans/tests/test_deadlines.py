"""Sentence plan reviews and the practitioner's own actions reach the deadline engine."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from desist.oversight.deadlines import deadlines_for
from desist.plans import deadlines, services
from desist.plans.constants import ActionOwner

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def test_reviews_and_open_practitioner_actions_in_one_query_each(
    case, make_case, make_event, officer, colleague
):
    plans = []
    for n, person in enumerate([case, make_case("Ann", "Two"), make_case("Bob", "Three")]):
        event = make_event(person)
        plan = services.plan_start(
            event=event,
            by=officer,
            persons_words="",
            next_review_date=TODAY + datetime.timedelta(days=n),
        )
        objective = services.objective_add(plan=plan, by=officer, need="", description="x")
        for owner in ActionOwner.values:
            services.action_add(
                objective=objective,
                by=officer,
                description=f"{owner} to do",
                owner=owner,
                partner_agency="",
                target_date=TODAY - datetime.timedelta(days=1),
            )
        plans.append(plan)
    done = plans[0].objectives.get().actions.get(owner=ActionOwner.PRACTITIONER)
    services.action_update(action=done, version=1, by=officer, completed_on=TODAY)
    terminated = make_event(make_case("Cy", "Ended"), active=False)
    services.plan_start(event=terminated, by=officer, persons_words="", next_review_date=TODAY)
    other = make_event(make_case("Di", "Theirs", practitioner=colleague))
    services.plan_start(event=other, by=officer, persons_words="", next_review_date=TODAY)

    with CaptureQueriesContext(connection) as queries:
        reviews = deadlines.plan_reviews([officer.pk], TODAY)
        actions = deadlines.practitioner_actions([officer.pk], TODAY)
    assert len(queries) == 2
    assert sorted(d.due for d in reviews) == [TODAY + datetime.timedelta(days=n) for n in range(3)]
    assert {d.kind for d in reviews} == {"Review the sentence plan"}
    assert len(actions) == 2
    assert all(d.detail == "PRACTITIONER to do" and d.owner_id == officer.pk for d in actions)
    assert actions[0].url.endswith("/events/1/plan/")


def test_the_sources_are_registered(case, event, officer):
    services.plan_start(event=event, by=officer, persons_words="", next_review_date=TODAY)
    kinds = {d.kind for d in deadlines_for([officer.pk], TODAY)}
    assert "Review the sentence plan" in kinds
