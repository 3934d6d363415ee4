"""Reads for people on probation, always starting from what the user may see."""

from django.db.models import Prefetch, QuerySet

from desist.access.selectors import cases_visible_to
from desist.accounts.roles import Permission
from desist.core.compiled import compiled_once
from desist.interventions.selectors import latest_accommodation
from desist.people.models import Address, Case


def main_addresses() -> Prefetch:
    return Prefetch(
        "addresses", queryset=Address.objects.filter(status="MAIN"), to_attr="main_address_list"
    )


def caseload(user) -> list[Case]:
    """The cases allocated to this practitioner that they may see, with their main address,
    tier and risk of serious harm, in two queries whatever the caseload's size."""
    return _caseload(staff_id=user.pk) if user.may(Permission.VIEW_CASE) else []


@compiled_once
def _caseload(*, staff_id: int) -> QuerySet[Case]:
    return (
        cases_visible_to(staff_id)
        .filter(practitioner_id=staff_id)
        .select_related("risk")
        .prefetch_related(main_addresses())
        .annotate(accommodation=latest_accommodation())
        .order_by("last_name", "first_name", "crn")
    )


def case_overview(case: Case) -> dict:
    """What the overview shows of the person: their main address (other areas add their own
    sections, one query each)."""
    found = _main_address(case_id=case.pk)
    return {"main_address": found[0] if found else None}


@compiled_once
def _main_address(*, case_id: int) -> QuerySet[Address]:
    return Address.objects.filter(case_id=case_id, status="MAIN")[:1]  # the latest


def personal_details(case: Case) -> dict:
    """Everything on the personal details page, loaded in a fixed number of queries."""
    return {
        "addresses": list(case.addresses.all()),
        "aliases": list(case.aliases.all()),
        "contacts": list(case.contacts.all()),
        "disabilities": list(case.disabilities.all()),
        "allocations": list(case.allocations.select_related("practitioner", "team")[:10]),
    }
