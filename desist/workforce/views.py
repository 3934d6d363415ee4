"""Pages for the SPO's team, each practitioner's capacity, the allocation queue, transfers and
the workload weightings. Each reads: check access, load, render."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from desist.access.selectors import get_case_for_user, require_permission
from desist.accounts.models import Staff
from desist.accounts.roles import Permission
from desist.people.services import StaleEdit
from desist.rules import workload as wl
from desist.workforce import selectors, services
from desist.workforce.forms import (
    AllocateForm,
    ExceptionDecisionForm,
    ReductionForm,
    StaffWorkloadForm,
    TransferForm,
    WeightingsForm,
)
from desist.workforce.models import StaffWorkload


def _refused(form, write):
    """Run a service; a refusal or someone else's edit becomes a form error."""
    try:
        return write()
    except services.AllocationRefused as refused:
        form.add_error(None, refused.message)
    except StaleEdit as stale:
        form.add_error(None, stale.message)
    return None


@require_GET
def team(request):
    require_permission(request, Permission.MANAGE_TEAM)
    if request.user.team is None:
        raise Http404("You are not in a team")
    overview = selectors.team_overview(request.user.team, timezone.localdate())
    return render(request, "workforce/team.html", {"team": request.user.team, **overview})


def _team_member(request, pk) -> Staff:
    """A practitioner in the SPO's own team (the only workload they manage)."""
    require_permission(request, Permission.MANAGE_TEAM)
    return get_object_or_404(Staff, pk=pk, team_id=request.user.team_id)


@require_GET
def practitioner(request, pk):
    """A practitioner's capacity and why: for their SPO, or for themselves."""
    if request.user.pk == pk and request.user.may(Permission.HOLD_CASELOAD):
        member = request.user
    else:
        member = _team_member(request, pk)
    load = selectors.practitioner_workload(member, timezone.localdate())
    return render(request, "workforce/practitioner.html", {"member": member, "load": load})


def reduction_add(request, pk):
    member = _team_member(request, pk)
    form = ReductionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _refused(
            form,
            lambda: services.reduction_add(
                staff=member, by=request.user, request=request, **form.cleaned_data
            ),
        )
        if done:
            messages.success(request, "Reduction recorded")
            return redirect("workforce:practitioner", pk=member.pk)
    return render(request, "workforce/reduction_form.html", {"member": member, "form": form})


