"""Pages for people on probation. Each reads: check access, load, render."""

import csv
from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from desist.access.selectors import get_case_for_user, require_permission
from desist.accounts.roles import Permission
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.people import selectors, services
from desist.people.forms import (
    AddressForm,
    AliasForm,
    CaseCreateForm,
    DisabilityForm,
    EditPersonalDetailsForm,
    PersonalContactForm,
)
from desist.people.models import Disability, PersonalContact
from desist.people.search import case_search


@require_GET
def caseload(request):
    require_permission(request, Permission.HOLD_CASELOAD)
    # A caseload is tens of cases: one query for all of them spares a COUNT over the
    # visibility subqueries.
    cases = selectors.caseload(request.user)
    page = Paginator(cases, 50).get_page(request.GET.get("page"))
    return render(request, "people/caseload.html", {"page": page})


@require_GET
def caseload_export(request):
    require_permission(request, Permission.EXPORT_CASES)
    cases = selectors.caseload(request.user)
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="caseload.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["CRN", "Last name", "First name", "Date of birth", "Main address", "Tier", "RoSH"]
    )
    for case in cases:
        address = case.main_address_list[0] if case.main_address_list else ""
        risk = getattr(case, "risk", None)
        writer.writerow(
            [
                case.crn,
                case.last_name,
                case.first_name,
                case.date_of_birth,
                address,
                risk.tier_v2 if risk else "",
                risk.get_rosh_display() if risk else "",
            ]
        )
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        subject="caseload",
        detail={"rows": len(cases), "crns": [case.crn for case in cases]},
        request=request,
    )
    return response


@require_GET
def search(request):
    require_permission(request, Permission.SEARCH_CASES)
    query = request.GET.get("q", "").strip()
    matches = case_search(request.user, query) if query else None
    if query:
        audit_record(
            actor=request.user,
            action=Action.SEARCH,
            detail={
                "query": query[:200],
                "results": len(matches),
                "crns": [m.case.crn for m in matches],
            },
            request=request,
        )
    template = "people/_search_results.html" if request.htmx else "people/search.html"
    return render(request, template, {"query": query, "matches": matches})


@require_GET
def case_overview(request, crn):
    case = get_case_for_user(request, crn)
    return render(
        request, "people/case_overview.html", {"case": case, **selectors.case_overview(case)}
    )


@require_GET
def personal_details(request, crn):
    case = get_case_for_user(request, crn)
    return render(
        request, "people/personal_details.html", {"case": case, **selectors.personal_details(case)}
    )


def case_edit_details(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    initial = {name: getattr(case, name) for name in services.PERSONAL_DETAIL_FIELDS}
    form = EditPersonalDetailsForm(
        request.POST or None, initial={**initial, "version": case.version}
    )
    if request.method == "POST" and form.is_valid():
        details = {k: v for k, v in form.cleaned_data.items() if k in initial}
        try:
            services.case_update_details(
                case=case,
                version=form.cleaned_data["version"],
                by=request.user,
                request=request,
                **details,
            )
        except services.StaleEdit as stale:
            form.add_error(None, stale.message)
        else:
            messages.success(request, "Personal details saved")
            return redirect("people:personal-details", crn=case.crn)
    return render(request, "people/case_edit_details.html", {"case": case, "form": form})


# The records a case holds that staff add one at a time: URL word → (page title, form, service).
CASE_RECORDS = {
    "addresses": ("Add an address", AddressForm, services.address_add),
    "aliases": ("Add an alias", AliasForm, services.alias_add),
    "contacts": (
        "Add a personal contact",
        PersonalContactForm,
        partial(services.case_record_add, model=PersonalContact),
    ),
    "disabilities": (
        "Add a disability or reasonable adjustment",
        DisabilityForm,
        partial(services.case_record_add, model=Disability),
    ),
}


def record_add(request, crn, kind):
    if kind not in CASE_RECORDS:
        raise Http404
    title, form_class, add = CASE_RECORDS[kind]
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        add(case=case, by=request.user, request=request, **form.cleaned_data)
        messages.success(request, f"{title.removeprefix('Add ').capitalize()} added")
        return redirect("people:personal-details", crn=case.crn)
    return render(request, "people/record_add.html", {"case": case, "form": form, "title": title})


def case_create(request):
    require_permission(request, Permission.CREATE_CASE)
    form = CaseCreateForm(request.POST or None, initial={"team": request.user.team_id})
    if request.method == "POST" and form.is_valid():
        details = dict(form.cleaned_data)
        case = services.case_create(by=request.user, request=request, **details)
        messages.success(request, f"Case created with CRN {case.crn}")
        return redirect("people:case", crn=case.crn)
    return render(request, "people/case_create.html", {"form": form})
