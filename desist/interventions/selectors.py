"""Reads for the agency directory, a case's referrals and accommodation, in a fixed number of
queries whatever their size."""

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery

from desist.core.compiled import compiled_once
from desist.interventions.constants import RiskInformation
from desist.interventions.models import (
    AccommodationStatus,
    Agency,
    AgencyContact,
    Referral,
    ReferralStatusChange,
)
from desist.people.models import Case
from desist.plans.models import Objective
from desist.risk.models import Registration, RoshAssessment
from desist.rules import referrals as flow
from desist.sentences.models import LicenceCondition, Requirement


def agencies(*, category: str = "", pdu_id: int | None = None, active_only=True):
    """The directory, filtered by service category and the area covered, with contacts and
    areas prefetched (three queries)."""
    found = Agency.objects.prefetch_related(
        "pdus", Prefetch("contacts", queryset=AgencyContact.objects.filter(active=True))
    )
    if active_only:
        found = found.filter(active=True)
    if category:
        found = found.filter(category=category)
    if pdu_id:
        found = found.filter(pdus=pdu_id)
    return found.distinct()


def agency_choices() -> QuerySet[Agency]:
    return Agency.objects.filter(active=True).order_by("category", "name")


def case_referrals(case: Case) -> list[Referral]:
    """The case's referrals page: each with its agency, latest change first."""
    return list(case.referrals.select_related("agency").order_by("-status_changed_at", "-id"))


def referral_for_page(case: Case, pk: int) -> Referral:
    """One referral of this case with everything its page shows, in a fixed number of
    queries."""
    return (
        case.referrals.select_related(
            "agency", "contact", "created_by", "objective", "requirement__event", "needs_assessment"
        )
        .prefetch_related(
            Prefetch("history", queryset=ReferralStatusChange.objects.select_related("by")),
            "disclosures",
            "feedback",
            "meetings__appointment",
            "meetings__contact",
        )
        .get(pk=pk)
    )


def case_requirements(case: Case) -> QuerySet[Requirement]:
    return Requirement.objects.filter(event__case=case, event__active=True).select_related("event")


def case_objectives(case: Case) -> QuerySet[Objective]:
    return Objective.objects.filter(plan__case=case).select_related("plan__event")


def risk_information(case: Case, items: list[str]) -> list[dict]:
    """The chosen risk information as it reads now, to be kept with the referral as sent.
    Victim-related licence conditions are never included."""
    shared = []
    for item in RiskInformation:
        if item not in items:
            continue
        if item == RiskInformation.ROSH_SUMMARY:
            rosh = RoshAssessment.objects.filter(case=case).order_by("-assessed_on", "-id").first()
            content = (
                f"{rosh.get_overall_display()} risk of serious harm. {rosh.nature_of_harm}"
                if rosh
                else "No RoSH assessment recorded"
            )
        elif item == RiskInformation.REGISTRATIONS:
            active = Registration.objects.filter(case=case, deregistered_on__isnull=True)
            content = "; ".join(r.get_type_display() for r in active) or "No registrations"
        elif item == RiskInformation.LICENCE_CONDITIONS:
            conditions = LicenceCondition.objects.filter(
                event__case=case, event__active=True, victim_related=False
            )
            content = "; ".join(c.text for c in conditions) or "No licence conditions"
        else:
            requirements = case_requirements(case)
            content = (
                "; ".join(
                    f"{r.get_category_display()}{f' ({r.length})' if r.length else ''}"
                    for r in requirements
                )
                or "No requirements"
            )
        shared.append({"item": item.value, "label": item.label, "content": content})
    return shared


def current_accommodation(case: Case) -> AccommodationStatus | None:
    return case.accommodation_history.first()


def accommodation_history(case: Case) -> list[AccommodationStatus]:
    return list(case.accommodation_history.select_related("recorded_by"))


def latest_accommodation(field: str = "status") -> Subquery:
    """Annotate cases with a field of their current accommodation (no extra query)."""
    return Subquery(
        AccommodationStatus.objects.filter(case=OuterRef("pk"))
        .order_by("-since", "-id")
        .values(field)[:1]
    )


def case_summary(case: Case) -> dict:
    """The case overview's line: current accommodation and open referrals, in one query."""
    return _summary(case_id=case.pk)[0]


@compiled_once
def _summary(*, case_id: int) -> QuerySet:
    open_referrals = (
        Referral.objects.filter(case=OuterRef("pk"))
        .exclude(status__in=flow.CLOSED)
        .values("case")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Case.objects.filter(pk=case_id).values(
        accommodation=latest_accommodation(),
        since=latest_accommodation("since"),
        open_referrals=Subquery(open_referrals),
    )
