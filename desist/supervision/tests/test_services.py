from datetime import timedelta

import pytest

from desist.audit.models import Action, AuditEvent
from desist.people.services import StaleEdit
from desist.supervision import services
from desist.supervision.constants import ContactType, Outcome
from desist.supervision.models import Appointment, Contact
from desist.supervision.tests.conftest import tomorrow_at


class TestClashes:
    def test_an_overlapping_appointment_for_the_practitioner_is_refused(
        self, arrange, make_case, officer
    ):
        arrange(tomorrow_at(10), duration_minutes=60)
        other = make_case("Peter", "Brown")
        with pytest.raises(services.AppointmentError) as refused:
            arrange(tomorrow_at(10, 30), for_case=other)
        assert refused.value.message.startswith("Officer Tester already has an appointment from")
        assert "10:00 to 11:00" in refused.value.message
        assert "Smith" not in refused.value.message  # the other person is not named

    def test_an_overlapping_appointment_for_the_person_is_refused(self, arrange, colleague):
        arrange(tomorrow_at(10))
        with pytest.raises(services.AppointmentError) as refused:
            arrange(tomorrow_at(10, 15), practitioner=colleague)
        assert refused.value.message.startswith(
            "John Smith already has an appointment with Officer Tester from 10:00 to 10:30"
        )

    def test_back_to_back_appointments_do_not_clash(self, arrange, make_case):
        arrange(tomorrow_at(10))
        arrange(tomorrow_at(10, 30), for_case=make_case("Peter", "Brown"))
        arrange(tomorrow_at(9, 30))
        assert Appointment.objects.count() == 3

    def test_a_long_appointment_earlier_in_the_day_clashes(self, arrange):
        arrange(tomorrow_at(9), duration_minutes=180)
        with pytest.raises(services.AppointmentError):
            arrange(tomorrow_at(11, 45))

    def test_cancelled_and_rescheduled_appointments_free_their_time(self, arrange, officer):
        first = arrange(tomorrow_at(10))
        services.appointment_cancel(appointment=first, version=1, by=officer, reason="Ill")
        second = arrange(tomorrow_at(10))
        services.appointment_reschedule(
            appointment=second,
            version=1,
            by=officer,
            persons_request=True,
            **_details(second, starts_at=tomorrow_at(14)),
        )
        arrange(tomorrow_at(10))


def _details(appointment, **changes):
    details = {name: getattr(appointment, name) for name in services.APPOINTMENT_FIELDS}
    return {**details, **changes}


def test_a_requirement_of_another_case_is_refused(arrange, make_case, rar):
    with pytest.raises(services.AppointmentError):
        arrange(for_case=make_case("Peter", "Brown"), requirement=rar)
    appointment = arrange(requirement=rar)
    assert appointment.event == rar.event


def test_arranging_is_audited_with_its_fields(arrange):
    appointment = arrange()
    row = AuditEvent.objects.get(subject="appointment", subject_id=str(appointment.pk))
    assert row.action == Action.CREATE
    assert row.changes["type"] == [None, "OFFICE"]
    assert row.changes["duration_minutes"] == [None, 30]


def test_rescheduling_keeps_the_old_appointment_linked_to_the_new(arrange, officer):
    old = arrange(tomorrow_at(10))
    new = services.appointment_reschedule(
        appointment=old,
        version=1,
        by=officer,
        persons_request=False,
        **_details(old, starts_at=tomorrow_at(10, 15)),  # may overlap the one it replaces
    )
    old.refresh_from_db()
    assert old.outcome == Outcome.RESCHEDULED_SERVICE
    assert old.rescheduled_to == new
    assert old.version == 2
    assert not old.is_active and new.is_active
    assert old.compliance is None
    change = AuditEvent.objects.get(subject="appointment", subject_id=str(old.pk), action="CHANGE")
    assert change.changes["outcome"] == ["", "RSSR"]
    assert Contact.objects.get(appointment=old).type == ContactType.APPOINTMENT_CHANGE


