"""Pages for needs assessments, sentence plans and session tools: check access, load,
render. Anyone who may open the case may read them; writing needs plan_sentence."""

from functools import partial

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from desist.access.selectors import get_case_for_user
from desist.accounts.roles import Permission
from desist.core.saving import save_or_explain
from desist.people.services import StaleEdit
from desist.plans import selectors, services
from desist.plans.constants import NEED_TITLES, Status, ToolKind
from desist.plans.forms import (
    COMPLETE,
    ActionForm,
    MindMapForm,
    NeedsAssessmentForm,
    ObjectiveForm,
    PlanForm,
    ReviewForm,
    TimelineForm,
    WorksheetForm,
)
from desist.plans.models import PlanAction
from desist.plans.worksheets import WORKSHEETS
from desist.risk.selectors import case_risk
from desist.sentences.selectors import event_for_case

PLAN = Permission.PLAN_SENTENCE


_save_or_explain = partial(save_or_explain, refusals=(StaleEdit,))


def _form_page(request, case, form, title, back, **context):
    return render(
        request,
        "plans/form.html",
        {"case": case, "form": form, "title": title, "back": back, **context},
    )


# --------------------------------------------------------------------------------------------
# The case's plans page
# --------------------------------------------------------------------------------------------


@require_GET
def overview(request, crn):
    case = get_case_for_user(request, crn)
    return render(
        request,
        "plans/overview.html",
        {
            "case": case,
            "assessments": selectors.case_assessments(case)[:5],
            "events": selectors.events_with_plans(case),
            "tools": selectors.case_tools(case),
            "worksheets": WORKSHEETS.values(),
        },
    )


# --------------------------------------------------------------------------------------------
# Needs assessments
# --------------------------------------------------------------------------------------------


def _needs_form_page(request, case, form, assessment=None):
    return render(
        request,
        "plans/needs_form.html",
        {"case": case, "form": form, "assessment": assessment},
    )


def needs_assess(request, crn):
    case = get_case_for_user(request, crn, permission=PLAN)
    complete = COMPLETE in request.POST
    form = NeedsAssessmentForm(request.POST or None, complete=complete)
    if request.method == "POST" and form.is_valid():
        assessment = services.needs_assessment_start(
            case=case, by=request.user, complete=complete, request=request, **form.details()
        )
        return _after_needs(request, case, assessment)
    return _needs_form_page(request, case, form)


def _after_needs(request, case, assessment):
    if assessment.status == Status.COMPLETE:
        messages.success(request, "Needs assessment completed and the tier recalculated")
        return redirect("plans:needs", crn=case.crn, pk=assessment.pk)
    messages.success(request, "Draft saved")
    return redirect("plans:overview", crn=case.crn)


def needs_edit(request, crn, pk):
    case = get_case_for_user(request, crn, permission=PLAN)
    assessment = get_object_or_404(selectors.case_assessments(case), pk=pk, status=Status.DRAFT)
    complete = COMPLETE in request.POST
    form = NeedsAssessmentForm(
        request.POST or None,
        complete=complete,
        initial=NeedsAssessmentForm.initial_from(assessment),
    )
    if request.method == "POST" and form.is_valid():
        saved = _save_or_explain(
            form,
            lambda: services.needs_assessment_update(
                assessment=assessment,
                version=form.cleaned_data["version"],
                by=request.user,
                complete=complete,
                request=request,
                **form.details(),
            ),
        )
        if saved:
            return _after_needs(request, case, saved)
    return _needs_form_page(request, case, form, assessment)


@require_GET
def needs(request, crn, pk):
    case = get_case_for_user(request, crn)
    assessment = get_object_or_404(selectors.case_assessments(case), pk=pk)
    risk = case_risk(case)
    rows = [{**r, "title": NEED_TITLES[r["need"]]} for r in assessment.results]
    return render(
        request,
        "plans/needs.html",
        {"case": case, "assessment": assessment, "rows": rows, "risk": risk},
    )


# --------------------------------------------------------------------------------------------
# Sentence plans
# --------------------------------------------------------------------------------------------


def _plan_or_404(case, number):
    plan = selectors.plan_for_page(case, number)
    if plan is None:
        raise Http404("This event has no sentence plan yet")
    return plan


def _plan_url(case, plan):
    return redirect("plans:plan", crn=case.crn, number=plan.event.number)


@require_GET
def plan(request, crn, number):
    case = get_case_for_user(request, crn)
    sentence_plan = selectors.plan_for_page(case, number)
    event = sentence_plan.event if sentence_plan else event_for_case(case, number)
    return render(
        request,
        "plans/plan.html",
        {"case": case, "event": event, "plan": sentence_plan},
    )


