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
from desist.courts.constants import HearingOutcome, MatchStatus, ReportState, ReportType
from desist.courts.court_list import ListedDefendant, RowError, read_court_list
from desist.courts.models import Hearing, HearingNote, PreSentenceReport
from desist.courts.selectors import match_defendants
from desist.documents.models import DocumentKind
from desist.documents.services import document_issue
from desist.organisation.models import Court
from desist.people.constants import Gender
from desist.people.models import Case
from desist.people.names import normalise_name
from desist.people.services import StaleEdit, case_create
from desist.risk.constants import EnquiryKind, EnquiryOutcome
from desist.risk.models import PredictorScores, SafeguardingEnquiry
from desist.rules.matching import Defendant
from desist.rules.requirements import Problem, ProposedRequirement, order_problems
from desist.rules.working_days import add_working_days
from desist.sentences.constants import SentenceType
from desist.sentences.models import Event
from desist.sentences.services import (
    RuleBroken,
    event_create,
    requirement_add,
    requirement_problems_on,
)
from desist.workforce.models import QueueSource
from desist.workforce.services import queue_for_allocation

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
# An oral report is given in court the same day: its record is short (rules.md section 4).
ORAL_SECTIONS = (
    "oral_record",
    "domestic_abuse_enquiry",
    "safeguarding_enquiry",
    "sentencing_proposal",
)
# Enquiries a report cannot go to quality check or be finalised without (rules.md section 4):
# the report's field for what was found (or why no enquiry was made) → the tracked check.
REQUIRED_ENQUIRIES = {
    "domestic_abuse_enquiry": EnquiryKind.POLICE_DOMESTIC_ABUSE,
    "safeguarding_enquiry": EnquiryKind.CHILDRENS_SERVICES,
}


def report_sections(report: PreSentenceReport) -> tuple[str, ...]:
    return ORAL_SECTIONS if report.type == ReportType.ORAL else REPORT_SECTIONS


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
    current.refresh_from_db(fields=["version"])
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


# How the predictor inputs read in a report; inputs not named here are shown as stored.
SCORE_INPUTS = {
    "offence_code": "offence code",
    "conviction_date": "conviction date",
    "start_of_follow_up": "start of follow-up",
    "total_sanctions": "sanctions to date",
    "age_at_first_sanction": "age at first sanction",
    "violent_sanctions": "violent sanctions",
    "sexual_history": "sexual offence history",
    "contact_adult_sanctions": "contact sexual sanctions against adults",
    "contact_child_sanctions": "contact sexual sanctions against children",
    "non_contact_sanctions": "non-contact sexual sanctions",
    "image_sanctions": "indecent image sanctions",
    "most_recent_sexual_sanction": "most recent sexual sanction",
    "stranger_victim": "stranger victim",
}


def _input_text(value) -> str:
    return (
        {True: "yes", False: "no"}.get(value, str(value)) if isinstance(value, bool) else str(value)
    )


def likelihood_from_scores(case: Case) -> str:
    """The likelihood of reoffending section, started from the case's latest predictor scores
    with the inputs they came from, for the author to check and explain; empty with none."""
    scores = PredictorScores.objects.filter(case=case).first()
    if scores is None:
        return ""
    lines = [
        f"OGRS3 (assessed {scores.assessed_on:%-d %B %Y}): {scores.ogrs3_one_year}% within one "
        f"year, {scores.ogrs3_two_year}% within two years ({scores.ogrs3_band.lower()})."
    ]
    for name, score, band in (
        ("OGP", scores.ogp_two_year, scores.ogp_band),
        ("OVP", scores.ovp_two_year, scores.ovp_band),
    ):
        if score is not None:
            lines.append(f"{name}: {score}% within two years ({band.lower()}).")
    if scores.rsr_percent is not None:
        lines.append(f"RSR: {scores.rsr_percent}% ({scores.rsr_band.lower()}).")
    # The other tools the assessment scored (the 2026 predictors among them), as stored.
    for tool in scores.predictors:
        if tool.get("score") is not None and tool.get("tool") not in {"OGRS3", "RSR"}:
            band = f" ({tool['band'].lower()})" if tool.get("band") else ""
            lines.append(f"{tool['label']}: {tool['score']}%{band}.")
    inputs = "; ".join(
        f"{SCORE_INPUTS.get(name, name.replace('_', ' '))} {_input_text(value)}"
        for name, value in scores.inputs.items()
    )
    return "\n".join([*lines, f"Inputs: {inputs}."])


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
        likelihood_of_reoffending=likelihood_from_scores(hearing.case),
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=hearing.case,
        subject="pre-sentence report",
        subject_id=report.pk,
        changes=field_changes(
            {},
            snapshot(report, ("type", "due_date", "author", "state", "likelihood_of_reoffending")),
        ),
        request=request,
    )
    return report


