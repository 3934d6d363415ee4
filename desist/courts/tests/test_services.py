"""Importing, matching, notes and the pre-sentence report's life, through the services."""

import datetime

import pytest
from django.core.management import call_command

from desist.audit.models import Action, AuditEvent
from desist.courts import services
from desist.courts.constants import MatchStatus, ReportState, ReportType
from desist.courts.models import Hearing
from desist.courts.tests.conftest import HEARING_DAY, court_list_csv, listed
from desist.people.services import StaleEdit, address_add, alias_add

pytestmark = pytest.mark.django_db
PNC = "2004/0046583U"


def _import(officer, *rows):
    return services.court_list_import(text=court_list_csv(*rows), by=officer)


def test_good_rows_import_beside_bad_ones_and_the_import_is_audited(court, court_officer):
    result = _import(court_officer, listed(list_number="1"), listed(list_number="x"))
    assert result.imported == 1
    assert [(e.row, e.column) for e in result.errors] == [(3, "list_number")]
    event = AuditEvent.objects.get(subject="court list")
    assert event.actor == court_officer and event.action == Action.CREATE
    assert event.detail == {"imported": 1, "already_imported": 0, "rows_with_errors": [3]}


def test_importing_the_same_list_again_changes_nothing(court, court_officer):
    rows = [listed(list_number=str(n)) for n in range(1, 4)]
    _import(court_officer, *rows)
    before = list(Hearing.objects.values().order_by("pk"))
    again = _import(court_officer, *rows)
    assert (again.imported, again.already_imported) == (0, 3)
    assert list(Hearing.objects.values().order_by("pk")) == before


def test_an_unknown_court_is_an_error_on_its_row(court, court_officer):
    result = _import(court_officer, listed(court="XX99"))
    assert [(e.row, e.column) for e in result.errors] == [(2, "court")]
    assert not Hearing.objects.exists()


def test_the_same_pnc_number_is_suggested_whatever_the_name(court, court_officer, make_case):
    case = make_case("John", "Smith", pnc=PNC)
    _import(court_officer, listed(defendant_name="BLOGGS, Joe", date_of_birth="", pnc=PNC))
    hearing = Hearing.objects.get()
    assert (hearing.case, hearing.match_status) == (case, MatchStatus.SUGGESTED)
    assert hearing.candidates[0]["reasons"] == ["same PNC number"]


def test_a_misspelt_name_with_the_same_birth_and_postcode_is_suggested_with_reasons(
    court, court_officer, make_case, officer
):
    case = make_case("John", "Smith")
    address_add(
        case=case,
        by=officer,
        status="MAIN",
        postcode="NE1 4XF",
        start_date=datetime.date(2025, 1, 1),
    )
    _import(court_officer, listed(defendant_name="SMYTH, John"))
    hearing = Hearing.objects.get()
    assert hearing.match_status == MatchStatus.SUGGESTED and hearing.case == case
    assert hearing.candidates[0]["reasons"] == [
        "same date of birth",
        "surname spelled differently",
        "same first name",
        "same postcode",
    ]


def test_an_alias_is_matched(court, court_officer, make_case, officer):
    case = make_case("John", "Smith")
    alias_add(case=case, by=officer, first_name="Jack", last_name="Smithers")
    _import(court_officer, listed(defendant_name="SMITHERS, Jack"))
    hearing = Hearing.objects.get()
    assert hearing.case == case and "matches an alias" in hearing.candidates[0]["reasons"]


def test_a_near_twin_is_only_a_possible_match_and_is_not_linked(court, court_officer, make_case):
    twin = make_case("John", "Smith", date_of_birth=datetime.date(1990, 6, 1))
    _import(court_officer, listed())
    hearing = Hearing.objects.get()
    assert hearing.case is None
    assert hearing.match_status in (MatchStatus.POSSIBLE, MatchStatus.NO_MATCH)
    assert twin.pk not in [c["case_id"] for c in hearing.candidates if c["score"] >= 85]


def test_a_stranger_has_no_match(court, court_officer, make_case):
    make_case("Mary", "Jones", date_of_birth=datetime.date(1970, 1, 1))
    _import(court_officer, listed())
    assert Hearing.objects.get().match_status == MatchStatus.NO_MATCH


def test_matching_a_list_costs_a_fixed_number_of_queries(
    court, court_officer, make_case, django_assert_max_num_queries
):
    for n in range(5):
        make_case("John", f"Smith{n}", date_of_birth=datetime.date(1980, 1, n + 1))
    rows = [
        listed(
            list_number=str(n),
            defendant_name=f"SMITH{n % 5}, John",
            date_of_birth=f"1980-01-0{n % 5 + 1}",
        )
        for n in range(1, 41)
    ]
    with django_assert_max_num_queries(15):
        result = _import(court_officer, *rows)
    assert result.imported == 40


