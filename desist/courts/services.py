"""The write path for court work: importing lists, confirming matches, notes and reports.

Once a hearing belongs to a case, every change to it is audited against the case in the same
transaction, as every other write to case data.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.courts.constants import MatchStatus, ReportState, ReportType
from desist.courts.court_list import ListedDefendant, RowError, read_court_list
from desist.courts.models import Hearing, HearingNote, PreSentenceReport
from desist.courts.selectors import match_defendants
from desist.organisation.models import Court
from desist.people.constants import Gender
from desist.people.models import Case
from desist.people.names import normalise_name
from desist.people.services import StaleEdit, case_create
from desist.rules.matching import Defendant
from desist.rules.working_days import add_working_days

REPORT_SECTIONS = (
    "sources_of_information",
    "offence_analysis",
    "circumstances_and_needs",
    "likelihood_of_reoffending",
    "risk_of_serious_harm",
    "domestic_abuse_enquiry",
    "safeguarding_enquiry",
    "sentencing_proposal",
)
# Enquiries a report cannot go to quality check or be finalised without (rules.md section 4).
REQUIRED_ENQUIRIES = ("domestic_abuse_enquiry", "safeguarding_enquiry")


class ReportNotReady(Exception):
    """The report is in the wrong state for this step, or misses a required enquiry."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class ImportResult:
    imported: int = 0
    already_imported: int = 0
    errors: list[RowError] = field(default_factory=list)


def _defendant(listed: ListedDefendant) -> Defendant:
    return Defendant(
        first_name=normalise_name(listed.first_name),
        last_name=normalise_name(listed.last_name),
        date_of_birth=listed.date_of_birth,
        pnc=listed.pnc,
        crn=listed.crn,
        postcode=listed.postcode,
    )


@transaction.atomic
def court_list_import(*, text: str, by, request=None) -> ImportResult:
    """Import a court list: good rows are added and matched, bad rows reported, and rows
    already imported (the same court, day, session, courtroom and list number) left alone."""
    listed, errors = read_court_list(text)
    courts = Court.objects.in_bulk({d.court_code for d in listed}, field_name="code")
    known = []
    for defendant in listed:
        if defendant.court_code in courts:
            known.append(defendant)
        else:
            errors.append(
                RowError(defendant.row, "court", f"no court has the code {defendant.court_code}")
            )
    existing = set(
        Hearing.objects.filter(
            court__in=courts.values(), hearing_date__in={d.hearing_date for d in known}
        ).values_list("court__code", "hearing_date", "session", "courtroom", "list_number")
    )
    new = [d for d in known if d.key not in existing]
    matches = match_defendants([_defendant(d) for d in new])
    hearings = []
    for defendant, ranked in zip(new, matches, strict=True):
        best = ranked[0] if ranked else None
        suggested = best is not None and best.high_confidence
        hearings.append(
            Hearing(
                court=courts[defendant.court_code],
                hearing_date=defendant.hearing_date,
                session=defendant.session,
                courtroom=defendant.courtroom,
                list_number=defendant.list_number,
                defendant_name=defendant.defendant_name,
                first_name=defendant.first_name,
                last_name=defendant.last_name,
                date_of_birth=defendant.date_of_birth,
                pnc=defendant.pnc,
                crn=defendant.crn,
                address=defendant.address,
                postcode=defendant.postcode,
                offences=defendant.offences,
                in_custody=defendant.in_custody,
                case_id=best.case_id if suggested else None,
                match_status=(
                    MatchStatus.SUGGESTED
                    if suggested
                    else MatchStatus.POSSIBLE
                    if ranked
                    else MatchStatus.NO_MATCH
                ),
                candidates=[
                    {"case_id": r.case_id, "score": r.score, "reasons": list(r.reasons)}
                    for r in ranked
                ],
                imported_by=by,
            )
        )
    Hearing.objects.bulk_create(hearings)
    result = ImportResult(
        imported=len(hearings),
        already_imported=len(known) - len(new),
        errors=sorted(errors, key=lambda e: e.row),
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        subject="court list",
        detail={
            "imported": result.imported,
            "already_imported": result.already_imported,
            "rows_with_errors": sorted({e.row for e in result.errors}),
        },
        request=request,
    )
    return result


def _locked(hearing: Hearing, version: int) -> Hearing:
    current = Hearing.objects.select_for_update().get(pk=hearing.pk)
    if current.version != version:
        raise StaleEdit()
    return current


@transaction.atomic
def hearing_match_confirm(*, hearing: Hearing, case: Case, version: int, by, request=None):
    """The court officer confirms who the defendant is. Access to the case is the caller's
    check (get_case_for_user)."""
    current = _locked(hearing, version)
    before = {"case": current.case_id, "match_status": current.match_status}
    current.case, current.match_status = case, MatchStatus.CONFIRMED
    current.version = F("version") + 1
    current.save(update_fields=["case", "match_status", "version"])
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=case,
        subject="hearing",
        subject_id=current.pk,
        changes=field_changes(before, {"case": case.pk, "match_status": MatchStatus.CONFIRMED}),
        request=request,
    )
    return current


@transaction.atomic
def hearing_case_create(*, hearing: Hearing, version: int, team, by, request=None) -> Case:
    """Nobody known matches: open a new case from the court list's details and link it."""
    case = case_create(
        by=by,
        team=team,
        request=request,
        first_name=hearing.first_name,
        last_name=hearing.last_name,
        date_of_birth=hearing.date_of_birth,
        gender=Gender.NOT_STATED,
        pnc=hearing.pnc,
    )
    hearing_match_confirm(hearing=hearing, case=case, version=version, by=by, request=request)
    return case