def _refuse_unless_editable(report: PreSentenceReport) -> None:
    if report.state == ReportState.FINAL:
        raise ReportNotReady("This report is final and locked: it cannot be changed.")
    if report.state not in (ReportState.DRAFT, ReportState.RETURNED):
        raise ReportNotReady(
            "This report is with the quality check: it can change only if it is returned."
        )


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
    _refuse_unless_editable(current)
    unknown = set(sections) - set(report_sections(current))
    if unknown:
        raise ValueError(f"Not report sections: {sorted(unknown)}")
    return _report_save(current, sections, by=by, request=request)


def report_enquiries(report: PreSentenceReport) -> dict[str, SafeguardingEnquiry | None]:
    """The latest tracked check of each required kind on the report's case (one query)."""
    latest: dict[str, SafeguardingEnquiry | None] = dict.fromkeys(REQUIRED_ENQUIRIES.values())
    if report.case_id:
        for enquiry in SafeguardingEnquiry.objects.filter(
            case_id=report.case_id, kind__in=list(REQUIRED_ENQUIRIES.values())
        ):  # newest first
            latest[enquiry.kind] = latest[enquiry.kind] or enquiry
    return latest


def missing_enquiries(report: PreSentenceReport, checks: dict | None = None) -> list[str]:
    """What stops the report going on: a check still awaiting its reply, or no check and no
    recorded reason why none was made, for each required enquiry."""
    checks = report_enquiries(report) if checks is None else checks
    missing = []
    for name, kind in REQUIRED_ENQUIRIES.items():
        check = checks[kind]
        if check is not None and check.outcome == EnquiryOutcome.PENDING:
            missing.append(f"the reply to the {kind.label.lower()}")
        elif check is None and not getattr(report, name).strip():
            missing.append(
                f"{PreSentenceReport._meta.get_field(name).verbose_name} "
                "(request the check, or say why none was made)"
            )
    return missing


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
    current = _report_save(current, fields, by=by, request=request)
    if to == ReportState.FINAL:
        current.document = _report_document(current, by=by, request=request)
        current.save(update_fields=["document"])
    return current


def _report_document(report: PreSentenceReport, *, by, request):
    """The report as the court receives it: a title page, then each section under its
    heading. Issued once, when the report becomes final, and kept on the case."""
    report = PreSentenceReport.objects.select_related(
        "case", "hearing__court", "author", "checked_by"
    ).get(pk=report.pk)
    sections = [
        (PreSentenceReport._meta.get_field(name).verbose_name, getattr(report, name))
        for name in report_sections(report)
    ]
    return document_issue(
        case=report.case,
        kind=DocumentKind.PRE_SENTENCE_REPORT,
        title=f"{report.get_type_display()}, {report.hearing.court.name}",
        template_name="courts/report_print.html",
        context={"report": report, "hearing": report.hearing, "sections": sections},
        by=by,
        request=request,
    )


