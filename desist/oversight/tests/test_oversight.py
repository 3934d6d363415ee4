"""Management oversight on a case: recorded by an SPO as a sensitive case note with a reason,
audited; refused to others; and the list of team cases due oversight."""

from datetime import timedelta

from django.utils import timezone

from desist.audit.models import Action, AuditEvent
from desist.oversight import selectors, services
from desist.oversight.constants import OversightReason
from desist.oversight.models import Oversight
from desist.people.models import Allocation
from desist.risk.models import CaseRisk
from desist.supervision.constants import ContactType
from desist.supervision.models import Contact
from desist.supervision.services import contact_add


def test_an_spo_records_oversight_as_a_sensitive_case_note(client, signed_in, manager, case):
    signed_in(manager)
    page = client.get(f"/cases/{case.crn}/oversight/record/")
    assert page.status_code == 200 and page.content.count(b"<h1") == 1
    response = client.post(
        f"/cases/{case.crn}/oversight/record/",
        {"reason": OversightReason.RISK_REVIEW, "notes": "RoSH plan agreed; review in 8 weeks"},
    )
    assert response["Location"] == f"/cases/{case.crn}/oversight/"
    record = Oversight.objects.get(case=case)
    assert record.recorded_by == manager and record.reason == OversightReason.RISK_REVIEW
    assert record.contact.type == ContactType.MANAGEMENT_OVERSIGHT
    assert record.contact.sensitive
    assert record.contact.notes == "Risk review: RoSH plan agreed; review in 8 weeks"
    audit = AuditEvent.objects.filter(case=case, actor=manager, action=Action.CREATE)
    assert set(audit.values_list("subject", flat=True)) == {"oversight", "contact"}
    listed = client.get(f"/cases/{case.crn}/oversight/").content.decode()
    assert "RoSH plan agreed" in listed and "Risk review" in listed


def test_the_form_explains_what_is_missing(client, signed_in, manager, case):
    signed_in(manager)
    page = client.post(f"/cases/{case.crn}/oversight/record/", {"notes": ""}).content.decode()
    assert "Select the reason for oversight" in page and "Enter your oversight notes" in page
    assert not Oversight.objects.exists()


def test_a_probation_officer_cannot_record_oversight_but_can_read_it(
    client, signed_in, officer, manager, case
):
    services.oversight_record(case=case, reason="ALLOCATION", notes="Good allocation", by=manager)
    signed_in(officer)
    assert client.get(f"/cases/{case.crn}/oversight/record/").status_code == 403
    assert (
        client.post(
            f"/cases/{case.crn}/oversight/record/", {"reason": "ALLOCATION", "notes": "x"}
        ).status_code
        == 403
    )
    assert Oversight.objects.count() == 1
    assert AuditEvent.objects.filter(actor=officer, action=Action.DENIED).exists()
    page = client.get(f"/cases/{case.crn}/oversight/").content.decode()
    assert "Good allocation" in page and "Record management oversight" not in page


def test_an_spo_kept_out_of_a_restricted_case_cannot_record_on_it(
    client, signed_in, manager, restricted
):
    case = restricted()
    signed_in(manager)
    assert client.get(f"/cases/{case.crn}/oversight/record/").status_code == 403


def test_the_case_page_links_to_oversight(client, signed_in, officer, case):
    signed_in(officer)
    assert f"/cases/{case.crn}/oversight/" in client.get(f"/cases/{case.crn}/").content.decode()


def _allocated_days_ago(case, days):
    Allocation.objects.filter(case=case, ended_at__isnull=True).update(
        started_at=timezone.now() - timedelta(days=days)
    )


def test_cases_due_oversight_follow_the_interval(make_case, manager, restricted):
    today = timezone.localdate()
    fresh = make_case("Fresh", "Allocation")
    waiting = make_case("Waiting", "Touchpoint")
    _allocated_days_ago(waiting, 11)
    seen = make_case("Seen", "Recently")
    _allocated_days_ago(seen, 60)
    services.oversight_record(case=seen, reason="TOUCHPOINT", notes="Discussed", by=manager)
    risky = make_case("Risky", "High")
    _allocated_days_ago(risky, 200)
    CaseRisk.objects.create(case=risky, rosh="VERY_HIGH", tier_v2="A3")
    Contact.objects.filter(case=seen).update(at=timezone.now() - timedelta(days=29))
    typed = make_case("Typed", "Note")
    _allocated_days_ago(typed, 100)
    contact_add(
        case=typed, by=manager, type=ContactType.MANAGEMENT_OVERSIGHT, at=timezone.now(), notes="x"
    )
    hidden = restricted()
    _allocated_days_ago(hidden, 30)
    due = selectors.oversight_due_list(manager, today)
    assert [d.case.crn for d in due] == [risky.crn, waiting.crn]
    assert due[0].due == today - timedelta(days=190) and due[0].last is None
    assert fresh.crn not in [d.case.crn for d in due]


def test_the_due_list_is_one_query(make_case, manager, django_assert_num_queries):
    for i in range(5):
        _allocated_days_ago(make_case(f"P{i}", "Due"), 30 + i)
    with django_assert_num_queries(1):
        assert len(selectors.oversight_due_list(manager, timezone.localdate())) == 5


def test_the_team_oversight_page(client, signed_in, manager, officer, make_case):
    _allocated_days_ago(make_case(), 20)
    signed_in(manager)
    page = client.get("/oversight/").content.decode()
    assert "Smith, John" in page and officer.get_full_name() in page
    assert page.count("<h1") == 1


def test_only_spos_open_the_team_oversight_page(client, signed_in, officer):
    signed_in(officer)
    assert client.get("/oversight/").status_code == 403


def test_the_case_page_lists_every_management_oversight_note(
    client, signed_in, officer, manager, case, django_assert_max_num_queries
):
    contact_add(
        case=case,
        by=manager,
        type=ContactType.MANAGEMENT_OVERSIGHT,
        at=timezone.now() - timedelta(days=1),
        notes="Allocated for continuity",
    )
    services.oversight_record(case=case, reason="ENFORCEMENT", notes="Warning agreed", by=manager)
    signed_in(officer)
    # Session, user, device; the case; its audit row; the header's flags; the notes.
    with django_assert_max_num_queries(7):
        page = client.get(f"/cases/{case.crn}/oversight/").content.decode()
    assert page.index("Warning agreed") < page.index("Allocated for continuity")
    assert "Enforcement decision" in page and "Case note" in page
