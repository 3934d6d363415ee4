"""Court officers' pages: the court list, a defendant's hearing, and pre-sentence reports.

Each reads: check access, load, render. A case reached through the court list opens only
through get_case_for_user, so a restricted or excluded case shows its message, never its
details.
"""

from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from desist.access.selectors import (
    CaseAccessDenied,
    access_denial,
    get_case_for_user,
    require_permission,
    visible_cases,
)
from desist.accounts.roles import Permission, Role
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.core.templatetags.govuk import error_summary
from desist.courts import selectors, services
from desist.courts.constants import HearingOutcome, MatchStatus, ReportState
from desist.courts.forms import (
    CourtDayForm,
    CourtListUploadForm,
    HearingNoteForm,
    MatchForm,
    OutcomeForm,
    ProposalForm,
    ProposedRequirementForm,
    QualityCheckForm,
    ReportForm,
    ReportRequestForm,
    SentenceForm,
    SentenceRequirementFormSet,
    VersionForm,
)
from desist.courts.models import Hearing, HearingNote, PreSentenceReport
from desist.people.models import Case
from desist.people.services import StaleEdit
from desist.sentences.constants import LengthUnit
from desist.sentences.models import Event
from desist.sentences.services import RuleBroken


@require_GET
def court_list(request):
    require_permission(request, Permission.VIEW_COURT_LIST)
    form = CourtDayForm(request.GET or None, initial={"hearing_date": date.today()})
    hearings = None
    if form.is_valid():
        hearings = list(
            selectors.court_day(
                user=request.user,
                court=form.cleaned_data["court"],
                hearing_date=form.cleaned_data["hearing_date"],
                session=form.cleaned_data["session"],
                status=form.cleaned_data["status"],
            )
        )
    return render(
        request,
        "courts/court_list.html",
        {"form": form, "hearings": hearings, "today": date.today()},
    )


def court_list_import(request):
    require_permission(request, Permission.VIEW_COURT_LIST)
    form = (
        CourtListUploadForm(request.POST, request.FILES)
        if request.method == "POST"
        else CourtListUploadForm()
    )
    result = None
    if request.method == "POST" and form.is_valid():
        result = services.court_list_import(
            text=form.cleaned_data["file"], by=request.user, request=request
        )
    return render(request, "courts/court_list_import.html", {"form": form, "result": result})


def _hearing(request, pk: int) -> Hearing:
    require_permission(request, Permission.VIEW_COURT_LIST)
    try:
        return selectors.hearing_detail(pk)
    except Hearing.DoesNotExist:
        raise Http404 from None


def _candidates(request, hearing: Hearing) -> list[dict]:
    """The scored candidates, each with its case if this user may see it, else the reason."""
    ids = [c["case_id"] for c in hearing.candidates]
    visible = visible_cases(request.user).select_related("practitioner").in_bulk(ids)
    hidden = {
        case.pk: access_denial(request.user, case)
        for case in Case.objects.filter(pk__in=ids).exclude(pk__in=visible)
    }
    if visible:
        audit_record(
            actor=request.user,
            action=Action.SEARCH,
            subject="court list match",
            subject_id=hearing.pk,
            detail={"crns": [case.crn for case in visible.values()]},
            request=request,
        )
    return [
        {**c, "case": visible.get(c["case_id"]), "denied": hidden.get(c["case_id"])}
        for c in hearing.candidates
    ]


def _hearing_page(
    request, hearing: Hearing, *, note_form=None, match_form=None, new_case_form=None
):
    case = denied = None
    if hearing.case_id:
        try:
            case = get_case_for_user(request, hearing.case.crn)
        except CaseAccessDenied as refusal:
            denied = refusal.message
    note = HearingNote.objects.filter(hearing=hearing, author=request.user).first()
    if note_form is None:
        note_form = HearingNoteForm(
            initial={"text": note.text, "version": note.version} if note else None
        )
    return render(
        request,
        "courts/hearing.html",
        {
            "hearing": hearing,
            "case": case,
            "denied": denied,
            "events": list(Event.objects.filter(case=case)) if case else [],
            "candidates": _candidates(request, hearing) if not case and not denied else [],
            "note": note,
            "note_form": note_form,
            "match_form": match_form or MatchForm(initial={"version": hearing.version}),
            "new_case_form": new_case_form,
            "report": PreSentenceReport.objects.filter(hearing=hearing).first(),
        },
    )


@require_GET
def hearing(request, pk):
    return _hearing_page(request, _hearing(request, pk))


