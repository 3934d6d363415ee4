"""Pages for community payback: projects, their work sessions, placing people on a session
and its register, and a person's unpaid work. Each reads: check access, load, render; every
write goes through desist.unpaid_work.services."""

from functools import partial

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from desist.access.selectors import get_case_for_user, require_permission
from desist.accounts.roles import Permission
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.core.saving import posted, save_or_explain
from desist.people.services import StaleEdit
from desist.supervision.services import AppointmentError
from desist.unpaid_work import selectors, services
from desist.unpaid_work.forms import (
    NOT_YET,
    AllocateForm,
    AttendanceForm,
    ProjectFilterForm,
    ProjectForm,
    SessionForm,
)
from desist.unpaid_work.models import Project, WorkSession

_save_or_explain = partial(
    save_or_explain, refusals=(services.UnpaidWorkError, AppointmentError, StaleEdit)
)


@require_GET
def projects(request):
    require_permission(request, Permission.MANAGE_UNPAID_WORK)
    # The user's own area first; "All areas" is an empty choice.
    default = {"pdu": request.user.team.pdu_id} if request.user.team_id else {}
    form = ProjectFilterForm(request.GET if "pdu" in request.GET else default)
    pdu = form.cleaned_data["pdu"] if form.is_valid() else None
    return render(
        request,
        "unpaid_work/projects.html",
        {"form": form, "projects": selectors.projects(pdu_id=pdu.pk if pdu else None)},
    )


def project_add(request):
    require_permission(request, Permission.MANAGE_UNPAID_WORK)
    initial = {"active": True, "supervisor": request.user.pk}
    if request.user.team_id:
        initial["pdu"] = request.user.team.pdu_id
    form = ProjectForm(posted(request), user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        created = services.project_create(by=request.user, request=request, **form.details())
        messages.success(request, f"{created} added")
        return redirect("unpaid_work:project", pk=created.pk)
    return render(request, "unpaid_work/project_form.html", {"form": form, "project": None})


@require_GET
def project(request, pk):
    require_permission(request, Permission.MANAGE_UNPAID_WORK)
    found = get_object_or_404(selectors.projects(), pk=pk)
    return render(
        request,
        "unpaid_work/project.html",
        {"project": found, **selectors.project_sessions(found, today=timezone.localdate())},
    )


def project_edit(request, pk):
    require_permission(request, Permission.MANAGE_UNPAID_WORK)
    current = get_object_or_404(Project, pk=pk)
    initial = {name: getattr(current, name) for name in services.PROJECT_FIELDS}
    initial.update(supervisor=current.supervisor_id, pdu=current.pdu_id, version=current.version)
    form = ProjectForm(posted(request), user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _save_or_explain(
            form,
            lambda: services.project_update(
                project=current,
                version=form.cleaned_data["version"],
                by=request.user,
                request=request,
                **form.details(),
            ),
        )
        if saved:
            messages.success(request, "Project details saved")
            return redirect("unpaid_work:project", pk=current.pk)
    return render(request, "unpaid_work/project_form.html", {"form": form, "project": current})


def session_add(request, pk):
    require_permission(request, Permission.MANAGE_UNPAID_WORK)
    found = get_object_or_404(Project, pk=pk, active=True)
    form = SessionForm(posted(request), project=found, initial={"capacity": found.capacity})
    if request.method == "POST" and form.is_valid():
        created = services.session_create(
            project=found, by=request.user, request=request, **form.details()
        )
        messages.success(request, "Work session added")
        return redirect("unpaid_work:session", pk=created.pk)
    return render(request, "unpaid_work/session_form.html", {"form": form, "project": found})


def _register(session, places, data=None) -> list[AttendanceForm]:
    """A register line for each person this user may see whose outcome is still to record."""
    return [
        AttendanceForm(
            data,
            placement=place.placement,
            session=session,
            initial={"version": place.placement.appointment.version},
        )
        for place in places
        if not place.denied
        and place.placement.appointment.is_active
        and not place.placement.appointment.outcome
    ]


def _session_page(request, pk, *, allocate=None, register_data=None) -> dict:
    """What the session page shows, the view of it audited with the people it names."""
    require_permission(request, Permission.MANAGE_UNPAID_WORK)
    session, places = selectors.session_for_page(pk, request.user)
    audit_record(
        actor=request.user,
        action=Action.VIEW,
        subject="upw_session",
        subject_id=session.pk,
        detail={
            "crns": [p.placement.appointment.case.crn for p in places if not p.denied],
        },
        request=request,
    )
    started = session.starts_at <= timezone.now()
    register = _register(session, places, register_data) if started else []
    return {
        "session": session,
        "places": places,
        "taken": sum(1 for p in places if p.placement.appointment.is_active),
        "started": started,
        "allocate": allocate or AllocateForm(),
        "register": register,
        "today": timezone.localdate(),
    }


@require_GET
def session(request, pk):
    context = _session_page(request, pk)
    return render(request, "unpaid_work/session.html", context)


@require_POST
def session_allocate(request, pk):
    require_permission(request, Permission.MANAGE_UNPAID_WORK)
    found = get_object_or_404(WorkSession, pk=pk)
    form = AllocateForm(request.POST)
    if form.is_valid():
        try:
            case = get_case_for_user(
                request, form.cleaned_data["crn"], permission=Permission.MANAGE_UNPAID_WORK
            )
        except Http404:
            form.add_error("crn", "No one on probation has that case reference number")
        else:
            placed = _save_or_explain(
                form,
                lambda: services.placement_allocate(
                    session=found, case=case, by=request.user, request=request
                ),
            )
            if placed:
                messages.success(request, f"{case.full_name} placed on this session")
                return redirect("unpaid_work:session", pk=found.pk)
    context = _session_page(request, pk, allocate=form)
    return render(request, "unpaid_work/session.html", context)


@require_POST
def session_register(request, pk):
    context = _session_page(request, pk, register_data=request.POST)
    session, register = context["session"], context["register"]
    if not context["started"]:
        raise Http404("The session has not started yet")
    valid = [line.is_valid() for line in register]  # every line checked, every error shown
    context["register_invalid"] = not all(valid)
    if not context["register_invalid"]:
        lines = [
            services.Attendance(
                placement=line.placement,
                version=line.cleaned_data["version"],
                outcome=line.cleaned_data["outcome"],
                notes=line.cleaned_data["notes"],
                sent_home_at=line.cleaned_data["sent_home_at"],
            )
            for line in register
            if line.cleaned_data["outcome"] != NOT_YET
        ]
        if not lines:
            context["register_error"] = "Select what happened for at least one person"
        else:
            try:
                recorded = services.register_record(
                    session=session, lines=lines, by=request.user, request=request
                )
            except services.UnpaidWorkError as refused:
                context["register_error"] = refused.message
            else:
                messages.success(
                    request,
                    f"Attendance recorded for {recorded} {'person' if recorded == 1 else 'people'}",
                )
                return redirect("unpaid_work:session", pk=session.pk)
    return render(request, "unpaid_work/session.html", context)


@require_GET
def case_unpaid_work(request, crn):
    case = get_case_for_user(request, crn)
    return render(
        request, "unpaid_work/case.html", {"case": case, **selectors.case_unpaid_work(case)}
    )