@transaction.atomic
def hearing_note_save(
    *, hearing: Hearing, text: str, is_draft: bool, version: int | None, by, request=None
) -> HearingNote:
    """Save the officer's note on a hearing, as a draft or finished. `version` is the note's
    version when the form was opened (None for a new note)."""
    note = HearingNote.objects.select_for_update().filter(hearing=hearing, author=by).first()
    if note is None:
        if version is not None:
            raise StaleEdit()
        note = HearingNote(hearing=hearing, author=by, text="", is_draft=True, version=0)
    elif note.version != version:
        raise StaleEdit()
    before = snapshot(note, ("text", "is_draft"))
    note.text, note.is_draft = text, is_draft
    note.version += 1
    note.save()
    audit_record(
        actor=by,
        action=Action.CREATE if note.version == 1 else Action.CHANGE,
        case=hearing.case,
        subject="hearing note",
        subject_id=note.pk,
        changes=field_changes(before, snapshot(note, ("text", "is_draft"))),
        request=request,
    )
    return note


def report_due_date(*, type: str, requested_on: date, in_custody: bool) -> date:
    """When the court expects the report (rules.md section 4): an oral report the same day; a
    short format report within about a week (5 working days, VERIFY); a standard report in
    15 working days, or 10 when the defendant is remanded in custody."""
    if type == ReportType.ORAL:
        return requested_on
    if type == ReportType.SHORT_FORMAT:
        return add_working_days(requested_on, 5)
    return add_working_days(requested_on, 10 if in_custody else 15)


@transaction.atomic
def report_request(
    *, hearing: Hearing, type: str, author, requested_on: date, by, request=None
) -> PreSentenceReport:
    if hearing.case_id is None or hearing.match_status != MatchStatus.CONFIRMED:
        raise ReportNotReady("Confirm who the defendant is before requesting a report.")
    report = PreSentenceReport.objects.create(
        hearing=hearing,
        case_id=hearing.case_id,
        type=type,
        requested_on=requested_on,
        due_date=report_due_date(
            type=type, requested_on=requested_on, in_custody=hearing.in_custody
        ),
        author=author,
        requested_by=by,
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=hearing.case,
        subject="pre-sentence report",
        subject_id=report.pk,
        changes=field_changes({}, snapshot(report, ("type", "due_date", "author", "state"))),
        request=request,
    )
    return report


def _report_locked(report: PreSentenceReport, version: int) -> PreSentenceReport:
    current = PreSentenceReport.objects.select_for_update().get(pk=report.pk)
    if current.version != version:
        raise StaleEdit()
    return current


def _report_save(
    current: PreSentenceReport, fields: dict, *, by, request, detail: dict | None = None
) -> PreSentenceReport:
    before = snapshot(current, fields)
    for name, value in fields.items():
        setattr(current, name, value)
    current.version = F("version") + 1
    current.save(update_fields=[*fields, "version", "updated_at"])
    current.refresh_from_db()
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=current.case,
        subject="pre-sentence report",
        subject_id=current.pk,
        changes=field_changes(before, snapshot(current, fields)),
        detail=detail,
        request=request,
    )
    return current


@transaction.atomic
def report_update(
    *, report: PreSentenceReport, version: int, by, request=None, **sections
) -> PreSentenceReport:
    """Write the report's sections: only the author, and only while it is theirs to change."""
    current = _report_locked(report, version)
    if current.state not in (ReportState.DRAFT, ReportState.RETURNED):
        raise ReportNotReady("This report is with the quality check or final: it cannot change.")
    unknown = set(sections) - set(REPORT_SECTIONS)
    if unknown:
        raise ValueError(f"Not report sections: {sorted(unknown)}")
    return _report_save(current, sections, by=by, request=request)


def missing_enquiries(report: PreSentenceReport) -> list[str]:
    return [
        PreSentenceReport._meta.get_field(name).verbose_name
        for name in REQUIRED_ENQUIRIES
        if not getattr(report, name).strip()
    ]


# state → the states a report may move to from it.
TRANSITIONS = {
    ReportState.DRAFT: {ReportState.SUBMITTED},
    ReportState.RETURNED: {ReportState.SUBMITTED},
    ReportState.SUBMITTED: {ReportState.RETURNED, ReportState.APPROVED},
    ReportState.APPROVED: {ReportState.FINAL},
    ReportState.FINAL: set(),
}


@transaction.atomic
def report_move(
    *, report: PreSentenceReport, to: str, version: int, by, comments: str = "", request=None
) -> PreSentenceReport:
    """Move a report on: submit for quality check, return with comments, approve, finalise.
    Who may take each step is the caller's check (the author submits and finalises; a senior
    probation officer returns or approves)."""
    current = _report_locked(report, version)
    if to not in TRANSITIONS[current.state]:
        raise ReportNotReady(
            f"A report that is {current.get_state_display().lower()} cannot be moved to "
            f"{ReportState(to).label.lower()}."
        )
    if to in (ReportState.SUBMITTED, ReportState.FINAL) and (missing := missing_enquiries(current)):
        raise ReportNotReady(
            "Record the outcome of each enquiry, or why none was made: " + ", ".join(missing)
        )
    if to == ReportState.RETURNED and not comments.strip():
        raise ReportNotReady("Enter comments for the author when returning a report.")
    fields: dict = {"state": to}
    if to in (ReportState.RETURNED, ReportState.APPROVED):
        fields |= {"checked_by": by, "quality_check_comments": comments}
    if to == ReportState.FINAL:
        fields["finalised_at"] = timezone.now()
    return _report_save(current, fields, by=by, request=request)