@require_POST
def hearing_match(request, pk):
    hearing = _hearing(request, pk)
    form = MatchForm(request.POST)
    if form.is_valid():
        case = get_case_for_user(request, form.cleaned_data["crn"].strip())
        try:
            services.hearing_match_confirm(
                hearing=hearing,
                case=case,
                version=form.cleaned_data["version"],
                by=request.user,
                request=request,
            )
        except StaleEdit as stale:
            form.add_error(None, stale.message)
        else:
            messages.success(request, f"{hearing.defendant_name} matched to {case.crn}")
            return redirect("courts:hearing", pk=hearing.pk)
    return _hearing_page(request, hearing, match_form=form)


@require_POST
def hearing_new_case(request, pk):
    hearing = _hearing(request, pk)
    require_permission(request, Permission.CREATE_CASE)
    form = VersionForm(request.POST)
    if not form.is_valid():
        raise Http404
    if hearing.date_of_birth is None:
        form.add_error(None, "A new case needs a date of birth: the list does not give one")
    elif request.user.team is None:
        form.add_error(None, "A new case needs a team: ask an administrator to add you to one")
    else:
        try:
            case = services.hearing_case_create(
                hearing=hearing,
                version=form.cleaned_data["version"],
                team=request.user.team,
                by=request.user,
                request=request,
            )
        except StaleEdit as stale:
            form.add_error(None, stale.message)
        else:
            messages.success(request, f"Case created with CRN {case.crn}")
            return redirect("courts:hearing", pk=hearing.pk)
    return _hearing_page(request, hearing, new_case_form=form)


@require_POST
def hearing_note(request, pk):
    hearing = _hearing(request, pk)
    form = HearingNoteForm(request.POST)
    if form.is_valid():
        is_draft = request.POST.get("action") != "finish"
        try:
            services.hearing_note_save(
                hearing=hearing,
                text=form.cleaned_data["text"],
                is_draft=is_draft,
                version=form.cleaned_data["version"],
                by=request.user,
                request=request,
            )
        except StaleEdit as stale:
            form.add_error(None, stale.message)
        else:
            messages.success(request, "Draft note saved" if is_draft else "Note saved")
            return redirect("courts:hearing", pk=hearing.pk)
    return _hearing_page(request, hearing, note_form=form)


def report_request(request, pk):
    hearing = _hearing(request, pk)
    if hearing.match_status != MatchStatus.CONFIRMED:
        raise CaseAccessDenied("Confirm who the defendant is before requesting a report.")
    case = get_case_for_user(request, hearing.case.crn)
    form = ReportRequestForm(
        request.POST if request.method == "POST" else None, team=request.user.team
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_request(
                hearing=hearing,
                requested_on=hearing.hearing_date,
                by=request.user,
                request=request,
                **form.cleaned_data,
            )
        except services.ReportNotReady as not_ready:
            form.add_error(None, not_ready.message)
        else:
            messages.success(
                request, f"Report requested: due {report.due_date:%-d %B %Y}, {report.author}"
            )
            return redirect("courts:hearing", pk=hearing.pk)
    return render(
        request, "courts/report_request.html", {"hearing": hearing, "case": case, "form": form}
    )


@require_GET
def reports_to_write(request):
    """The author's worklist: their reports due and overdue; for court staff, their team's too."""
    reports = list(selectors.reports_to_write(request.user))
    team = None
    if request.user.may(Permission.VIEW_COURT_LIST):
        team = list(selectors.team_reports(request.user))
    return render(
        request,
        "courts/reports_to_write.html",
        {"reports": reports, "team_reports": team, "today": date.today()},
    )


def _refuse(request, case, message: str):
    """Refuse a step this user's role or part in the report does not allow, audited as every
    other refusal is."""
    audit_record(
        actor=request.user,
        action=Action.DENIED,
        case=case,
        detail={"path": request.path, "reason": message},
        request=request,
    )
    return CaseAccessDenied(message)


def _is_senior(user) -> bool:
    return Role.SENIOR_PROBATION_OFFICER in user.roles


def _report(request, pk: int) -> PreSentenceReport:
    """The report, through its case's access check; its author and court staff may open it."""
    report = get_object_or_404(
        PreSentenceReport.objects.select_related("hearing__court", "author"), pk=pk
    )
    report.case = get_case_for_user(request, report.case.crn)
    if report.author_id != request.user.pk:
        require_permission(request, Permission.VIEW_COURT_LIST, case=report.case)
    return report


def _report_page(request, report, *, form=None, proposal_form=None, requirement_form=None):
    is_author = report.author_id == request.user.pk
    editable = is_author and report.state in (ReportState.DRAFT, ReportState.RETURNED)
    initial = {"version": report.version}
    checks = services.report_enquiries(report)
    proposal_initial = initial | {
        "sentence_type": report.proposed_sentence_type,
        "length": report.proposed_length,
        "length_unit": report.proposed_length_unit or LengthUnit.MONTHS,
        "operational_months": report.proposed_operational_months,
        "supervision_months": report.proposed_supervision_months,
    }
    return render(
        request,
        "courts/report.html",
        {
            "report": report,
            "case": report.case,
            "form": form or ReportForm(instance=report, initial=initial),
            "proposal_form": proposal_form
            or ProposalForm(initial=proposal_initial, prefix="proposal"),
            "requirement_form": requirement_form
            or ProposedRequirementForm(initial=initial, prefix="requirement"),
            "editable": editable,
            "is_author": is_author,
            "may_check": _is_senior(request.user) and not is_author,
            "check_form": QualityCheckForm(initial=initial),
            "missing": services.missing_enquiries(report, checks),
            "enquiries": checks.items(),
        },
    )


def report(request, pk):
    report = _report(request, pk)
    if request.method != "POST":
        return _report_page(request, report)
    if report.author_id != request.user.pk:
        raise _refuse(request, report.case, "Only the author can change this report.")
    form = ReportForm(request.POST, instance=report)
    if form.is_valid():
        sections = {name: form.cleaned_data[name] for name in services.report_sections(report)}
        try:
            services.report_update(
                report=report,
                version=form.cleaned_data["version"],
                by=request.user,
                request=request,
                **sections,
            )
        except (StaleEdit, services.ReportNotReady) as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, "Report saved")
            return redirect("courts:report", pk=report.pk)
    report.refresh_from_db()
    return _report_page(request, report, form=form)


