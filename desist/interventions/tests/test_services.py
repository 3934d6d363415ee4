"""Referrals through their flow: audit rows, timeline entries, what was shared, versions; the
concern alert, the chase deadline and the accommodation history."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from desist.audit.models import Action, AuditEvent
from desist.interventions import services
from desist.interventions.alerts import agency_concerns
from desist.interventions.deadlines import referrals_awaiting_response
from desist.interventions.models import AccommodationStatus, ReferralStatusChange
from desist.oversight.actions import alerts_for
from desist.people.services import StaleEdit
from desist.risk.models import Registration
from desist.supervision.models import Appointment, Contact


def _move(referral, by, status, reason=""):
    return services.referral_change_status(
        referral=referral, version=referral.version, by=by, status=status, reason=reason
    )


def test_a_referral_runs_from_draft_to_completed_audited_and_on_the_timeline(
    officer, case, make_referral
):
    referral = make_referral(case)
    assert referral.status == "DRAFT"
    for status in ("SENT", "ACCEPTED", "STARTED", "COMPLETED"):
        referral = _move(referral, officer, status)
    assert referral.status == "COMPLETED" and referral.version == 5
    history = list(ReferralStatusChange.objects.filter(referral=referral))
    assert [h.status for h in history] == ["DRAFT", "SENT", "ACCEPTED", "STARTED", "COMPLETED"]
    audits = AuditEvent.objects.filter(subject="referral", subject_id=str(referral.pk))
    assert audits.filter(action=Action.CREATE).count() == 1
    assert audits.filter(action=Action.CHANGE).count() == 4
    assert audits.latest("pk").changes == {"status": ["STARTED", "COMPLETED"]}
    notes = list(
        Contact.objects.filter(case=case, system_generated=True)
        .order_by("pk")
        .values_list("notes", flat=True)
    )
    assert notes[-5:] == [
        "Referral to Northern Housing Trust drafted (Accommodation)",
        "Referral to Northern Housing Trust sent.",
        "Referral to Northern Housing Trust accepted.",
        "Referral to Northern Housing Trust started.",
        "Referral to Northern Housing Trust completed.",
    ]


def test_declining_needs_a_coded_reason_and_says_it_on_the_timeline(officer, case, make_referral):
    referral = _move(make_referral(case), officer, "SENT")
    with pytest.raises(services.ReferralError, match="Select why the referral was declined"):
        _move(referral, officer, "DECLINED")
    referral = _move(referral, officer, "DECLINED", "NO_CAPACITY")
    assert referral.status_reason_label == "No capacity or waiting list closed"
    last = Contact.objects.filter(case=case).latest("pk")
    assert last.notes == (
        "Referral to Northern Housing Trust declined: No capacity or waiting list closed."
    )
    with pytest.raises(services.ReferralError, match="cannot change any more"):
        _move(referral, officer, "STARTED")


def test_a_refused_change_leaves_nothing_behind(officer, case, make_referral):
    referral = make_referral(case)
    before = (AuditEvent.objects.count(), Contact.objects.count())
    with pytest.raises(services.ReferralError, match="draft referral cannot be marked started"):
        _move(referral, officer, "STARTED")
    assert (AuditEvent.objects.count(), Contact.objects.count()) == before


def test_sending_keeps_exactly_what_risk_information_was_shared(officer, case, make_referral):
    Registration.objects.create(
        case=case, type="RHRH", registered_on=date(2026, 1, 5), registered_by=officer
    )
    referral = _move(make_referral(case), officer, "SENT")
    (disclosure,) = referral.disclosures.all()
    assert [i["item"] for i in disclosure.items] == ["ROSH_SUMMARY", "REGISTRATIONS"]
    assert disclosure.items[0]["content"] == "No RoSH assessment recorded"
    assert disclosure.items[1]["content"] == "High RoSH"
    assert disclosure.shared_by == officer and disclosure.shared_at == referral.sent_at
    # Later changes to the case do not rewrite what was sent.
    Registration.objects.update(deregistered_on=date(2026, 2, 1))
    disclosure.refresh_from_db()
    assert disclosure.items[1]["content"] == "High RoSH"


def test_only_a_draft_can_be_edited_and_stale_edits_are_refused(officer, case, make_referral):
    referral = make_referral(case)
    updated = services.referral_update(
        referral=referral, version=1, by=officer, desired_outcomes="Any roof"
    )
    assert updated.version == 2 and updated.desired_outcomes == "Any roof"
    with pytest.raises(StaleEdit):
        services.referral_update(referral=referral, version=1, by=officer, urgency="URGENT")
    with pytest.raises(StaleEdit):
        services.referral_change_status(referral=updated, version=1, by=officer, status="SENT")
    sent = _move(updated, officer, "SENT")
    with pytest.raises(services.ReferralError, match="Only a draft"):
        services.referral_update(referral=sent, version=sent.version, by=officer, urgency="URGENT")


def test_a_referral_refuses_a_contact_or_risk_item_from_elsewhere(case, make_referral, admin_user):
    other_agency = services.agency_create(
        by=admin_user,
        pdus=[],
        name="Other",
        category="ETE",
        description="",
        phone="",
        email="",
        address="",
        active=True,
    )
    other_contact = services.agency_contact_add(
        agency=other_agency, by=admin_user, name="X", role="", email="", phone="", active=True
    )
    with pytest.raises(services.ReferralError, match="contact of the agency"):
        make_referral(case, contact=other_contact)
    with pytest.raises(services.ReferralError, match="risk information from the list"):
        make_referral(case, risk_to_share=["VICTIM_DETAILS"])


def test_feedback_with_a_concern_alerts_the_practitioner_until_read(
    officer, colleague, case, make_referral
):
    referral = _move(make_referral(case), officer, "SENT")
    today = timezone.localdate()
    feedback = services.feedback_record(
        referral=referral,
        by=officer,
        received_on=today,
        sessions_offered=3,
        sessions_attended=1,
        notes="Missed two sessions",
        concern=True,
    )
    assert AuditEvent.objects.filter(subject="agency_feedback", action=Action.CREATE).exists()
    assert "The agency raises a concern" in Contact.objects.filter(case=case).latest("pk").notes
    (alert,) = agency_concerns([officer.pk], today)
    assert alert.kind == "Concern raised by a partner agency" and alert.crn == case.crn
    assert any(a.kind == alert.kind for a in alerts_for(officer.pk, today))
    assert agency_concerns([colleague.pk], today) == []
    services.concern_mark_read(feedback=feedback, by=officer)
    assert agency_concerns([officer.pk], today) == []


def test_feedback_is_refused_on_a_draft(officer, case, make_referral):
    with pytest.raises(services.ReferralError, match="not been sent"):
        services.feedback_record(
            referral=make_referral(case),
            by=officer,
            received_on=timezone.localdate(),
            notes="x",
            concern=False,
        )


def test_a_sent_referral_is_chased_after_five_working_days_in_one_query(
    officer, make_case, make_referral, django_assert_num_queries
):
    for n in range(3):
        _move(make_referral(make_case("A", f"Person{n}")), officer, "SENT")
    make_referral(make_case("Draft", "Only"))  # a draft is not awaiting a response
    with django_assert_num_queries(1):
        found = list(referrals_awaiting_response([officer.pk], timezone.localdate()))
    assert len(found) == 3
    assert {d.kind for d in found} == {"Chase a referral awaiting response"}
    assert all(d.due > timezone.localdate() for d in found)


def test_a_three_way_meeting_takes_its_partner_from_the_directory(
    officer, case, make_referral, team
):
    from desist.organisation.models import Office

    office = Office.objects.create(code="O1", name="Newcastle office", pdu=team.pdu)
    referral = _move(make_referral(case), officer, "SENT")
    meeting = services.three_way_meeting_arrange(
        referral=referral,
        contact=referral.contact,
        by=officer,
        starts_at=timezone.now() + timedelta(days=2),
        duration_minutes=60,
        practitioner=officer,
        office=office,
        address="",
        requirement=None,
        sensitive=False,
        reminder_confirmed=False,
    )
    appointment = Appointment.objects.get(pk=meeting.appointment_id)
    assert appointment.type == "THREEWAY"
    assert (appointment.partner_name, appointment.partner_organisation) == (
        "Sam Okafor",
        "Northern Housing Trust",
    )
    assert appointment.partner_role == "Housing support worker"


def test_accommodation_keeps_its_history_audited_and_on_the_timeline(officer, case):
    today = timezone.localdate()
    services.accommodation_record(
        case=case, by=officer, status="HOMELESS", since=today - timedelta(days=30)
    )
    services.accommodation_record(case=case, by=officer, status="CAS3", since=today)
    assert [a.status for a in AccommodationStatus.objects.filter(case=case)] == [
        "CAS3",
        "HOMELESS",
    ]
    last = AuditEvent.objects.filter(subject="accommodation").latest("pk")
    assert last.changes["status"] == ["HOMELESS", "CAS3"]
    assert (
        Contact.objects.filter(case=case)
        .latest("pk")
        .notes.startswith("Accommodation: CAS3 temporary accommodation since")
    )
