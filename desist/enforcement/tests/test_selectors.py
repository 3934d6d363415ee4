"""What is due is worked out for a whole caseload in a fixed number of queries, and fed to
the deadline engine and the countersigning queue; the final third reads the registrations."""

from datetime import timedelta

from django.utils import timezone

from desist.enforcement import selectors, services
from desist.oversight.countersign import awaiting_countersignature
from desist.oversight.deadlines import deadlines_for
from desist.people.models import Case
from desist.risk.services import registration_add
from desist.rules.enforcement import DueKind
from desist.sentences.selectors import event_release_dates

TODAY = timezone.localdate


def test_due_on_cases_takes_three_queries_however_many_cases(
    make_case, make_event, fail, django_assert_num_queries
):
    for n in range(4):
        person = make_case("Person", f"Number{n}")
        make_event(person)
        fail(person, 3 + n)
        fail(person, 30 + n, outcome="ATTC")
    with django_assert_num_queries(3):
        due = selectors.due_on_cases(Case.objects.all(), TODAY())
    assert len(due) == 4 and {d.due.kind for d in due} == {DueKind.WARNING}
    assert [d.due.due for d in due] == sorted(d.due.due for d in due)


def test_terminated_and_unsentenced_events_have_nothing_due(case, co_event, fail):
    fail(case, 3)
    co_event.active = False
    co_event.save(update_fields=["active"])
    assert selectors.due_on_cases(Case.objects.all(), TODAY()) == []


def test_the_deadline_engine_lists_the_warning_for_the_practitioner(
    case, co_event, fail, officer, colleague
):
    fail(case, 12)
    [deadline] = [d for d in deadlines_for([officer.pk], TODAY()) if d.crn == case.crn]
    assert deadline.kind == "Issue a warning" and deadline.owner_id == officer.pk
    assert deadline.url == f"/cases/{case.crn}/events/{co_event.number}/#enforcement"
    assert deadline.name == "Smith, John" and "PC 43/2004" in deadline.detail
    assert not [d for d in deadlines_for([colleague.pk], TODAY()) if d.crn == case.crn]


def test_breach_and_recall_deadlines_use_the_practitioners_words(
    case, co_event, licence_event, fail, officer
):
    for event in (co_event, licence_event):
        fail(event.case, 20)
        code = "EA02" if event is co_event else "LCL"
        services.enforcement_action_record(
            event=event, code=code, on=TODAY() - timedelta(days=15), by=officer
        )
        fail(event.case, 2)
    kinds = {d.crn: d.kind for d in deadlines_for([officer.pk], TODAY())}
    assert kinds[case.crn] == "Start breach action"
    assert kinds[licence_event.case.crn] == "Consider recall"


def test_recalls_awaiting_the_spo_are_in_the_countersigning_queue(
    licence_event, officer, team, manager
):
    recall = services.recall_recommend(
        event=licence_event,
        reasons="Whereabouts unknown",
        alternatives="Warning given",
        conditions=list(licence_event.licence_conditions.all()[:1]),
        charged_with_new_offence=False,
        recall_type="fixed-term",
        by=officer,
    )
    queue = awaiting_countersignature([team.pk], TODAY())
    [item] = [i for i in queue if i.kind.startswith("Recall")]
    assert item.url == f"/cases/{licence_event.case.crn}/recalls/{recall.pk}/"
    assert item.requested_by_id == officer.pk and "fixed-term" in item.detail
    services.recall_decide(recall=recall, version=1, countersign=False, rationale="No", by=manager)
    assert not [i for i in awaiting_countersignature([team.pk], TODAY()) if i.crn == item.crn]
    assert not list(selectors.recalls_awaiting([team.pk + 1]))


def _final_third(event):
    release = event_release_dates(event, date_of_birth=event.case.date_of_birth)
    facts = selectors.risk_facts(event.case)
    return selectors.event_final_third(event, release_dates=release, has_rar=False, facts=facts)


def test_a_licence_reaches_its_final_third_unless_mappa_exempts_it(licence_event, officer):
    final = _final_third(licence_event)
    assert final.applies and final.follow_up and final.starts < final.follow_up < final.end
    registration_add(
        case=licence_event.case,
        by=officer,
        type="MAPP",
        mappa_category="M1",
        mappa_level="M1",
        registered_on=TODAY(),
        review_date=TODAY() + timedelta(days=90),
        notes="",
    )
    exempt = _final_third(licence_event)
    assert not exempt.applies and exempt.exemptions == ("MAPPA case",)


def test_very_high_rosh_and_child_protection_exempt(licence_event, officer):
    for kind in ("RVHR", "RCPR"):
        registration_add(
            case=licence_event.case,
            by=officer,
            type=kind,
            mappa_category="",
            mappa_level="",
            registered_on=TODAY(),
            review_date=TODAY() + timedelta(days=90),
            notes="",
        )
    exempt = _final_third(licence_event)
    assert exempt.exemptions == ("very high risk of serious harm", "active child protection")


def test_an_order_without_a_rar_is_outside_the_reset(co_event):
    final = _final_third(co_event)
    assert not final.applies and "no rehabilitation activity requirement" in final.reason


def test_a_suspended_sentence_with_a_rar_counts_its_supervision_period(case, make_event):
    sso = make_event(
        case, sentence_type="SSO", length=6, operational_months=24, supervision_months=12
    )
    sso.case = case
    final = selectors.event_final_third(
        sso, release_dates=None, has_rar=True, facts=selectors.RiskFacts()
    )
    assert final.applies and final.follow_up is None
    assert final.end == sso.sentence_date.replace(year=sso.sentence_date.year + 1) - timedelta(1)
