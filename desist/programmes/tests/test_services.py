"""The programmes' write path: referrals, suitability, groups and schedules, allocation with
capacity, the register's outcomes flowing to enforcement and ledgers, concerns and catch-ups."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from desist.audit.models import AuditEvent
from desist.enforcement.selectors import event_enforcement
from desist.oversight.actions import alerts_for
from desist.people.services import StaleEdit
from desist.programmes import selectors, services
from desist.programmes.models import Programme
from desist.programmes.services import ProgrammeError
from desist.rules.working_days import bank_holidays
from desist.sentences import services as sentence_services
from desist.sentences.models import LicenceCondition
from desist.sentences.selectors import requirement_ledgers
from desist.supervision.models import Appointment, Contact
from desist.supervision.services import AppointmentError, appointment_record_outcome

pytestmark = pytest.mark.django_db


def test_the_catalogue_is_seeded_with_building_choices_template():
    bc = Programme.objects.get(code="BC")
    templates = list(bc.templates.all())
    assert (bc.group_sessions, bc.group_session_minutes) == (21, 150)
    assert [t.number for t in templates] == list(range(1, 22))
    modules = [t.module for t in templates]
    assert modules.count("Managing myself") == 6 and modules[-1] == "Bringing it all together"
    assert Programme.objects.filter(legacy=True).count() == 2
    for programme in Programme.objects.all():
        assert programme.templates.count() == programme.group_sessions


def test_referral_needs_a_programme_requirement_of_the_case(
    make_prog, make_case, officer, building_choices
):
    requirement = make_prog()
    other = make_case("Other", "Person")
    with pytest.raises(ProgrammeError, match="of this case"):
        services.referral_create(
            case=other, by=officer, programme=building_choices, requirement=requirement
        )
    with pytest.raises(ProgrammeError, match="requirement or the licence condition"):
        services.referral_create(case=other, by=officer, programme=building_choices)
    referral = services.referral_create(
        case=requirement.event.case,
        by=officer,
        programme=building_choices,
        requirement=requirement,
    )
    assert referral.event == requirement.event
    assert AuditEvent.objects.filter(subject="programme referral", action="CREATE").exists()
    with pytest.raises(ProgrammeError, match="already referred"):
        services.referral_create(
            case=requirement.event.case,
            by=officer,
            programme=building_choices,
            requirement=requirement,
        )


def test_not_suitable_needs_a_reason_and_leaves_the_waitlist(
    make_prog, officer, facilitator, building_choices
):
    requirement = make_prog()
    referral = services.referral_create(
        case=requirement.event.case, by=officer, programme=building_choices, requirement=requirement
    )
    with pytest.raises(ProgrammeError, match="why"):
        services.suitability_record(
            referral=referral, version=1, by=facilitator, suitable=False, reason=" "
        )
    services.suitability_record(
        referral=referral, version=1, by=facilitator, suitable=False, reason="Denies the offence"
    )
    assert selectors.waitlist(facilitator) == []
    with pytest.raises(StaleEdit):
        services.suitability_record(referral=referral, version=1, by=facilitator, suitable=True)


def test_group_schedule_follows_the_template_and_skips_bank_holidays(make_group):
    group = make_group(first_date=timezone.localdate().replace(month=12, day=1), weekdays=[4])
    sessions = list(group.sessions.select_related("template"))
    assert len(sessions) == 21
    assert [s.template.number for s in sessions] == list(range(1, 22))
    days = [timezone.localtime(s.starts_at).date() for s in sessions]
    assert all(d.weekday() == 4 and d not in bank_holidays(d.year) for d in days)
    assert all(timezone.localtime(s.starts_at).time() == time(9, 30) for s in sessions)
    assert {s.duration_minutes for s in sessions} == {150}


def test_an_evening_group_must_allow_evenings(make_group):
    with pytest.raises(ProgrammeError, match="evening"):
        make_group(start_time=time(18, 0))
    assert make_group(start_time=time(18, 0), evenings_allowed=True).sessions.count() == 21


def test_allocation_makes_group_appointments_and_enforces_capacity(
    make_group, make_suitable, facilitator
):
    group = make_group(capacity=2)
    people = [make_suitable(f"P{n}", "Person") for n in range(3)]
    with pytest.raises(ProgrammeError, match="1 place left|2 places left"):
        services.members_allocate(group=group, referrals=people, by=facilitator)
    assert Appointment.objects.count() == 0  # refused as a whole
    services.members_allocate(group=group, referrals=people[:2], by=facilitator)
    first = people[0]
    appointments = Appointment.objects.filter(case=first.case)
    assert appointments.count() == 21
    assert {(a.type, a.practitioner_id, a.requirement_id, a.event_id) for a in appointments} == {
        ("GROUP", facilitator.pk, first.requirement_id, first.event_id)
    }
    with pytest.raises(ProgrammeError, match="no places left"):
        services.members_allocate(group=group, referrals=people[2:], by=facilitator)


def test_a_person_booked_elsewhere_at_a_session_time_is_not_allocated(
    make_group, make_suitable, facilitator, officer
):
    group = make_group()
    free, busy = make_suitable("Fay", "Free"), make_suitable("Bob", "Busy")
    third = group.sessions.order_by("starts_at")[2]
    Appointment.objects.create(  # an office visit half an hour into the third session
        case=busy.case,
        practitioner=officer,
        type="OFFICE",
        starts_at=third.starts_at + timedelta(minutes=30),
        duration_minutes=30,
    )
    Appointment.objects.create(  # back to back with the third session: no clash
        case=free.case,
        practitioner=officer,
        type="OFFICE",
        starts_at=third.starts_at - timedelta(minutes=30),
        duration_minutes=30,
    )
    with pytest.raises(ProgrammeError) as refused:
        services.members_allocate(group=group, referrals=[free, busy], by=facilitator)
    assert "Bob Busy already has an appointment with" in str(refused.value)
    assert "Fay Free" not in str(refused.value)
    assert not Appointment.objects.filter(type="GROUP").exists()  # refused as a whole
    services.members_allocate(group=group, referrals=[free], by=facilitator)


def test_an_unassessed_person_cannot_be_allocated(make_group, make_prog, officer, facilitator):
    requirement = make_prog()
    group = make_group()
    referral = services.referral_create(
        case=requirement.event.case,
        by=officer,
        programme=group.programme,
        requirement=requirement,
    )
    with pytest.raises(ProgrammeError, match="suitable first"):
        services.members_allocate(group=group, referrals=[referral], by=facilitator)


def _take(session, facilitator, outcomes: dict, concerns: dict | None = None, notes=""):
    rows = selectors.session_register(facilitator, session)
    entries = [
        {
            "attendance": row,
            "outcome": outcomes.get(row.referral_id, ""),
            "notes": "",
            "version": row.appointment.version,
            "concern": row.referral_id in (concerns or {}),
            "concern_notes": (concerns or {}).get(row.referral_id, ""),
        }
        for row in rows
    ]
    session.refresh_from_db()
    return services.register_record(
        session=session, version=session.version, by=facilitator, notes=notes, entries=entries
    )


def test_an_unacceptable_absence_in_the_register_makes_a_warning_due(
    make_group, make_suitable, facilitator
):
    group = make_group()
    attends, absent = make_suitable("Amy", "Attends"), make_suitable("Ben", "Absent")
    services.members_allocate(group=group, referrals=[attends, absent], by=facilitator)
    session = group.sessions.order_by("starts_at").first()
    _take(session, facilitator, {attends.pk: "ATTC", absent.pk: "UAAB"}, notes="Good start")
    state = event_enforcement(absent.event, timezone.localdate())
    assert state.warning_due is not None
    assert event_enforcement(attends.event, timezone.localdate()).warning_due is None
    ledger = requirement_ledgers([attends.requirement, absent.requirement])
    assert (ledger[attends.requirement_id].done, ledger[absent.requirement_id].done) == (1, 0)
    assert Contact.objects.filter(case=absent.case, type="CGRP").exists()  # on the timeline
    session.refresh_from_db()
    assert session.notes == "Good start" and session.register_taken_by == facilitator


def test_the_register_refuses_a_stale_outcome_and_a_future_session(
    make_group, make_suitable, facilitator
):
    group = make_group()
    member = make_suitable()
    services.members_allocate(group=group, referrals=[member], by=facilitator)
    session = group.sessions.order_by("starts_at").first()
    (row,) = selectors.session_register(facilitator, session)
    entry = {
        "attendance": row,
        "outcome": "ATTC",
        "notes": "",
        "version": row.appointment.version + 1,
        "concern": False,
        "concern_notes": "",
    }
    with pytest.raises(StaleEdit):
        services.register_record(
            session=session, version=1, by=facilitator, notes="", entries=[entry]
        )
    entry["version"], entry["outcome"] = row.appointment.version, "AAME"
    with pytest.raises(AppointmentError, match="evidence"):
        services.register_record(
            session=session, version=1, by=facilitator, notes="", entries=[entry]
        )
    future = group.sessions.order_by("starts_at").last()
    with pytest.raises(ProgrammeError, match="started"):
        services.register_record(session=future, version=1, by=facilitator, notes="", entries=[])


def test_a_concern_alerts_the_persons_practitioner(make_group, make_suitable, facilitator, officer):
    group = make_group()
    member = make_suitable()
    services.members_allocate(group=group, referrals=[member], by=facilitator)
    session = group.sessions.order_by("starts_at").first()
    _take(session, facilitator, {member.pk: "ATTC"}, {member.pk: "Spoke of hurting his ex"})
    (alert,) = [a for a in alerts_for(officer.pk, timezone.localdate()) if "group" in a.kind]
    assert alert.crn == member.case.crn and "hurting" in alert.detail


def test_completion_needs_every_session_attended_or_made_up(make_group, make_suitable, facilitator):
    today = timezone.localdate()
    group = make_group(first_date=today - timedelta(days=7 * 30), weekdays=[0, 1, 2, 3, 4])
    member = make_suitable()
    services.members_allocate(group=group, referrals=[member], by=facilitator)
    sessions = list(group.sessions.order_by("starts_at"))
    for n, session in enumerate(sessions):
        _take(session, facilitator, {member.pk: "UAAB" if n == 4 else "ATTC"})
    shown = selectors.progress_of([member], timezone.now())[member.pk]
    assert shown.missed == (5,) and not shown.complete
    catch_up = services.catch_up_arrange(
        referral=member,
        template=sessions[4].template,
        starts_at=timezone.now() - timedelta(hours=3),
        by=facilitator,
    )
    with pytest.raises(ProgrammeError, match="already arranged"):
        services.catch_up_arrange(
            referral=member,
            template=sessions[4].template,
            starts_at=timezone.now() - timedelta(hours=1),
            by=facilitator,
        )
    appointment_record_outcome(
        appointment=catch_up.appointment, version=1, by=facilitator, outcome="ATTC"
    )
    assert selectors.progress_of([member], timezone.now())[member.pk].complete
    assert requirement_ledgers([member.requirement])[member.requirement_id].done == 21


def test_a_licence_condition_can_be_the_reason_for_a_referral(
    make_case, court, officer, building_choices
):
    case = make_case("Lee", "Licence")
    sentenced = timezone.localdate() - timedelta(days=400)
    event = sentence_services.event_create(
        case=case,
        by=officer,
        court=court,
        offence={
            "code": "10501",
            "description": "Common assault",
            "category": "VIOLENCE",
            "offence_date": sentenced - timedelta(days=60),
        },
        conviction_date=sentenced - timedelta(days=20),
        sentence_type="SDS",
        sentence_date=sentenced,
        length=2,
        length_unit="Y",
    )
    condition = LicenceCondition.objects.create(
        event=event, code="PROGRAMMES", text="Attend Building Choices as directed"
    )
    referral = services.referral_create(
        case=case, by=officer, programme=building_choices, licence_condition=condition
    )
    assert referral.event == event and referral.requirement is None
    assert referral.source == "Licence condition"