def _proposed_order(report: PreSentenceReport, fields: dict) -> Event:
    """The order the proposal asks for, as an unsaved event: convicted at the hearing and
    sentenced when the report is due, so the sentence module's limits apply to it as they
    would to the order the court passes."""
    return Event(
        case=report.case,
        conviction_date=report.hearing.hearing_date,
        sentence_date=report.due_date,
        sentence_type=fields["proposed_sentence_type"],
        length=fields["proposed_length"],
        length_unit=fields["proposed_length_unit"],
        operational_months=fields["proposed_operational_months"],
        supervision_months=fields["proposed_supervision_months"],
    )


def _offence_date(hearing: Hearing) -> date:
    """The earliest offence date on the list (the law in force then applies), else the
    hearing date."""
    dates = [date.fromisoformat(o["date"]) for o in hearing.offences if o.get("date")]
    return min(dates, default=hearing.hearing_date)


def _proposal_problems(report: PreSentenceReport, fields: dict) -> list[Problem]:
    event = _proposed_order(report, fields)
    problems = order_problems(
        kind=event.sentence_type,
        conviction_date=event.conviction_date,
        sentence_date=event.sentence_date,
        length=event.term,
        operational_months=event.operational_months,
        supervision_months=event.supervision_months,
    )
    if problems:
        return problems
    for proposed in fields["proposed_requirements"]:
        problems += requirement_problems_on(
            event,
            ProposedRequirement(
                proposed["category"],
                proposed["length"],
                proposed.get("hours_per_day"),
                proposed.get("days_per_week"),
            ),
            offence_date=_offence_date(report.hearing),
        )
    return problems


PROPOSAL_FIELDS = (
    "proposed_sentence_type",
    "proposed_length",
    "proposed_length_unit",
    "proposed_operational_months",
    "proposed_supervision_months",
    "proposed_requirements",
)


def _proposal_save(
    report: PreSentenceReport, version: int, changes: dict, *, by, request
) -> PreSentenceReport:
    current = _report_locked(report, version)
    _refuse_unless_editable(current)
    fields = {name: getattr(current, name) for name in PROPOSAL_FIELDS} | changes
    if fields["proposed_sentence_type"] not in SentenceType.orders():
        raise RuleBroken(
            [Problem("proposed_sentence_type", "Propose a community or suspended sentence order")]
        )
    if problems := _proposal_problems(current, fields):
        raise RuleBroken(problems)
    return _report_save(current, changes, by=by, request=request)


@transaction.atomic
def report_proposal_set(
    *,
    report: PreSentenceReport,
    version: int,
    sentence_type: str,
    length: int,
    length_unit: str,
    operational_months: int | None = None,
    supervision_months: int | None = None,
    by,
    request=None,
) -> PreSentenceReport:
    """Propose the order. The requirements already proposed are checked again against it."""
    return _proposal_save(
        report,
        version,
        {
            "proposed_sentence_type": sentence_type,
            "proposed_length": length,
            "proposed_length_unit": length_unit,
            "proposed_operational_months": operational_months,
            "proposed_supervision_months": supervision_months,
        },
        by=by,
        request=request,
    )


@transaction.atomic
def report_requirement_propose(
    *,
    report: PreSentenceReport,
    version: int,
    category: str,
    length: int,
    hours_per_day: int | None = None,
    days_per_week: int | None = None,
    details: str = "",
    by,
    request=None,
) -> PreSentenceReport:
    """Add a requirement to the proposed order, within the law's limits for that order."""
    proposed = {
        "category": category,
        "length": length,
        "hours_per_day": hours_per_day,
        "days_per_week": days_per_week,
        "details": details,
    }
    return _proposal_save(
        report,
        version,
        {"proposed_requirements": [*report.proposed_requirements, proposed]},
        by=by,
        request=request,
    )


@transaction.atomic
def report_requirement_withdraw(
    *, report: PreSentenceReport, version: int, index: int, by, request=None
) -> PreSentenceReport:
    current = _report_locked(report, version)
    _refuse_unless_editable(current)
    kept = [r for n, r in enumerate(current.proposed_requirements) if n != index]
    return _report_save(current, {"proposed_requirements": kept}, by=by, request=request)


