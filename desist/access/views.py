from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from desist.access import services
from desist.access.forms import AccessEntryForm, RestrictionForm
from desist.access.models import CaseAccess
from desist.access.selectors import get_case_for_user, require_permission
from desist.accounts.roles import Permission
from desist.audit.models import Action, AuditEvent
from desist.audit.services import audit_record
from desist.people.models import Case


def _case_for_oversight(request, crn: str, permission: Permission) -> Case:
    """Administrators oversee access to every case without seeing its content; a senior
    probation officer goes through the same case access check as for any other page."""
    require_permission(request, permission)
    if request.user.may(Permission.VIEW_CASE):
        return get_case_for_user(request, crn, permission=permission)
    case = get_object_or_404(Case, crn=crn.upper())
    audit_record(
        actor=request.user,
        action=Action.VIEW,
        case=case,
        subject="oversight",
        detail={"path": request.path},
        request=request,
    )
    return case


@require_GET
def access_log(request, crn):
    case = _case_for_oversight(request, crn, Permission.VIEW_ACCESS_LOG)
    events = AuditEvent.objects.filter(case=case).select_related("actor")
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    return render(request, "access/access_log.html", {"case": case, "page": page})


def manage(request, crn):
    case = _case_for_oversight(request, crn, Permission.MANAGE_CASE_ACCESS)
    restriction = RestrictionForm(
        request.POST if "restriction" in request.POST else None,
        initial={"restricted": case.restricted, "restriction_message": case.restriction_message},
    )
    entry_form = AccessEntryForm(request.POST if "entry" in request.POST else None)
    if restriction.is_bound and restriction.is_valid():
        services.case_set_restricted(
            case=case,
            by=request.user,
            request=request,
            restricted=restriction.cleaned_data["restricted"],
            message=restriction.cleaned_data["restriction_message"],
        )
        messages.success(request, "Restriction saved")
        return redirect("access:manage", crn=case.crn)
    if entry_form.is_bound and entry_form.is_valid():
        services.case_access_add(
            case=case,
            staff=entry_form.staff,
            by=request.user,
            request=request,
            kind=entry_form.cleaned_data["kind"],
            reason=entry_form.cleaned_data["reason"],
        )
        messages.success(request, f"{entry_form.staff} added")
        return redirect("access:manage", crn=case.crn)
    entries = CaseAccess.objects.filter(case=case).select_related("staff")
    return render(
        request,
        "access/manage.html",
        {
            "case": case,
            "restriction": restriction,
            "entry_form": entry_form,
            "entries": entries,
        },
    )


@require_POST
def remove(request, crn, entry_id):
    case = _case_for_oversight(request, crn, Permission.MANAGE_CASE_ACCESS)
    entry = get_object_or_404(
        CaseAccess.objects.select_related("staff", "case"), pk=entry_id, case=case
    )
    services.case_access_remove(entry=entry, by=request.user, request=request)
    messages.success(request, f"{entry.staff} removed")
    return redirect("access:manage", crn=case.crn)