def plan_start(request, crn, number):
    case = get_case_for_user(request, crn, permission=PLAN)
    event = event_for_case(case, number)
    if hasattr(event, "sentence_plan"):
        return _plan_url(case, event.sentence_plan)
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        started = services.plan_start(event=event, by=request.user, request=request, **data)
        messages.success(request, "Sentence plan started")
        return _plan_url(case, started)
    back = ("plans:plan", case.crn, number)
    return _form_page(request, case, form, f"Start the sentence plan for event {number}", back)


def plan_edit(request, crn, number):
    case = get_case_for_user(request, crn, permission=PLAN)
    sentence_plan = _plan_or_404(case, number)
    form = PlanForm(
        request.POST or None,
        initial={
            "persons_words": sentence_plan.persons_words,
            "next_review_date": sentence_plan.next_review_date,
            "version": sentence_plan.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        saved = _save_or_explain(
            form,
            lambda: services.plan_update(
                plan=sentence_plan,
                version=data.pop("version"),
                by=request.user,
                request=request,
                **data,
            ),
        )
        if saved:
            messages.success(request, "Sentence plan saved")
            return _plan_url(case, sentence_plan)
    back = ("plans:plan", case.crn, number)
    return _form_page(request, case, form, "Change what the person wants to achieve", back)


def _assessed_needs(case) -> list[str]:
    latest = selectors.latest_completed(case)
    return [r["need"] for r in latest.needs] if latest else []


def objective_add(request, crn, number):
    case = get_case_for_user(request, crn, permission=PLAN)
    sentence_plan = _plan_or_404(case, number)
    needs_list = _assessed_needs(case)
    form = ObjectiveForm(request.POST or None, needs=needs_list)
    if request.method == "POST" and form.is_valid():
        services.objective_add(
            plan=sentence_plan,
            by=request.user,
            request=request,
            need=form.cleaned_data["need"],
            description=form.cleaned_data["description"],
        )
        messages.success(request, "Objective added")
        return _plan_url(case, sentence_plan)
    back = ("plans:plan", case.crn, number)
    return _form_page(request, case, form, "Add an objective", back, no_needs=not needs_list)


def objective_edit(request, crn, number, pk):
    case = get_case_for_user(request, crn, permission=PLAN)
    sentence_plan = _plan_or_404(case, number)
    objective = get_object_or_404(sentence_plan.objectives.all(), pk=pk)
    needs_list = _assessed_needs(case)
    if objective.need and objective.need not in needs_list:
        needs_list.append(objective.need)  # an older assessment's need stays selectable
    form = ObjectiveForm(
        request.POST or None,
        needs=needs_list,
        editing=True,
        initial={
            "need": objective.need,
            "description": objective.description,
            "status": objective.status,
            "version": objective.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        saved = _save_or_explain(
            form,
            lambda: services.objective_update(
                objective=objective,
                version=data.pop("version"),
                by=request.user,
                request=request,
                **data,
            ),
        )
        if saved:
            messages.success(request, "Objective saved")
            return _plan_url(case, sentence_plan)
    back = ("plans:plan", case.crn, number)
    return _form_page(request, case, form, "Change an objective", back)


def action_add(request, crn, number, pk):
    case = get_case_for_user(request, crn, permission=PLAN)
    sentence_plan = _plan_or_404(case, number)
    objective = get_object_or_404(sentence_plan.objectives.all(), pk=pk)
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        services.action_add(objective=objective, by=request.user, request=request, **data)
        messages.success(request, "Action added")
        return _plan_url(case, sentence_plan)
    back = ("plans:plan", case.crn, number)
    return _form_page(request, case, form, "Add an action", back, objective=objective)


def action_edit(request, crn, number, pk):
    case = get_case_for_user(request, crn, permission=PLAN)
    sentence_plan = _plan_or_404(case, number)
    action = get_object_or_404(
        PlanAction.objects.select_related("objective"), pk=pk, objective__plan=sentence_plan
    )
    fields = ("description", "owner", "partner_agency", "target_date", "completed_on", "version")
    form = ActionForm(
        request.POST or None,
        editing=True,
        initial={name: getattr(action, name) for name in fields},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        saved = _save_or_explain(
            form,
            lambda: services.action_update(
                action=action,
                version=data.pop("version"),
                by=request.user,
                request=request,
                **data,
            ),
        )
        if saved:
            messages.success(request, "Action saved")
            return _plan_url(case, sentence_plan)
    back = ("plans:plan", case.crn, number)
    return _form_page(request, case, form, "Change an action", back, objective=action.objective)


def plan_review(request, crn, number):
    case = get_case_for_user(request, crn, permission=PLAN)
    sentence_plan = _plan_or_404(case, number)
    form = ReviewForm(
        request.POST or None,
        objectives=sentence_plan.objectives.all(),
        initial={"version": sentence_plan.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = _save_or_explain(
            form,
            lambda: services.plan_review(
                plan=sentence_plan,
                version=data["version"],
                by=request.user,
                reviewed_on=data["reviewed_on"],
                notes=data["notes"],
                next_review_date=data["next_review_date"],
                progress=form.progress(),
                request=request,
            ),
        )
        if saved:
            messages.success(request, "Review recorded")
            return _plan_url(case, sentence_plan)
    return render(
        request,
        "plans/review_form.html",
        {"case": case, "form": form, "plan": sentence_plan},
    )


# --------------------------------------------------------------------------------------------
# Session tools
# --------------------------------------------------------------------------------------------

_TOOL_FORMS = {ToolKind.TIMELINE: TimelineForm, ToolKind.MIND_MAP: MindMapForm}
_ADD_TITLES = {
    ToolKind.TIMELINE: "Start an offence timeline",
    ToolKind.MIND_MAP: "Start a mind map",
}


def _tool_form(kind, data, tool=None, worksheet=None):
    """The right form for a tool, filled from the saved tool when editing."""
    if kind == ToolKind.WORKSHEET:
        initial = WorksheetForm.initial_from(tool) if tool else {}
        return WorksheetForm(data, worksheet=worksheet, initial=initial)
    form_class = _TOOL_FORMS[kind]
    if tool is None:
        return form_class(data)
    content = tool.content
    rows = content.get("entries") or content.get("options") or []
    initial = {"title": tool.title, "version": tool.version, **form_class.row_initial(rows)}
    if kind == ToolKind.MIND_MAP:
        initial["problem"] = content.get("problem", "")
    return form_class(data, rows=len(rows), initial=initial)


def _tool_page(request, case, form, title, tool=None):
    return render(
        request,
        "plans/tool_form.html",
        {"case": case, "form": form, "title": title, "tool": tool},
    )


def _tool_saved(request, case, tool):
    messages.success(request, "Saved" if tool.status == Status.COMPLETE else "Draft saved")
    return redirect("plans:tool", crn=case.crn, pk=tool.pk)


def _title(form, worksheet):
    return worksheet.title if worksheet else form.cleaned_data["title"]


def _tool_add(request, crn, kind, worksheet=None):
    case = get_case_for_user(request, crn, permission=PLAN)
    form = _tool_form(kind, request.POST or None, worksheet=worksheet)
    if request.method == "POST" and form.is_valid():
        tool = services.tool_create(
            case=case,
            by=request.user,
            kind=kind,
            title=_title(form, worksheet),
            content=form.content(),
            complete=COMPLETE in request.POST,
            worksheet=worksheet.slug if worksheet else "",
            request=request,
        )
        return _tool_saved(request, case, tool)
    return _tool_page(request, case, form, worksheet.title if worksheet else _ADD_TITLES[kind])


def timeline_add(request, crn):
    return _tool_add(request, crn, ToolKind.TIMELINE)


def mind_map_add(request, crn):
    return _tool_add(request, crn, ToolKind.MIND_MAP)


def worksheet_add(request, crn, slug):
    if slug not in WORKSHEETS:
        raise Http404("No such worksheet")
    return _tool_add(request, crn, ToolKind.WORKSHEET, WORKSHEETS[slug])


def _case_tool(case, pk):
    return get_object_or_404(selectors.case_tools(case), pk=pk)


@require_GET
def tool(request, crn, pk):
    case = get_case_for_user(request, crn)
    found = _case_tool(case, pk)
    context = {"case": case, "tool": found, "worksheet": WORKSHEETS.get(found.worksheet)}
    return render(request, "plans/tool.html", context)


def tool_edit(request, crn, pk):
    case = get_case_for_user(request, crn, permission=PLAN)
    found = _case_tool(case, pk)
    worksheet = WORKSHEETS.get(found.worksheet)
    form = _tool_form(found.kind, request.POST or None, found, worksheet)
    if request.method == "POST" and form.is_valid():
        saved = _save_or_explain(
            form,
            lambda: services.tool_update(
                tool=found,
                version=form.cleaned_data["version"],
                by=request.user,
                title=_title(form, worksheet),
                content=form.content(),
                complete=COMPLETE in request.POST,
                request=request,
            ),
        )
        if saved:
            return _tool_saved(request, case, saved)
    return _tool_page(request, case, form, f"Change: {found.title}", found)
