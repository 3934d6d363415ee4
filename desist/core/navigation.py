"""The menu under the header: which areas a member of staff's roles open to them.

It is the same for everyone with the same permissions, so it is drawn once per set of
permissions in each process rather than on every page (every page shows it)."""

from functools import lru_cache

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# (label, URL name, the permissions any one of which shows it), in the order shown.
MENU = (
    ("Home", "core:home", ("hold_caseload",)),
    ("My caseload", "people:caseload", ("hold_caseload",)),
    ("Diary", "supervision:diary", ("hold_caseload",)),
    ("Countersigning", "oversight:countersigning", ("countersign",)),
    ("Court list", "courts:court-list", ("view_court_list",)),
    ("Team", "workforce:team", ("manage_team",)),
    ("Allocations", "workforce:queue", ("allocate_cases",)),
    ("Search", "people:search", ("search_cases",)),
    ("Partner agencies", "interventions:directory", ("view_case", "manage_reference_data")),
    ("Workload weightings", "workforce:weightings", ("manage_reference_data",)),
    ("Offence codes", "risk:offence-map", ("manage_reference_data",)),
    ("Community payback", "unpaid_work:projects", ("manage_unpaid_work",)),
    ("Programmes", "programmes:home", ("deliver_programmes",)),
    ("Releases", "prerelease:worklist", ("prepare_release",)),
)


@lru_cache(maxsize=128)
def menu_items(granted: frozenset[str]) -> SafeString:
    """The menu's list items for someone with these permissions (by value)."""
    return mark_safe(
        "".join(
            '<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link"'
            f' href="{reverse(name)}">{escape(label)}</a></li>'
            for label, name, shown_by in MENU
            if granted.intersection(shown_by)
        )
    )