class OutcomeNotReady(Exception):
    """The outcome cannot be recorded yet: who the defendant is is not confirmed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class SentenceRefused(Exception):
    """The law's objections to the sentence or to one of its requirements (``requirement`` is
    that requirement's position in the list, None for the sentence itself)."""

    def __init__(self, problems: list[Problem], requirement: int | None = None):
        super().__init__("; ".join(p.message for p in problems))
        self.problems, self.requirement = problems, requirement


def _outcome_save(current: Hearing, *, outcome: str, details: str, event, by, request) -> Hearing:
    before = {"outcome": current.outcome, "outcome_details": current.outcome_details}
    current.outcome, current.outcome_details, current.event = outcome, details, event
    current.outcome_recorded_by, current.outcome_recorded_at = by, timezone.now()
    current.version = F("version") + 1
    current.save(
        update_fields=[
            "outcome",
            "outcome_details",
            "event",
            "outcome_recorded_by",
            "outcome_recorded_at",
            "version",
        ]
    )
    current.refresh_from_db(fields=["version"])
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=current.case,
        subject="hearing",
        subject_id=current.pk,
        changes=field_changes(before, {"outcome": outcome, "outcome_details": details}),
        detail={"event": event.number} if event else None,
        request=request,
    )
    return current


@transaction.atomic
def hearing_outcome_record(
    *, hearing: Hearing, outcome: str, details: str = "", version: int, by, request=None
) -> Hearing:
    """Record what the court decided, other than a probation sentence (which has its own
    service, hearing_sentence_record, because it creates the sentence)."""
    if outcome == HearingOutcome.PROBATION_SENTENCE:
        raise ValueError("A probation sentence is recorded with hearing_sentence_record")
    current = _locked(hearing, version)
    if current.outcome == HearingOutcome.PROBATION_SENTENCE:
        raise OutcomeNotReady(
            "The sentence passed at this hearing is recorded: change it on the case's event."
        )
    return _outcome_save(
        current, outcome=outcome, details=details, event=None, by=by, request=request
    )


@transaction.atomic
def hearing_sentence_record(
    *,
    hearing: Hearing,
    version: int,
    offence: dict,
    requirements: list[dict],
    court=None,
    details: str = "",
    by,
    request=None,
    **sentence,
) -> Hearing:
    """Record a probation sentence passed at the hearing: the event, the sentence and its
    requirements go on the case, and the case joins its team's allocation queue, all at once
    or not at all. Access to the case is the caller's check (get_case_for_user)."""
    current = _locked(hearing, version)
    if current.case_id is None or current.match_status != MatchStatus.CONFIRMED:
        raise OutcomeNotReady(
            "Confirm who the defendant is, or create a new case, before recording a sentence."
        )
    case = current.case
    # The case's own team allocates it; a case opened at court goes to the court officer's PDU.
    pdu_team = case.team or by.team
    if pdu_team is None:
        raise OutcomeNotReady("The case has no team to allocate it: give it a team first.")
    if sentence["sentence_type"] == SentenceType.COMMUNITY_ORDER and not requirements:
        raise SentenceRefused([Problem("", "A community order needs at least one requirement")])
    try:
        event = event_create(
            case=case,
            by=by,
            court=court or current.court,
            offence=offence,
            request=request,
            **sentence,
        )
    except RuleBroken as broken:
        raise SentenceRefused(broken.problems) from None
    for index, requirement in enumerate(requirements):
        try:
            requirement_add(event=event, by=by, request=request, **requirement)
        except RuleBroken as broken:
            raise SentenceRefused(broken.problems, requirement=index) from None
    queue_for_allocation(
        case=case,
        pdu=pdu_team.pdu,
        team=case.team,
        source=QueueSource.COURT,
        starts_on=event.sentence_date,
        event=event,
        by=by,
        request=request,
    )
    return _outcome_save(
        current,
        outcome=HearingOutcome.PROBATION_SENTENCE,
        details=details,
        event=event,
        by=by,
        request=request,
    )
