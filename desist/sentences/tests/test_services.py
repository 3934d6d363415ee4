import datetime

import pytest

from desist.audit.models import Action, AuditEvent
from desist.people.services import StaleEdit
from desist.rules.licence_conditions import STANDARD_CONDITIONS
from desist.sentences import services
from desist.sentences.constants import TerminationReason
from desist.sentences.models import CourtAppearance, Event

D = datetime.date


def test_events_are_numbered_within_their_case(case, make_case, make_event):
    assert [make_event(case).number, make_event(case).number] == [1, 2]
    assert make_event(make_case("Peter", "Brown")).number == 1


def test_event_create_records_offence_appearance_and_audit(case, make_event, court):
    event = make_event(case)
    assert event.offences.get().main
    appearance = CourtAppearance.objects.get(event=event)
    assert (appearance.court, appearance.date, appearance.outcome) == (court, D(2026, 4, 1), "SEN")
    created = AuditEvent.objects.filter(case=case, action=Action.CREATE)
    assert set(created.values_list("subject", flat=True)) >= {
        "event",
        "offence",
        "courtappearance",
    }
    assert created.get(subject="event").changes["sentence_type"] == [None, "CO"]


@pytest.mark.parametrize(
    ("sentence", "end"),
    [
        ({"sentence_type": "CO", "length": 12, "length_unit": "M"}, D(2027, 3, 31)),
        (
            {
                "sentence_type": "SSO",
                "length": 6,
                "length_unit": "M",
                "operational_months": 18,
                "supervision_months": 12,
            },
            D(2027, 9, 30),
        ),
        # 2 years from 1 Apr 2026 for assault: released at a third under SA2026, no TUSED now.
        ({"sentence_type": "SDS", "length": 2, "length_unit": "Y"}, D(2028, 3, 31)),
    ],
)
def test_expected_end_is_computed(case, make_event, sentence, end):
    assert make_event(case, **sentence).expected_end == end


def test_a_community_order_over_three_years_is_refused(case, make_event):
    with pytest.raises(services.RuleBroken) as broken:
        make_event(case, length=37, length_unit="M")
    assert broken.value.problems[0].field == "length"
    assert not Event.objects.exists()


def test_an_sso_supervision_period_must_fit_the_operational_period(case, make_event):
    with pytest.raises(services.RuleBroken) as broken:
        make_event(
            case,
            sentence_type="SSO",
            length=6,
            length_unit="M",
            operational_months=12,
            supervision_months=18,
        )
    assert broken.value.problems[0].field == "supervision_months"


def test_licence_events_get_the_standard_conditions(case, make_event):
    event = make_event(case, sentence_type="SDS", length=18, length_unit="M")
    codes = list(event.licence_conditions.values_list("code", flat=True))
    assert codes == [code for code, _ in STANDARD_CONDITIONS]
    assert not make_event(case).licence_conditions.exists()


def test_requirement_add_within_the_limits(case, make_event, officer):
    event = make_event(case)
    requirement = services.requirement_add(event=event, by=officer, category="UPW", length=150)
    assert requirement.start_date == event.sentence_date
    curfew = services.requirement_add(
        event=event, by=officer, category="CURF", length=3, hours_per_day=12, days_per_week=7
    )
    assert curfew.end_date == D(2026, 6, 30)
    audit = AuditEvent.objects.get(subject="requirement", subject_id=str(curfew.pk))
    assert audit.changes["hours_per_day"] == [None, 12]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"category": "UPW", "length": 301}, "length"),
        ({"category": "UPW", "length": 39}, "length"),
        (
            {"category": "CURF", "length": 3, "hours_per_day": 20, "days_per_week": 6},
            "days_per_week",
        ),
        ({"category": "EXCL", "length": 13}, "length"),  # beyond the 12-month order
        ({"category": "DRIV", "length": 6}, "category"),  # offence before SA2026 ss.14-17
    ],
)
def test_requirement_add_refuses_what_the_law_forbids(case, make_event, officer, fields, field):
    event = make_event(case)
    with pytest.raises(services.RuleBroken) as broken:
        services.requirement_add(event=event, by=officer, **fields)
    assert [p.field for p in broken.value.problems] == [field]
    assert not event.requirements.exists()


