"""Pages for the partner agency directory, a case's referrals and its accommodation. Each
reads: check access, load, render; every write goes through desist.interventions.services."""

from functools import partial

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from desist.access.selectors import get_case_for_user, require_permission
from desist.accounts.roles import Permission
from desist.core.saving import posted, save_or_explain
from desist.interventions import selectors, services
from desist.interventions.forms import (
    AccommodationForm,
    AgencyContactForm,
    AgencyForm,
    DirectoryFilterForm,
    FeedbackForm,
    ReferralForm,
    StatusForm,
    ThreeWayMeetingForm,
)
from desist.interventions.models import Agency, Referral
from desist.people.services import StaleEdit
from desist.rules import referrals as flow
from desist.supervision.services import AppointmentError

_save_or_explain = partial(
    save_or_explain, refusals=(services.ReferralError, AppointmentError, StaleEdit)
)
_posted = posted


def _may_browse_directory(request) -> None:
    """Practitioners browse the directory; administrators, who see no cases, manage it."""
    if not request.user.may(Permission.MANAGE_REFERENCE_DATA):
        require_permission(request, Permission.VIEW_CASE)


# The directory


@require_GET
def directory(request):
    _may_browse_directory(request)
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    pdu = filters.get("pdu")
    found = selectors.agencies(
        category=filters.get("category", ""),
        pdu_id=pdu.pk if pdu else None,
        active_only=not request.user.may(Permission.MANAGE_REFERENCE_DATA),
    )
    return render(request, "interventions/directory.html", {"form": form, "agencies": found})


@require_GET
def agency(request, pk):
    _may_browse_directory(request)
    manager = request.user.may(Permission.MANAGE_REFERENCE_DATA)
    found = get_object_or_404(selectors.agencies(active_only=not manager), pk=pk)
    return render(request, "interventions/agency.html", {"agency": found})


def agency_add(request):
    require_permission(request, Permission.MANAGE_REFERENCE_DATA)
    form = AgencyForm(_posted(request), initial={"active": True})
    if request.method == "POST" and form.is_valid():
        created = services.agency_create(
            by=request.user, pdus=form.cleaned_data["pdus"], request=request, **form.details()
        )
        messages.success(request, f"{created} added to the directory")
        return redirect("interventions:agency", pk=created.pk)
    return render(request, "interventions/agency_form.html", {"form": form, "agency": None})


def agency_edit(request, pk):
    require_permission(request, Permission.MANAGE_REFERENCE_DATA)
    current = get_object_or_404(Agency.objects.prefetch_related("pdus"), pk=pk)
    initial = {name: getattr(current, name) for name in services.AGENCY_FIELDS}
    form = AgencyForm(
        _posted(request),
        initial={**initial, "pdus": list(current.pdus.all()), "version": current.version},
    )
    if request.method == "POST" and form.is_valid():
        saved = _save_or_explain(
            form,
            lambda: services.agency_update(
                agency=current,
                version=form.cleaned_data["version"],
                by=request.user,
                pdus=form.cleaned_data["pdus"],
                request=request,
                **form.details(),
            ),
        )
        if saved:
            messages.success(request, "Agency details saved")
            return redirect("interventions:agency", pk=current.pk)
    return render(request, "interventions/agency_form.html", {"form": form, "agency": current})


def agency_contact_add(request, pk):
    require_permission(request, Permission.MANAGE_REFERENCE_DATA)
    current = get_object_or_404(Agency, pk=pk)
    form = AgencyContactForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        services.agency_contact_add(
            agency=current, by=request.user, request=request, **form.details()
        )
        messages.success(request, "Contact added")
        return redirect("interventions:agency", pk=current.pk)
    return render(request, "interventions/contact_form.html", {"form": form, "agency": current})


# A case's referrals


@require_GET
def referrals(request, crn):
    case = get_case_for_user(request, crn)
    return render(
        request,
        "interventions/referrals.html",
        {
            "case": case,
            "referrals": selectors.case_referrals(case),
            "accommodation": selectors.current_accommodation(case),
        },
    )


@require_GET
def referral(request, crn, pk):
    case = get_case_for_user(request, crn)
    try:
        found = selectors.referral_for_page(case, pk)
    except Referral.DoesNotExist:
        raise Http404("No such referral on this case") from None
    return render(
        request,
        "interventions/referral.html",
        {
            "case": case,
            "referral": found,
            "editable": flow.EDITABLE,
            "closed": flow.CLOSED,
        },
    )


