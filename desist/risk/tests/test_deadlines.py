"""Risk's deadline sources: the latest RoSH assessment's review, and each active
registration's review, on the owners' cases, in one query each."""

import datetime

from desist.oversight.deadlines import DeadlineStatus
from desist.risk import services
from desist.risk.deadlines import registration_reviews, rosh_reviews
from desist.risk.models import RoshAssessment
from desist.risk.tests.conftest import TODAY


def _rosh(case, *, assessed_on, review_date, overall="HIGH"):
    return RoshAssessment.objects.create(
        case=case,
        assessed_on=assessed_on,
        overall=overall,
        nature_of_harm="Violence",
        review_date=review_date,
    )


def test_only_the_latest_assessment_is_due_for_review(make_case, officer):
    case = make_case()
    _rosh(case, assessed_on=TODAY - datetime.timedelta(days=200), review_date=TODAY)
    _rosh(case, assessed_on=TODAY, review_date=TODAY + datetime.timedelta(weeks=16))
    [deadline] = rosh_reviews([officer.pk], TODAY)
    assert deadline.kind == "Review the RoSH assessment"
    assert deadline.detail == "High RoSH"
    assert deadline.status(TODAY) == DeadlineStatus.LATER
    assert deadline.url == f"/cases/{case.crn}/risk/"


def test_an_overdue_rosh_review(make_case, officer, colleague):
    _rosh(make_case(), assessed_on=TODAY, review_date=TODAY - datetime.timedelta(days=1))
    _rosh(make_case("Jane", "Doe", practitioner=colleague), assessed_on=TODAY, review_date=TODAY)
    [deadline] = rosh_reviews([officer.pk], TODAY)
    assert deadline.status(TODAY) == DeadlineStatus.OVERDUE
    assert deadline.owner_id == officer.pk


def test_active_registrations_with_a_review_date(make_case, officer, add_registration):
    case = make_case()
    add_registration(case, review_date=TODAY)
    ended = add_registration(case, type="RCCO", review_date=TODAY - datetime.timedelta(days=9))
    services.registration_deregister(
        registration=ended,
        version=ended.version,
        by=officer,
        deregistered_on=TODAY,
        reason="No longer needed",
    )
    add_registration(case, type="ALSH", review_date=None)
    [deadline] = registration_reviews([officer.pk], TODAY)
    assert deadline.kind == "Review the registration"
    assert deadline.detail == "Domestic abuse perpetrator"
    assert deadline.status(TODAY) == DeadlineStatus.DUE_THIS_WEEK


def test_each_source_is_one_query(make_case, officer, add_registration, django_assert_num_queries):
    for i in range(4):
        case = make_case(f"P{i}", "Risky")
        _rosh(case, assessed_on=TODAY, review_date=TODAY)
        add_registration(case)
    with django_assert_num_queries(1):
        assert len(rosh_reviews([officer.pk], TODAY)) == 4
    with django_assert_num_queries(1):
        assert len(registration_reviews([officer.pk], TODAY)) == 4
