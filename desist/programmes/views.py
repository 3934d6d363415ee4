"""Pages for programmes: the facilitator's week, the catalogue, the waitlist, groups, the
session register and catch-ups. Each checks the role and, for a case, access; every write goes
through desist.programmes.services."""

from functools import partial

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from desist.access.selectors import CaseAccessDenied, get_case_for_user, require_permission
from desist.accounts.roles import Permission
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.core.saving import posted, save_or_explain
from desist.people.services import StaleEdit
from desist.programmes import selectors, services
from desist.programmes.forms import (
    AllocateForm,
    CatchUpForm,
    GroupForm,
    ReferralForm,
    RegisterForm,
    SuitabilityForm,
)
from desist.programmes.models import Group, GroupSession, Programme, Referral
from desist.supervision.services import AppointmentError

_save_or_explain = partial(
    save_or_explain, refusals=(services.ProgrammeError, AppointmentError, StaleEdit)
)


def _audit_shown(request, subject: str, subject_id, cases) -> None:
    """One record of the cases a list page showed this user (those they may open)."""
    crns = sorted({c.crn for c in cases if not c.denied})
    if crns:
        audit_record(
            actor=request.user,
            action=Action.VIEW,
            subject=subject,
            subject_id=subject_id,
            detail={"crns": crns, "path": request.path},
            request=request,
        )


def _group_for(request, pk: int) -> Group:
    """The group, if this user runs it (or oversees all groups)."""
    require_permission(request, Permission.DELIVER_PROGRAMMES)
    group = get_object_or_404(
        Group.objects.select_related(
            "programme", "office__pdu", "lead_facilitator", "cover_facilitator"
        ),
        pk=pk,
    )
    _refuse_unless_runs(request, group)
    return group


def _refuse_unless_runs(request, group: Group) -> None:
    """Only the group's facilitators and treatment managers open it; refusals are audited."""
    if not selectors.may_run(request.user, group):
        audit_record(
            actor=request.user,
            action=Action.DENIED,
            subject="programme group",
            subject_id=group.pk,
            detail={"path": request.path},
            request=request,
        )
        raise CaseAccessDenied(
            "Only the group's facilitators and senior probation officers can open this group."
        )


@require_GET
def home(request):
    require_permission(request, Permission.DELIVER_PROGRAMMES)
    found = selectors.facilitator_home(request.user, timezone.localdate())
    shown = [a.referral.case for s in found["sessions"] for a in s.attending]
    _audit_shown(request, "programme week", "", shown + [m.referral.case for m in found["missed"]])
    return render(request, "programmes/home.html", found)


@require_GET
def catalogue(request):
    require_permission(request, Permission.VIEW_CASE)
    programmes = Programme.objects.prefetch_related("templates")
    return render(request, "programmes/catalogue.html", {"programmes": programmes})


@require_GET
def waitlist(request):
    require_permission(request, Permission.DELIVER_PROGRAMMES)
    waiting = selectors.waitlist(request.user)
    _audit_shown(request, "programme waitlist", "", [r.case for r in waiting])
    return render(request, "programmes/waitlist.html", {"waiting": waiting})


def refer(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.PLAN_SENTENCE)
    form = ReferralForm(posted(request), case=case)
    if request.method == "POST" and form.is_valid():
        created = _save_or_explain(
            form,
            lambda: services.referral_create(
                case=case, by=request.user, request=request, **form.cleaned_data
            ),
        )
        if created:
            messages.success(request, f"Referred to {created.programme}: waiting for a place")
            return redirect("people:case", crn=case.crn)
    referrals = case.programme_referrals.select_related("programme", "group")
    return render(
        request,
        "programmes/referral_form.html",
        {"case": case, "form": form, "referrals": referrals},
    )