def test_the_command_imports_a_file(court, tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_text(court_list_csv(listed(), listed(list_number="2", session="night")))
    call_command("import_court_list", str(path))
    out, err = capsys.readouterr()
    assert "1 imported" in out
    assert "Row 3, session: must be AM or PM" in err
    assert Hearing.objects.count() == 1


@pytest.fixture
def hearing(court, court_officer, case):
    _import(court_officer, listed(in_custody="yes"))
    hearing = Hearing.objects.get()
    return services.hearing_match_confirm(
        hearing=hearing, case=case, version=hearing.version, by=court_officer
    )


def test_confirming_a_match_is_audited_on_the_case(hearing, case, court_officer):
    assert hearing.match_status == MatchStatus.CONFIRMED
    event = AuditEvent.objects.get(subject="hearing", case=case)
    assert event.changes["match_status"][1] == MatchStatus.CONFIRMED


def test_a_stale_confirmation_is_refused(hearing, case, court_officer):
    with pytest.raises(StaleEdit):
        services.hearing_match_confirm(hearing=hearing, case=case, version=1, by=court_officer)


def test_a_new_case_is_created_from_the_list(court, court_officer, team):
    _import(court_officer, listed(pnc=PNC))
    hearing = Hearing.objects.get()
    case = services.hearing_case_create(
        hearing=hearing, version=hearing.version, team=team, by=court_officer
    )
    assert (case.first_name, case.last_name, case.pnc) == ("John", "Smith", PNC)
    hearing.refresh_from_db()
    assert hearing.case == case and hearing.match_status == MatchStatus.CONFIRMED


def test_a_note_saves_as_a_draft_then_finished(hearing, court_officer):
    note = services.hearing_note_save(
        hearing=hearing,
        text="Duty solicitor: Ms Khan",
        is_draft=True,
        version=None,
        by=court_officer,
    )
    assert note.is_draft and note.version == 1
    note = services.hearing_note_save(
        hearing=hearing, text="Adjourned", is_draft=False, version=1, by=court_officer
    )
    assert not note.is_draft
    with pytest.raises(StaleEdit):
        services.hearing_note_save(
            hearing=hearing, text="x", is_draft=True, version=1, by=court_officer
        )
    assert AuditEvent.objects.filter(subject="hearing note", case=hearing.case).count() == 2


@pytest.mark.parametrize(
    ("type", "in_custody", "due"),
    [
        (ReportType.ORAL, False, datetime.date(2026, 3, 2)),
        (ReportType.SHORT_FORMAT, False, datetime.date(2026, 3, 9)),
        (ReportType.STANDARD, False, datetime.date(2026, 3, 23)),  # rules.md section 4 TC
        (ReportType.STANDARD, True, datetime.date(2026, 3, 16)),
        (ReportType.STANDARD, False, datetime.date(2026, 4, 24)),  # over Easter 2026
    ],
)
def test_the_due_date_follows_the_type_of_report(type, in_custody, due):
    requested = datetime.date(2026, 4, 1) if due.month == 4 else datetime.date(2026, 3, 2)
    assert services.report_due_date(type=type, requested_on=requested, in_custody=in_custody) == due


def test_a_report_needs_a_confirmed_match(court, court_officer, officer):
    _import(court_officer, listed())
    with pytest.raises(services.ReportNotReady):
        services.report_request(
            hearing=Hearing.objects.get(),
            type=ReportType.ORAL,
            author=officer,
            requested_on=HEARING_DAY,
            by=court_officer,
        )


def test_a_report_goes_from_draft_to_final_only_with_its_enquiries(
    hearing, officer, manager, court_officer
):
    report = services.report_request(
        hearing=hearing,
        type=ReportType.STANDARD,
        author=officer,
        requested_on=HEARING_DAY,
        by=court_officer,
    )
    assert report.due_date == datetime.date(2026, 12, 7)  # in custody: 10 working days
    with pytest.raises(services.ReportNotReady, match="Domestic abuse enquiry outcome"):
        services.report_move(report=report, to=ReportState.SUBMITTED, version=1, by=officer)
    report = services.report_update(
        report=report,
        version=1,
        by=officer,
        offence_analysis="Planned theft",
        domestic_abuse_enquiry="No call-outs recorded",
        safeguarding_enquiry="Not known to children's services",
    )
    report = services.report_move(report=report, to=ReportState.SUBMITTED, version=2, by=officer)
    with pytest.raises(services.ReportNotReady, match="comments"):
        services.report_move(report=report, to=ReportState.RETURNED, version=3, by=manager)
    report = services.report_move(
        report=report, to=ReportState.RETURNED, version=3, by=manager, comments="Add the proposal"
    )
    report = services.report_update(
        report=report, version=4, by=officer, sentencing_proposal="Community order, 100 h UPW"
    )
    report = services.report_move(report=report, to=ReportState.SUBMITTED, version=5, by=officer)
    report = services.report_move(report=report, to=ReportState.APPROVED, version=6, by=manager)
    report = services.report_move(report=report, to=ReportState.FINAL, version=7, by=officer)
    assert report.finalised_at is not None and report.checked_by == manager
    with pytest.raises(services.ReportNotReady):
        services.report_update(report=report, version=8, by=officer, offence_analysis="changed")
    with pytest.raises(services.ReportNotReady):
        services.report_move(report=report, to=ReportState.SUBMITTED, version=8, by=officer)
    changes = AuditEvent.objects.filter(subject="pre-sentence report", case=hearing.case)
    assert changes.count() == 8