def test_a_stale_version_is_refused(arrange, officer):
    appointment = arrange()
    services.appointment_cancel(appointment=appointment, version=1, by=officer, reason="Ill")
    with pytest.raises(StaleEdit):
        services.appointment_cancel(appointment=appointment, version=1, by=officer, reason="x")


class TestOutcomes:
    def test_attended_and_complied_creates_its_contact(self, past_appointment, officer, rar):
        contact = services.appointment_record_outcome(
            appointment=past_appointment, version=1, by=officer, outcome="ATTC", notes="Went well"
        )
        past_appointment.refresh_from_db()
        assert past_appointment.outcome == "ATTC"
        assert past_appointment.compliance == "complied"
        assert contact.system_generated and contact.type == ContactType.PLANNED_OFFICE_VISIT
        assert contact.at == past_appointment.starts_at
        assert "Went well" in contact.notes
        rows = AuditEvent.objects.filter(case=past_appointment.case, action=Action.CHANGE)
        assert rows.get(subject="appointment").changes["outcome"] == ["", "ATTC"]
        assert AuditEvent.objects.filter(subject="contact", subject_id=str(contact.pk)).exists()

    def test_an_acceptable_absence_needs_evidence(self, past_appointment, officer):
        with pytest.raises(services.AppointmentError, match="evidence"):
            services.appointment_record_outcome(
                appointment=past_appointment, version=1, by=officer, outcome="AAME", notes=" "
            )
        services.appointment_record_outcome(
            appointment=past_appointment,
            version=1,
            by=officer,
            outcome="AAME",
            notes="Saw a fit note dated the same day",
        )
        past_appointment.refresh_from_db()
        assert past_appointment.compliance == "acceptable"

    @pytest.mark.parametrize("code", ["RSSR", "XXXX", ""])
    def test_rescheduled_or_unknown_codes_are_not_outcomes(self, past_appointment, officer, code):
        with pytest.raises(services.AppointmentError):
            services.appointment_record_outcome(
                appointment=past_appointment, version=1, by=officer, outcome=code
            )

    def test_no_outcome_before_the_appointment(self, arrange, officer):
        with pytest.raises(services.AppointmentError, match="started"):
            services.appointment_record_outcome(
                appointment=arrange(), version=1, by=officer, outcome="ATTC"
            )

    def test_only_one_outcome(self, past_appointment, officer):
        services.appointment_record_outcome(
            appointment=past_appointment, version=1, by=officer, outcome="UAAB"
        )
        with pytest.raises(services.AppointmentError):
            services.appointment_record_outcome(
                appointment=past_appointment, version=2, by=officer, outcome="ATTC"
            )


def test_compliance_lookups_agree_with_the_properties(past_appointment, arrange, officer):
    from desist.supervision.constants import Compliance, compliance_lookup

    services.appointment_record_outcome(
        appointment=past_appointment, version=1, by=officer, outcome="AFTC", notes="Late, rude"
    )
    for compliance in Compliance:
        matched = set(Appointment.objects.filter(compliance_lookup(compliance)))
        assert matched == {a for a in Appointment.objects.all() if a.compliance == compliance}
    assert Appointment.objects.filter(compliance_lookup(Compliance.FAILED_TO_COMPLY)).count() == 1


def test_calendar_feed_token_is_stored_only_as_a_hash(officer):
    token = services.calendar_feed_regenerate(staff=officer)
    assert officer.calendar_feed.token_hash == services.calendar_feed_token_hash(token)
    assert token not in officer.calendar_feed.token_hash
    assert services.calendar_feed_regenerate(staff=officer) != token


def test_times_in_messages_are_local(arrange, make_case):
    arrange(tomorrow_at(10) + timedelta(days=200))  # across a clock change
    with pytest.raises(services.AppointmentError, match="from 10:00 to 10:30"):
        arrange(tomorrow_at(10) + timedelta(days=200), for_case=make_case("Peter", "Brown"))