def suitability(request, pk):
    require_permission(request, Permission.DELIVER_PROGRAMMES)
    referral = get_object_or_404(Referral.objects.select_related("programme", "case"), pk=pk)
    case = get_case_for_user(request, referral.case.crn)
    form = SuitabilityForm(posted(request), initial={"version": referral.version})
    if request.method == "POST" and form.is_valid():
        saved = _save_or_explain(
            form,
            lambda: services.suitability_record(
                referral=referral, by=request.user, request=request, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(
                request, f"{case.full_name}: {saved.get_suitability_display().lower()}"
            )
            return redirect("programmes:waitlist")
    return render(
        request,
        "programmes/suitability_form.html",
        {"case": case, "referral": referral, "form": form},
    )


def group_add(request):
    require_permission(request, Permission.DELIVER_PROGRAMMES)
    form = GroupForm(
        posted(request),
        user=request.user,
        initial={"lead_facilitator": request.user.pk, "capacity": 12},
    )
    if request.method == "POST" and form.is_valid():
        created = _save_or_explain(
            form,
            lambda: services.group_create(by=request.user, request=request, **form.cleaned_data),
        )
        if created:
            messages.success(request, f"Group created with {created.sessions.count()} sessions")
            return redirect("programmes:group", pk=created.pk)
    return render(request, "programmes/group_form.html", {"form": form})


def _group_page(request, group: Group, allocate_form=None):
    found = selectors.group_detail(request.user, group)
    _audit_shown(
        request,
        "programme group",
        group.pk,
        [m.referral.case for m in found["members"]] + [w.case for w in found["waiting"]],
    )
    return render(
        request,
        "programmes/group.html",
        {**found, "form": allocate_form or AllocateForm(waiting=found["waiting"])},
    )


@require_GET
def group(request, pk):
    return _group_page(request, _group_for(request, pk))


@require_POST
def allocate(request, pk):
    current = _group_for(request, pk)
    waiting = selectors.group_detail(request.user, current)["waiting"]
    form = AllocateForm(request.POST, waiting=waiting)
    if form.is_valid():
        count = _save_or_explain(
            form,
            lambda: services.members_allocate(
                group=current,
                referrals=list(form.cleaned_data["referrals"]),
                by=request.user,
                request=request,
            ),
        )
        if count:
            messages.success(request, f"{count} allocated to the group")
            return redirect("programmes:group", pk=current.pk)
    return _group_page(request, current, form)


def register(request, pk):
    require_permission(request, Permission.DELIVER_PROGRAMMES)
    session = get_object_or_404(
        GroupSession.objects.select_related(
            "template", "register_taken_by", "group__programme", "group__office"
        ),
        pk=pk,
    )
    _refuse_unless_runs(request, session.group)
    rows = selectors.session_register(request.user, session)
    form = RegisterForm(
        posted(request),
        rows=rows,
        initial={"version": session.version, "notes": session.notes},
    )
    if request.method == "POST" and form.is_valid():
        saved = _save_or_explain(
            form,
            lambda: services.register_record(
                session=session,
                version=form.cleaned_data["version"],
                by=request.user,
                notes=form.cleaned_data["notes"],
                entries=form.entries(),
                request=request,
            ),
        )
        if saved:
            messages.success(request, "Register saved")
            return redirect("programmes:register", pk=session.pk)
    _audit_shown(request, "programme session", session.pk, [r.referral.case for r in rows])
    return render(
        request,
        "programmes/register.html",
        {
            "session": session,
            "group": session.group,
            "form": form,
            "hidden": [r for r in rows if r.referral.case.denied],
            "started": session.starts_at <= timezone.now(),
        },
    )


def catch_up(request, pk, referral_pk):
    current = _group_for(request, pk)
    referral = get_object_or_404(current.members.select_related("programme"), pk=referral_pk)
    case = get_case_for_user(request, referral.case.crn)
    progress = selectors.progress_of([referral], timezone.now())[referral.pk]
    missed = list(current.programme.templates.filter(number__in=progress.missed))
    form = CatchUpForm(posted(request), missed=missed)
    if request.method == "POST" and form.is_valid():
        template = next(t for t in missed if t.pk == form.cleaned_data["template"])
        made = _save_or_explain(
            form,
            lambda: services.catch_up_arrange(
                referral=referral,
                template=template,
                starts_at=form.cleaned_data["starts_at"],
                by=request.user,
                request=request,
            ),
        )
        if made:
            messages.success(request, f"Catch-up arranged for session {template.number}")
            return redirect("programmes:group", pk=current.pk)
    return render(
        request,
        "programmes/catch_up_form.html",
        {"group": current, "case": case, "referral": referral, "form": form, "missed": missed},
    )