def _show_problems(form, broken) -> None:
    """Put the law's objections on the fields they concern, for the error summary."""
    for problem in broken.problems:
        name = problem.field.removeprefix("proposed_")
        form.add_error(name if name in form.fields else None, problem.message)


# The proposal's two forms: action → (the page's name for the form, its class and prefix, the
# service that saves it).
PROPOSAL_CHANGES = {
    "sentence": (
        "proposal_form",
        ProposalForm,
        "proposal",
        services.report_proposal_set,
    ),
    "requirement": (
        "requirement_form",
        ProposedRequirementForm,
        "requirement",
        services.report_requirement_propose,
    ),
}


@require_POST
def report_proposal(request, pk):
    """Propose the order, add a requirement to it or withdraw one: the author, in draft."""
    report = _report(request, pk)
    if report.author_id != request.user.pk:
        raise _refuse(request, report.case, "Only the author can change this report.")
    action = request.POST.get("action", "")
    if action.startswith("withdraw-"):
        return _requirement_withdraw(request, report, action.removeprefix("withdraw-"))
    if action not in PROPOSAL_CHANGES:
        raise Http404
    name, form_class, prefix, change = PROPOSAL_CHANGES[action]
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        arguments = form.service_arguments()
        try:
            change(report=report, by=request.user, request=request, **arguments)
        except RuleBroken as broken:
            _show_problems(form, broken)
        except (StaleEdit, services.ReportNotReady) as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, "Proposal saved")
            return redirect("courts:report", pk=report.pk)
    return _report_page(request, report, **{name: form})


def _requirement_withdraw(request, report, index: str):
    form = VersionForm(request.POST)
    if not index.isdigit() or not form.is_valid():
        raise Http404
    try:
        services.report_requirement_withdraw(
            report=report,
            index=int(index),
            version=form.cleaned_data["version"],
            by=request.user,
            request=request,
        )
    except (StaleEdit, services.ReportNotReady) as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, "Requirement removed from the proposal")
    return redirect("courts:report", pk=report.pk)


# URL word → (the state it moves to, whether the author or a senior officer takes the step).
STEPS = {
    "submit": (ReportState.SUBMITTED, "author"),
    "return": (ReportState.RETURNED, "senior"),
    "approve": (ReportState.APPROVED, "senior"),
    "finalise": (ReportState.FINAL, "author"),
}


@require_POST
def report_step(request, pk, step):
    if step not in STEPS:
        raise Http404
    to, who = STEPS[step]
    report = _report(request, pk)
    is_author = report.author_id == request.user.pk
    if (who == "author" and not is_author) or (
        who == "senior" and (is_author or not _is_senior(request.user))
    ):
        raise _refuse(
            request,
            report.case,
            "Only the author can do this."
            if who == "author"
            else "A senior probation officer other than the author checks reports.",
        )
    form = QualityCheckForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        services.report_move(
            report=report,
            to=to,
            version=form.cleaned_data["version"],
            comments=form.cleaned_data["comments"],
            by=request.user,
            request=request,
        )
    except (StaleEdit, services.ReportNotReady) as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, f"Report {ReportState(to).label.lower()}")
    return redirect("courts:report", pk=report.pk)


def _hearing_case(request, hearing: Hearing):
    """The hearing's case, if matched, checked for this user's right to change it."""
    if hearing.case_id is None:
        return None
    return get_case_for_user(request, hearing.case.crn, permission=Permission.EDIT_CASE)


