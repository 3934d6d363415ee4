"""Risk pages of a case. Each reads: check access, load, render."""

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from desist.access.selectors import get_case_for_user, require_permission
from desist.accounts.roles import Permission
from desist.people.services import StaleEdit
from desist.risk import selectors, services
from desist.risk.changes import significant_change_record
from desist.risk.forms import (
    DeregistrationForm,
    EnquiryForm,
    EnquiryOutcomeForm,
    OffenceCodeForm,
    OffenceMapUploadForm,
    RegistrationForm,
    RoshForm,
    ScoresForm,
    SignificantChangeForm,
)
from desist.risk.models import OffenceCode, Registration, SafeguardingEnquiry
from desist.rules.actuarial import OFFENCE_MAP_COLUMNS
from desist.rules.predictors_2026 import OGRS4_EFFECTIVE_FROM


def _form_page(request, case, form, title: str, **extra):
    context = {"case": case, "form": form, "title": title, **extra}
    return render(request, "risk/form_page.html", context)


def _done(request, case, message: str):
    messages.success(request, message)
    return redirect("risk:case-risk", crn=case.crn)


@require_GET
def case_risk(request, crn):
    case = get_case_for_user(request, crn)
    context = {"case": case, **selectors.case_risk_detail(case)}
    return render(request, "risk/case_risk.html", context)


def registration_add(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.registration_add(case=case, by=request.user, request=request, **form.cleaned_data)
        return _done(request, case, "Registration added")
    return _form_page(request, case, form, "Add a registration")


def registration_end(request, crn, pk):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    registration = get_object_or_404(Registration, pk=pk, case=case, deregistered_on=None)
    form = DeregistrationForm(request.POST or None, initial={"version": registration.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_deregister(
                registration=registration,
                version=form.cleaned_data["version"],
                by=request.user,
                deregistered_on=form.cleaned_data["deregistered_on"],
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except StaleEdit as stale:
            form.add_error(None, stale.message)
        else:
            return _done(request, case, f"{registration.label} registration ended")
    return _form_page(request, case, form, f"End the {registration.label} registration")


def rosh_add(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.ASSESS_RISK)
    form = RoshForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.rosh_record(case=case, by=request.user, request=request, **form.cleaned_data)
        return _done(request, case, "RoSH assessment recorded")
    return _form_page(request, case, form, "Record a RoSH assessment")


def scores_add(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.ASSESS_RISK)
    form = ScoresForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        services.scores_record(
            case=case,
            by=request.user,
            assessed_on=form.cleaned_data["assessed_on"],
            inputs=form.cleaned_data["inputs"],
            request=request,
        )
        return _done(request, case, "Scores recorded")
    context = {
        "case": case,
        "form": form,
        "title": "Record predictor scores",
        "ogrs4_from": OGRS4_EFFECTIVE_FROM,
    }
    return render(request, "risk/scores_form.html", context)


def significant_change_add(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.ASSESS_RISK)
    form = SignificantChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        significant_change_record(case=case, by=request.user, request=request, **form.cleaned_data)
        return _done(request, case, "Change recorded: a RoSH review is due")
    return _form_page(request, case, form, "Record a new relationship or contact with children")


def enquiry_add(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    form = EnquiryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.enquiry_request(case=case, by=request.user, request=request, **form.cleaned_data)
        return _done(request, case, "Check requested")
    return _form_page(request, case, form, "Request a safeguarding check")


def enquiry_outcome(request, crn, pk):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    enquiry = get_object_or_404(SafeguardingEnquiry, pk=pk, case=case)
    form = EnquiryOutcomeForm(
        request.POST or None, initial={"version": enquiry.version, "notes": enquiry.notes}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.enquiry_record_outcome(
                enquiry=enquiry, by=request.user, request=request, **form.cleaned_data
            )
        except StaleEdit as stale:
            form.add_error(None, stale.message)
        else:
            return _done(request, case, "Reply recorded")
    return _form_page(request, case, form, f"Record the reply to the {enquiry.get_kind_display()}")


@require_GET
def reviews_due(request):
    require_permission(request, Permission.HOLD_CASELOAD)
    due = selectors.registrations_for_review(request.user, today=timezone.localdate())
    return render(request, "risk/reviews_due.html", {"registrations": list(due[:200])})


# The offence map: reference data for administrators


@require_GET
def offence_map(request):
    require_permission(request, Permission.MANAGE_REFERENCE_DATA)
    query = request.GET.get("q", "")
    page = Paginator(selectors.offence_codes(query), 50).get_page(request.GET.get("page"))
    return render(request, "risk/offence_map.html", {"page": page, "query": query})


@require_GET
def offence_map_csv(request):
    """The map as it stands, to change in a spreadsheet and upload again."""
    require_permission(request, Permission.MANAGE_REFERENCE_DATA)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="offence-actuarial-map.csv"'
    writer = csv.writer(response)
    writer.writerow(OFFENCE_MAP_COLUMNS)
    writer.writerows(OffenceCode.objects.values_list(*OFFENCE_MAP_COLUMNS))
    return response


def offence_code_edit(request, code):
    require_permission(request, Permission.MANAGE_REFERENCE_DATA)
    current = get_object_or_404(OffenceCode, ho_offence_code=code)
    form = OffenceCodeForm(
        request.POST or None, instance=current, initial={"version": current.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.offence_code_update(
                code=current,
                version=form.cleaned_data["version"],
                by=request.user,
                request=request,
                **form.row(),
            )
        except StaleEdit as stale:
            form.add_error(None, stale.message)
        except services.OffenceMapRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"Offence code {code} saved")
            return redirect("risk:offence-map")
    return render(request, "risk/offence_code_form.html", {"form": form, "code": current})


def offence_map_upload(request):
    require_permission(request, Permission.MANAGE_REFERENCE_DATA)
    form = OffenceMapUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.offence_map_replace(
                text=form.cleaned_data["file"], by=request.user, request=request
            )
        except services.OffenceMapRefused as refused:
            form.refuse(refused.problems)
        else:
            messages.success(request, f"Offence map replaced: {count} offence codes")
            return redirect("risk:offence-map")
    return render(request, "risk/offence_map_upload.html", {"form": form})
