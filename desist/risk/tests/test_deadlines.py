"""Risk's deadline sources: the latest RoSH assessment's review, and each active
registration's review, on the owners' cases, in one query each."""

import datetime

from desist.organisation.models import Court
from desist.oversight.deadlines import DeadlineStatus, deadlines_for
from desist.people.services import address_add
from desist.risk import services
from desist.risk.changes import significant_change_record
from desist.risk.deadlines import registration_reviews, rosh_reviews, significant_changes
from desist.risk.models import RoshAssessment, SignificantChange
from desist.risk.tests.conftest import TODAY
from desist.rules.working_days import add_working_days
from desist.sentences.services import event_create


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


def _move(case, officer, on):
    return address_add(
        case=case,
        by=officer,
        status="MAIN",
        type="HOME",
        line_1="2 Low St",
        postcode="NE2 2BB",
        start_date=on,
    )


def test_a_new_main_address_after_the_latest_rosh_makes_a_review_due(make_case, officer):
    case = make_case()
    _rosh(case, assessed_on=TODAY - datetime.timedelta(days=20), review_date=TODAY)
    moved = TODAY - datetime.timedelta(days=3)
    _move(case, officer, moved)
    address_add(case=case, by=officer, status="SECONDARY", type="HOME", start_date=moved)
    [change] = SignificantChange.objects.filter(case=case)
    assert (change.kind, change.detail) == ("NEW_ADDRESS", "2 Low St, NE2 2BB")
    [deadline] = significant_changes([officer.pk], TODAY)
    assert deadline.kind == "RoSH review due (significant change)"
    assert deadline.due == add_working_days(moved, 5)
    assert deadline.detail == f"New address {moved:%-d %b %Y}"
    assert deadline.url == f"/cases/{case.crn}/risk/#significant-changes"


def test_a_new_event_is_a_new_charge(make_case, officer, region):
    case = make_case()
    _rosh(case, assessed_on=TODAY - datetime.timedelta(days=60), review_date=TODAY)
    court = Court.objects.create(code="C1", name="Newcastle Magistrates' Court", region=region)
    convicted = TODAY - datetime.timedelta(days=10)
    event_create(
        case=case,
        by=officer,
        court=court,
        offence={
            "code": "10501",
            "description": "Common assault",
            "category": "VIOLENCE",
            "offence_date": convicted - datetime.timedelta(days=30),
        },
        conviction_date=convicted,
        sentence_type="CO",
        sentence_date=convicted,
        length=12,
        length_unit="M",
    )
    [deadline] = significant_changes([officer.pk], TODAY)
    assert deadline.detail == f"New charge {convicted:%-d %b %Y}"
    assert deadline.due == add_working_days(convicted, 5)
    assert deadline.status(TODAY) == DeadlineStatus.OVERDUE


def test_one_review_per_case_due_after_the_first_change_until_rosh_is_reassessed(
    make_case, officer
):
    case = make_case()
    _rosh(case, assessed_on=TODAY - datetime.timedelta(days=40), review_date=TODAY)
    for kind, days_ago in (("NEW_RELATIONSHIP", 20), ("CHILD_CONTACT", 2), ("NEW_CHARGE", 50)):
        on = TODAY - datetime.timedelta(days=days_ago)
        significant_change_record(case=case, kind=kind, happened_on=on, by=officer)
    [deadline] = significant_changes([officer.pk], TODAY)
    first = TODAY - datetime.timedelta(days=20)
    assert deadline.due == add_working_days(first, 5)
    assert (
        deadline.detail.startswith("New relationship")
        and "Contact with children" in deadline.detail
    )
    assert "New charge" not in deadline.detail  # before the assessment: already taken into account
    assert significant_changes([officer.pk], TODAY, until=first - datetime.timedelta(days=1)) == []
    _rosh(case, assessed_on=TODAY, review_date=TODAY + datetime.timedelta(weeks=16))
    assert significant_changes([officer.pk], TODAY) == []


def test_no_review_without_a_first_assessment_and_not_for_other_caseloads(
    make_case, officer, colleague
):
    significant_change_record(case=make_case(), kind="NEW_CHARGE", happened_on=TODAY, by=officer)
    theirs = make_case("Jane", "Doe", practitioner=colleague)
    _rosh(theirs, assessed_on=TODAY - datetime.timedelta(days=9), review_date=TODAY)
    _move(theirs, officer, TODAY)
    assert significant_changes([officer.pk], TODAY) == []
    assert [d.crn for d in deadlines_for([colleague.pk], TODAY)].count(theirs.crn) == 2


def test_each_source_is_one_query(make_case, officer, add_registration, django_assert_num_queries):
    for i in range(4):
        case = make_case(f"P{i}", "Risky")
        _rosh(case, assessed_on=TODAY, review_date=TODAY)
        add_registration(case)
    with django_assert_num_queries(1):
        assert len(rosh_reviews([officer.pk], TODAY)) == 4
    with django_assert_num_queries(1):
        assert len(registration_reviews([officer.pk], TODAY)) == 4
    for assessment in RoshAssessment.objects.select_related("case"):
        _move(assessment.case, officer, TODAY + datetime.timedelta(days=1))
    with django_assert_num_queries(1):
        assert len(significant_changes([officer.pk], TODAY)) == 4