def hearing_outcome(request, pk):
    """What the court decided. A probation sentence goes on to the sentence page."""
    hearing = _hearing(request, pk)
    case = _hearing_case(request, hearing)
    form = OutcomeForm(
        request.POST if request.method == "POST" else None,
        initial={"version": hearing.version, "outcome": hearing.outcome},
    )
    if request.method == "POST" and form.is_valid():
        outcome = form.cleaned_data["outcome"]
        if outcome != HearingOutcome.PROBATION_SENTENCE:
            try:
                services.hearing_outcome_record(
                    hearing=hearing,
                    outcome=outcome,
                    details=form.cleaned_data["details"],
                    version=form.cleaned_data["version"],
                    by=request.user,
                    request=request,
                )
            except (StaleEdit, services.OutcomeNotReady) as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, f"Outcome recorded: {HearingOutcome(outcome).label}")
                if (
                    outcome == HearingOutcome.REPORT_REQUESTED
                    and hearing.match_status == MatchStatus.CONFIRMED
                    and not PreSentenceReport.objects.filter(hearing=hearing).exists()
                ):
                    return redirect("courts:report-request", pk=hearing.pk)
                return redirect("courts:hearing", pk=hearing.pk)
        elif hearing.match_status != MatchStatus.CONFIRMED:
            form.add_error(
                "outcome",
                "Confirm who the defendant is, or create a new case, before recording a "
                "probation sentence",
            )
        else:
            return redirect("courts:hearing-sentence", pk=hearing.pk)
    return render(
        request, "courts/hearing_outcome.html", {"hearing": hearing, "case": case, "form": form}
    )


def _sentence_initial(hearing: Hearing) -> tuple[dict, list[dict]]:
    """The sentence form pre-filled from the list and the report's proposal, so nothing the
    court officer already has is keyed twice."""
    report = PreSentenceReport.objects.filter(hearing__case=hearing.case).order_by("-pk").first()
    offences = [o for o in hearing.offences if o.get("description")]
    initial = {
        "version": hearing.version,
        "court": hearing.court_id,
        "conviction_date": hearing.hearing_date,
        "sentence_date": hearing.hearing_date,
        "offence_description": offences[0]["description"] if offences else "",
        "offence_date": date.fromisoformat(offences[0]["date"])
        if offences and offences[0].get("date")
        else None,
        "length_unit": LengthUnit.MONTHS,
    }
    if report is None or not report.proposed_sentence_type:
        return initial, []
    initial |= {
        "sentence_type": report.proposed_sentence_type,
        "length": report.proposed_length,
        "length_unit": report.proposed_length_unit,
        "operational_months": report.proposed_operational_months,
        "supervision_months": report.proposed_supervision_months,
    }
    return initial, [
        {k: v for k, v in r.items() if v not in (None, "")} for r in report.proposed_requirements
    ]


def hearing_sentence(request, pk):
    """Record the probation sentence: the event, its requirements and the allocation."""
    hearing = _hearing(request, pk)
    if hearing.match_status != MatchStatus.CONFIRMED:
        messages.error(
            request,
            "Confirm who the defendant is, or create a new case, before recording a sentence.",
        )
        return redirect("courts:hearing", pk=hearing.pk)
    case = _hearing_case(request, hearing)
    if hearing.outcome == HearingOutcome.PROBATION_SENTENCE:
        messages.error(request, "The sentence passed at this hearing is already recorded.")
        return redirect("courts:hearing", pk=hearing.pk)
    initial, proposed = _sentence_initial(hearing)
    data = request.POST if request.method == "POST" else None
    form = SentenceForm(data, initial=initial)
    formset = SentenceRequirementFormSet(data, initial=proposed, prefix="requirement")
    if data is not None and form.is_valid() and formset.is_valid():
        kept = [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        wanted = [{k: v for k, v in f.cleaned_data.items() if k != "DELETE"} for f in kept]
        arguments = form.service_arguments()
        version = arguments.pop("version")
        try:
            services.hearing_sentence_record(
                hearing=hearing,
                version=version,
                requirements=wanted,
                by=request.user,
                request=request,
                **arguments,
            )
        except services.SentenceRefused as refused:
            kept = [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
            _show_problems(
                form if refused.requirement is None else kept[refused.requirement], refused
            )
        except (StaleEdit, services.OutcomeNotReady) as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(
                request, f"Sentence recorded on {case.crn}: the case is waiting for allocation"
            )
            return redirect("courts:hearing", pk=hearing.pk)
    return render(
        request,
        "courts/hearing_sentence.html",
        {
            "hearing": hearing,
            "case": case,
            "form": form,
            "formset": formset,
            "summary_errors": error_summary(form, *formset.forms)["errors"],
        },
    )