def referral_add(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.PLAN_SENTENCE)
    form = ReferralForm(_posted(request), case=case)
    if request.method == "POST" and form.is_valid():
        created = _save_or_explain(
            form,
            lambda: services.referral_create(
                case=case, by=request.user, request=request, **form.details()
            ),
        )
        if created:
            messages.success(request, "Referral saved as a draft")
            return redirect("interventions:referral", crn=case.crn, pk=created.pk)
    return render(
        request, "interventions/referral_form.html", {"case": case, "form": form, "referral": None}
    )


def referral_edit(request, crn, pk):
    case = get_case_for_user(request, crn, permission=Permission.PLAN_SENTENCE)
    current = get_object_or_404(case.referrals, pk=pk)
    initial = {name: getattr(current, name) for name in services.REFERRAL_FIELDS}
    form = ReferralForm(
        _posted(request), case=case, initial={**initial, "version": current.version}
    )
    if request.method == "POST" and form.is_valid():
        saved = _save_or_explain(
            form,
            lambda: services.referral_update(
                referral=current,
                version=form.cleaned_data["version"],
                by=request.user,
                request=request,
                **form.details(),
            ),
        )
        if saved:
            messages.success(request, "Referral saved")
            return redirect("interventions:referral", crn=case.crn, pk=current.pk)
    return render(
        request,
        "interventions/referral_form.html",
        {"case": case, "form": form, "referral": current},
    )


def referral_status(request, crn, pk):
    case = get_case_for_user(request, crn, permission=Permission.PLAN_SENTENCE)
    current = get_object_or_404(case.referrals.select_related("agency"), pk=pk)
    form = StatusForm(_posted(request), referral=current, initial={"version": current.version})
    if request.method == "POST" and form.is_valid():
        saved = _save_or_explain(
            form,
            lambda: services.referral_change_status(
                referral=current, by=request.user, request=request, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, f"Referral {saved.get_status_display().lower()}")
            return redirect("interventions:referral", crn=case.crn, pk=current.pk)
    return render(
        request,
        "interventions/status_form.html",
        {"case": case, "form": form, "referral": current},
    )


def feedback_add(request, crn, pk):
    case = get_case_for_user(request, crn, permission=Permission.PLAN_SENTENCE)
    current = get_object_or_404(case.referrals.select_related("agency"), pk=pk)
    form = FeedbackForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        saved = _save_or_explain(
            form,
            lambda: services.feedback_record(
                referral=current, by=request.user, request=request, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, "Feedback recorded")
            return redirect("interventions:referral", crn=case.crn, pk=current.pk)
    return render(
        request,
        "interventions/feedback_form.html",
        {"case": case, "form": form, "referral": current},
    )


@require_POST
def concern_read(request, crn, pk, feedback_pk):
    case = get_case_for_user(request, crn, permission=Permission.PLAN_SENTENCE)
    current = get_object_or_404(case.referrals, pk=pk)
    feedback = get_object_or_404(current.feedback.select_related("referral__case"), pk=feedback_pk)
    services.concern_mark_read(feedback=feedback, by=request.user, request=request)
    messages.success(request, "Concern marked as read")
    return redirect("interventions:referral", crn=case.crn, pk=current.pk)


def meeting_arrange(request, crn, pk):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    current = get_object_or_404(case.referrals.select_related("agency", "case"), pk=pk)
    form = ThreeWayMeetingForm(
        _posted(request),
        referral=current,
        initial={"practitioner": case.practitioner_id, "contact": current.contact_id},
    )
    if request.method == "POST" and form.is_valid():
        saved = _save_or_explain(
            form,
            lambda: services.three_way_meeting_arrange(
                referral=current,
                contact=form.cleaned_data["contact"],
                by=request.user,
                request=request,
                **form.details(),
            ),
        )
        if saved:
            messages.success(request, "Three-way meeting arranged")
            return redirect("interventions:referral", crn=case.crn, pk=current.pk)
    return render(
        request,
        "interventions/meeting_form.html",
        {"case": case, "form": form, "referral": current},
    )


# Accommodation


@require_GET
def accommodation(request, crn):
    case = get_case_for_user(request, crn)
    return render(
        request,
        "interventions/accommodation.html",
        {"case": case, "history": selectors.accommodation_history(case)},
    )


def accommodation_record(request, crn):
    case = get_case_for_user(request, crn, permission=Permission.EDIT_CASE)
    form = AccommodationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        services.accommodation_record(
            case=case, by=request.user, request=request, **form.cleaned_data
        )
        messages.success(request, "Accommodation recorded")
        return redirect("interventions:accommodation", crn=case.crn)
    return render(request, "interventions/accommodation_form.html", {"case": case, "form": form})