def hours_change(request, pk):
    member = _team_member(request, pk)
    profile = StaffWorkload.objects.filter(staff=member).first() or StaffWorkload(staff=member)
    form = StaffWorkloadForm(
        request.POST or None,
        pdu=member.team.pdu,
        initial={
            "version": profile.version,
            "contracted_hours": profile.contracted_hours,
            "office": profile.office_id,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _refused(
            form,
            lambda: services.staff_workload_update(
                staff=member,
                version=data["version"],
                by=request.user,
                request=request,
                contracted_hours=data["contracted_hours"],
                office=data["office"],
            ),
        )
        if done:
            messages.success(request, "Hours and office saved")
            return redirect("workforce:practitioner", pk=member.pk)
    return render(request, "workforce/hours_form.html", {"member": member, "form": form})


@require_GET
def queue(request):
    require_permission(request, Permission.ALLOCATE_CASES)
    whole_pdu = request.GET.get("scope") == "pdu"
    entries = selectors.allocation_queue(request.user, whole_pdu=whole_pdu)
    return render(
        request,
        "workforce/queue.html",
        {"entries": entries, "today": timezone.localdate(), "whole_pdu": whole_pdu},
    )


def _waiting(request, pk):
    require_permission(request, Permission.ALLOCATE_CASES)
    entry = selectors.waiting_entry(pk)
    if entry is None:
        raise Http404("No such case in the allocation queue")
    entry.case = get_case_for_user(request, entry.case.crn, permission=Permission.ALLOCATE_CASES)
    return entry


def allocate(request, pk):
    entry = _waiting(request, pk)
    if entry.allocation_id:
        return redirect("workforce:allocated", pk=entry.pk)
    if exception_id := selectors.awaiting_exception_id(entry):
        return redirect("workforce:exception", pk=exception_id)
    today = timezone.localdate()
    suggestions = selectors.suggestions(entry, today)
    form = AllocateForm(request.POST or None, suggestions=suggestions)
    if request.method == "POST" and form.is_valid():
        chosen = next(s for s in suggestions if s.staff.pk == form.cleaned_data["practitioner"])
        done = _refused(form, lambda: _allocate_or_ask(request, entry, chosen, form.cleaned_data))
        if done:
            return done
    return render(
        request,
        "workforce/allocate.html",
        {
            "entry": entry,
            "case": entry.case,
            "suggestions": suggestions,
            "form": form,
            "today": today,
        },
    )


def _allocate_or_ask(request, entry, chosen, data):
    """Allocate to a suitable practitioner. Against the grade rules the case is not allocated
    yet: the exception goes to the countersigning queue and the case stays waiting."""
    if chosen.suitability.suitable:
        services.queue_allocate(
            entry=entry,
            practitioner=chosen.staff,
            rationale=data["rationale"],
            by=request.user,
            request=request,
        )
        messages.success(
            request, f"Case {entry.case.crn} allocated to {chosen.staff.get_full_name()}"
        )
        return redirect("workforce:allocated", pk=entry.pk)
    exception = services.allocation_exception_request(
        entry=entry,
        practitioner=chosen.staff,
        rationale=data["rationale"],
        reason=data["grade_exception_reason"],
        by=request.user,
        request=request,
    )
    messages.success(
        request,
        "Exception sent for countersignature: the case stays in the queue until another "
        "senior probation officer decides",
    )
    return redirect("workforce:exception", pk=exception.pk)


def exception(request, pk):
    """An allocation exception as the countersigning SPO reads it; they decide here."""
    require_permission(request, Permission.COUNTERSIGN)
    found = selectors.allocation_exception(pk)
    if found is None:
        raise Http404("No such allocation exception")
    case = get_case_for_user(request, found.entry.case.crn, permission=Permission.COUNTERSIGN)
    form = ExceptionDecisionForm(request.POST or None, initial={"version": found.version})
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        done = _refused(
            form,
            lambda: services.allocation_exception_decide(
                exception=found,
                version=form.cleaned_data["version"],
                approve=approve,
                rationale=form.cleaned_data["rationale"],
                by=request.user,
                request=request,
            ),
        )
        if done and approve:
            messages.success(request, f"Exception approved: case {case.crn} allocated")
            return redirect("workforce:allocated", pk=found.entry_id)
        if done:
            messages.success(request, f"Exception rejected: case {case.crn} is back in the queue")
            return redirect("workforce:exception", pk=found.pk)
    return render(
        request, "workforce/exception.html", {"exception": found, "case": case, "form": form}
    )


@require_GET
def allocated(request, pk):
    """After allocating: who has the case now, their capacity, and the first appointment."""
    entry = _waiting(request, pk)
    if entry.allocation_id is None:
        return redirect("workforce:allocate", pk=entry.pk)
    holder = entry.allocation.practitioner
    load = selectors.practitioner_workload(holder, timezone.localdate())
    return render(
        request,
        "workforce/allocated.html",
        {"entry": entry, "case": entry.case, "holder": holder, "load": load},
    )


def transfer(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.ALLOCATE_CASES)
    blocked = services.transfer_blocked_by_enforcement(case)
    staff = selectors.transfer_candidates(case, request.user)
    form = TransferForm(request.POST or None, staff=staff)
    if request.method == "POST" and form.is_valid():
        chosen = next(s for s in staff if s.pk == form.cleaned_data["practitioner"])
        done = _refused(
            form,
            lambda: services.case_transfer(
                case=case,
                practitioner=chosen,
                handover_note=form.cleaned_data["handover_note"],
                by=request.user,
                request=request,
            ),
        )
        if done:
            messages.success(request, f"Case transferred to {chosen.get_full_name()}")
            return redirect("people:case", crn=case.crn)
    return render(
        request, "workforce/transfer.html", {"case": case, "form": form, "blocked": blocked}
    )


def weightings(request):
    require_permission(request, Permission.MANAGE_REFERENCE_DATA)
    today = timezone.localdate()
    history = selectors.weightings_history()
    current = wl.weightings_in_force(history, today)
    form = WeightingsForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        done = _weightings_saved(form, request)
        if done:
            messages.success(
                request, f"Weightings recorded from {form.cleaned_data['effective_from']:%-d %B %Y}"
            )
            return redirect("workforce:weightings")
    return render(
        request,
        "workforce/weightings.html",
        {"form": form, "current": current, "history": history, "seed": wl.SEED_EFFECTIVE_FROM},
    )


def _weightings_saved(form, request):
    try:
        weightings = form.weightings()
    except ValueError as invalid:
        form.add_error(None, str(invalid))
        return None
    return services.weightings_record(
        effective_from=weightings.effective_from,
        weightings=weightings,
        by=request.user,
        request=request,
    )
