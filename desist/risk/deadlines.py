"""Risk's deadlines: the latest RoSH assessment's review date, a RoSH review after a
significant change, and each active registration's review date (rules.md §6: review at set
intervals and on significant change)."""

from django.db.models import F, OuterRef, Subquery

from desist.oversight.deadlines import Deadline, deadline_source, due_until
from desist.risk.models import ACTIVE, Registration, RoshAssessment, SignificantChange
from desist.rules import rosh

SIGNIFICANT_CHANGE = "RoSH review due (significant change)"


def _deadline(kind: str, row, detail: str) -> Deadline:
    return Deadline(
        kind=kind,
        owner_id=row.case.practitioner_id,
        due=row.review_date,
        view="risk:case-risk",
        args=(row.case.crn,),
        crn=row.case.crn,
        name=row.case.listed_name,
        detail=detail,
    )


def _latest_rosh(field: str):
    return Subquery(
        RoshAssessment.objects.filter(case=OuterRef("case"))
        .order_by("-assessed_on", "-id")
        .values(field)[:1]
    )


@deadline_source("risk.rosh_reviews")
def rosh_reviews(owner_ids, today, until=None):
    """Only each case's latest assessment: an older one's review date was met by the newer."""
    assessments = due_until(
        RoshAssessment.objects.filter(case__practitioner_id__in=owner_ids, pk=_latest_rosh("pk")),
        "review_date",
        until,
    ).select_related("case")
    return [
        _deadline("Review the RoSH assessment", a, f"{a.get_overall_display()} RoSH")
        for a in assessments
    ]


@deadline_source("risk.registration_reviews")
def registration_reviews(owner_ids, today, until=None):
    registrations = due_until(
        Registration.objects.filter(
            ACTIVE, case__practitioner_id__in=owner_ids, review_date__isnull=False
        ),
        "review_date",
        until,
    ).select_related("case")
    return [_deadline("Review the registration", r, r.label) for r in registrations]


@deadline_source("risk.significant_changes")
def significant_changes(owner_ids, today, until=None):
    """A review per case with changes since its latest RoSH assessment, due a few working
    days after the first of them; gone once an assessment is made on or after it. A case
    with no assessment yet is left to its first one, which takes every change into account."""
    changes = (
        SignificantChange.objects.filter(case__practitioner_id__in=owner_ids)
        .annotate(assessed_on=_latest_rosh("assessed_on"))
        .filter(happened_on__gt=F("assessed_on"))
        .select_related("case")
        .order_by("case_id", "happened_on", "id")
    )
    # The due date is never before the change, so a change after ``until`` cannot be due by it.
    changes = due_until(changes, "happened_on", until)
    by_case: dict[int, list[SignificantChange]] = {}
    for change in changes:
        by_case.setdefault(change.case_id, []).append(change)
    deadlines = []
    for found in by_case.values():
        first = found[0]
        deadlines.append(
            Deadline(
                kind=SIGNIFICANT_CHANGE,
                owner_id=first.case.practitioner_id,
                due=rosh.significant_change_review_due(
                    first.kind, first.happened_on, first.assessed_on
                ),
                view="risk:case-risk",
                args=(first.case.crn,),
                crn=first.case.crn,
                name=first.case.listed_name,
                detail="; ".join(
                    f"{c.get_kind_display()} {c.happened_on:%-d %b %Y}" for c in found
                ),
                anchor="#significant-changes",
            )
        )
    return deadlines
