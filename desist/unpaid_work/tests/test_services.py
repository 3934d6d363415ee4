from datetime import date, time

import pytest

from desist.audit.models import AuditEvent
from desist.enforcement.constants import FAILED
from desist.sentences.selectors import requirement_ledgers
from desist.supervision.constants import AppointmentType, ContactType
from desist.supervision.models import Appointment, Contact
from desist.supervision.services import AppointmentError, appointment_arrange
from desist.unpaid_work import services
from desist.unpaid_work.services import Attendance, UnpaidWorkError
from desist.unpaid_work.tests.conftest import let_pass


def _hours(requirement):
    return requirement_ledgers([requirement])[requirement.pk]


def test_a_place_is_an_unpaid_work_appointment_on_the_requirement(
    work_session, case, upw, place, pso
):
    placement = place(work_session, case)
    appointment = placement.appointment
    assert appointment.type == AppointmentType.UNPAID_WORK
    assert appointment.requirement == upw
    assert appointment.event == upw.event
    assert appointment.practitioner == pso
    assert appointment.starts_at == work_session.starts_at
    assert appointment.duration_minutes == 7 * 60
    assert appointment.address == "Lock 4, Canal Road"
    assert AuditEvent.objects.filter(case=case, subject="upw_placement").exists()


def test_everyone_on_a_session_shares_the_supervisor_without_a_clash(
    work_session, case, upw, make_case, give_upw, place
):
    other = make_case("Peter", "Brown")
    give_upw(other)
    place(work_session, case)
    place(work_session, other)
    assert work_session.placements.count() == 2


def test_a_full_session_is_refused(make_session, case, upw, make_case, give_upw, place):
    session = make_session(capacity=1)
    place(session, case)
    other = make_case("Peter", "Brown")
    give_upw(other)
    with pytest.raises(UnpaidWorkError, match="This session is full: all 1 places are taken"):
        place(session, other)


def test_a_person_is_placed_only_once(work_session, case, upw, place):
    place(work_session, case)
    with pytest.raises(UnpaidWorkError, match="already on this session"):
        place(work_session, case)


def test_someone_without_unpaid_work_is_refused(work_session, case, place):
    with pytest.raises(UnpaidWorkError, match="no active unpaid work requirement"):
        place(work_session, case)


def test_a_terminated_order_is_refused(work_session, case, give_upw, place):
    give_upw(case, active=False)
    with pytest.raises(UnpaidWorkError, match="no active unpaid work requirement"):
        place(work_session, case)


def test_someone_with_every_hour_worked_is_refused(make_session, case, give_upw, place):
    give_upw(case, hours=7)
    done = make_session()
    placement = place(done, case)
    let_pass(done)
    services.register_record(
        session=done,
        lines=[Attendance(placement=placement, version=1, outcome="ATTC")],
        by=placement.appointment.practitioner,
    )
    with pytest.raises(UnpaidWorkError, match="hours left to work"):
        place(make_session(), case)


def test_hours_count_towards_the_oldest_order_first(work_session, case, give_upw, place):
    newer = give_upw(case, number=2, start=date(2026, 9, 1))
    older = give_upw(case, number=1)
    assert place(work_session, case).appointment.requirement == older != newer


def test_a_clash_with_the_persons_other_appointments_is_refused(
    work_session, case, upw, place, officer, team
):
    from desist.organisation.models import Office

    office = Office.objects.create(code="O1", name="Newcastle office", pdu=team.pdu)
    appointment_arrange(
        case=case,
        by=officer,
        type=AppointmentType.OFFICE_VISIT,
        practitioner=officer,
        office=office,
        starts_at=work_session.starts_at.replace(hour=11),
        duration_minutes=30,
    )
    with pytest.raises(AppointmentError, match="already has an appointment with Officer"):
        place(work_session, case)
    assert not work_session.placements.exists()


def test_register_credits_hours_and_the_ledger_updates(
    work_session, case, upw, make_case, give_upw, place, pso
):
    other = make_case("Peter", "Brown")
    other_upw = give_upw(other, hours=40)
    worked, sent_home = place(work_session, case), place(work_session, other)
    let_pass(work_session)
    recorded = services.register_record(
        session=work_session,
        lines=[
            Attendance(placement=worked, version=1, outcome="ATTC"),
            Attendance(
                placement=sent_home,
                version=1,
                outcome="ATSH",
                notes="Swearing at the supervisor",
                sent_home_at=time(11, 30),
            ),
        ],
        by=pso,
    )
    assert recorded == 2
    assert _hours(upw).done == 7 and _hours(upw).remaining == 93
    assert _hours(other_upw).done == 2.5 and _hours(other_upw).remaining == 37.5
    sent_home.appointment.refresh_from_db()
    assert sent_home.appointment.credited_minutes == 150
    assert sent_home.hours_credited == 2.5
    # Sent home for behaviour is a failure to comply: enforcement counts it.
    assert list(Appointment.objects.filter(FAILED)) == [sent_home.appointment]
    note = Contact.objects.get(case=other, type=ContactType.UNPAID_WORK)
    assert note.notes.startswith("Attended – sent home (behaviour). Sent home at 11:30.")
    assert note.requirement == other_upw


def test_an_unacceptable_absence_credits_nothing_and_counts_as_a_failure(
    work_session, case, upw, place, pso
):
    placement = place(work_session, case)
    let_pass(work_session)
    services.register_record(
        session=work_session,
        lines=[Attendance(placement=placement, version=1, outcome="UAAB")],
        by=pso,
    )
    assert _hours(upw).done == 0
    assert Appointment.objects.filter(FAILED).count() == 1


def test_a_stale_line_saves_nothing_and_names_the_person(
    work_session, case, upw, make_case, give_upw, place, pso
):
    other = make_case("Peter", "Brown")
    give_upw(other)
    first, second = place(work_session, case), place(work_session, other)
    let_pass(work_session)
    with pytest.raises(UnpaidWorkError, match="^Peter Brown: Someone else changed"):
        services.register_record(
            session=work_session,
            lines=[
                Attendance(placement=first, version=1, outcome="ATTC"),
                Attendance(placement=second, version=7, outcome="ATTC"),
            ],
            by=pso,
        )
    assert not Appointment.objects.exclude(outcome="").exists()


def test_the_register_waits_for_the_session_to_start(work_session, case, upw, place, pso):
    placement = place(work_session, case)
    with pytest.raises(UnpaidWorkError, match="once the appointment has started"):
        services.register_record(
            session=work_session,
            lines=[Attendance(placement=placement, version=1, outcome="ATTC")],
            by=pso,
        )


def test_project_edits_are_versioned(project, pso):
    services.project_update(project=project, version=1, by=pso, capacity=8)
    with pytest.raises(services.StaleEdit):
        services.project_update(project=project, version=1, by=pso, capacity=4)
    project.refresh_from_db()
    assert (project.capacity, project.version) == (8, 2)


def test_no_more_than_the_session_is_ever_credited(work_session, case, upw, place, pso):
    from desist.supervision.services import appointment_record_outcome

    placement = place(work_session, case)
    let_pass(work_session)
    with pytest.raises(AppointmentError, match="cannot be more than the appointment's length"):
        appointment_record_outcome(
            appointment=placement.appointment,
            version=1,
            by=pso,
            outcome="ATTC",
            credited_minutes=7 * 60 + 1,
        )
