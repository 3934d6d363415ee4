"""Risk's deadlines: the latest RoSH assessment's review date, and each active registration's
review date (rules.md §6: review at set intervals and on significant change)."""

from django.db.models import OuterRef, Subquery

from desist.oversight.deadlines import Deadline, deadline_source, due_until
from desist.risk.models import ACTIVE, Registration, RoshAssessment


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


@deadline_source("risk.rosh_reviews")
def rosh_reviews(owner_ids, today, until=None):
    """Only each case's latest assessment: an older one's review date was met by the newer."""
    latest = (
        RoshAssessment.objects.filter(case=OuterRef("case"))
        .order_by("-assessed_on", "-id")
        .values("pk")[:1]
    )
    assessments = due_until(
        RoshAssessment.objects.filter(case__practitioner_id__in=owner_ids, pk=Subquery(latest)),
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