def test_a_breach_upw_of_39_hours_is_allowed(case, make_event, officer):
    event = make_event(case)
    services.requirement_add(event=event, by=officer, category="UPW", length=39, on_breach=True)


def test_custody_has_no_requirements_and_orders_no_licence(case, make_event, officer):
    with pytest.raises(ValueError):
        services.requirement_add(
            event=make_event(case, sentence_type="SDS"), by=officer, category="UPW", length=40
        )
    with pytest.raises(ValueError):
        services.licence_condition_add(event=make_event(case), by=officer, category="CHILDREN")


def test_polygraph_needs_twelve_months_for_a_sexual_or_terrorist_offence(case, make_event, officer):
    sexual = {"category": "SEXUAL", "description": "Sexual assault", "code": "02007"}
    short = make_event(case, sentence_type="SDS", length=8, length_unit="M", offence=sexual)
    with pytest.raises(services.RuleBroken):
        services.licence_condition_add(event=short, by=officer, category="POLYGRAPH")
    violent = make_event(case, sentence_type="SDS", length=2, length_unit="Y")
    with pytest.raises(services.RuleBroken):
        services.licence_condition_add(event=violent, by=officer, category="POLYGRAPH")
    long = make_event(case, sentence_type="SDS", length=2, length_unit="Y", offence=sexual)
    condition = services.licence_condition_add(event=long, by=officer, category="POLYGRAPH")
    assert condition.text == "Polygraph"


def test_victim_conditions_are_always_victim_related(case, make_event, officer):
    event = make_event(case, sentence_type="SDS", length=2, length_unit="Y")
    with pytest.raises(services.RuleBroken) as broken:
        services.licence_condition_add(event=event, by=officer, category="VICTIM_CONTACT")
    assert broken.value.problems[0].field == "named_person"
    condition = services.licence_condition_add(
        event=event, by=officer, category="VICTIM_CONTACT", named_person="Jane Doe"
    )
    assert condition.victim_related
    # The audit trail, shown in the access log, keeps the victim's name out.
    audit = AuditEvent.objects.get(subject="licencecondition", subject_id=condition.pk)
    assert "Jane Doe" not in str(audit.changes) and "code" in audit.changes


def test_event_terminate_is_versioned_and_audited(case, make_event, officer):
    event = make_event(case)
    ended = services.event_terminate(
        event=event,
        version=1,
        termination_date=D(2026, 10, 1),
        termination_reason="EARLY",
        by=officer,
    )
    assert (ended.active, ended.version) == (False, 2)
    audit = AuditEvent.objects.get(subject="event", action=Action.CHANGE)
    assert audit.changes["termination_reason"] == ["", "EARLY"]
    with pytest.raises(StaleEdit):
        services.event_terminate(
            event=event,
            version=1,
            termination_date=D(2026, 10, 1),
            termination_reason="EARLY",
            by=officer,
        )


def test_termination_cannot_precede_the_sentence(case, make_event, officer):
    with pytest.raises(services.RuleBroken):
        services.event_terminate(
            event=make_event(case),
            version=1,
            termination_date=D(2026, 3, 1),
            termination_reason="APPEAL",
            by=officer,
        )


def test_a_sentence_and_its_ending_recalculate_the_tier_at_once(case, make_event, officer):
    """A current sentence is a tiering input (the mandate for change): the header must not wait
    for the nightly batch to show it."""
    event = make_event(case, sentence_date=datetime.date.today())
    assert case.risk.tier_v2 == "D0"  # an order with no rehabilitative requirement yet
    services.requirement_add(event=event, by=officer, category="RAR", length=20)
    case.risk.refresh_from_db()
    assert case.risk.tier_v2 == "D2"
    services.event_terminate(
        event=event,
        version=event.version,
        termination_date=datetime.date.today(),
        termination_reason=TerminationReason.choices[0][0],
        by=officer,
    )
    case.risk.refresh_from_db()
    assert case.risk.tier_v2 == "D0"
