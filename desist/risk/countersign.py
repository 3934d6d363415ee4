"""Risk work waiting for a senior probation officer: a PQiP learner's RoSH assessment (the
latest on its case) until the SPO countersigns it.

RoSH assessments are never edited, so they carry no approval state of their own: the SPO
countersigns by recording management oversight on the case with the reason "Countersigning"
(desist.oversight), and an assessment is waiting while no such record follows it."""

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from desist.accounts.models import Grade
from desist.oversight.constants import OversightReason
from desist.oversight.countersign import AwaitingCountersignature, countersign_source
from desist.oversight.models import Oversight
from desist.risk.models import RoshAssessment


@countersign_source("risk.learners_rosh")
def learners_rosh(team_ids, today):
    latest = (
        RoshAssessment.objects.filter(case=OuterRef("case"))
        .order_by("-assessed_on", "-id")
        .values("pk")[:1]
    )
    countersigned = Oversight.objects.filter(
        case=OuterRef("case"),
        reason=OversightReason.COUNTERSIGN,
        recorded_at__gte=OuterRef("created_at"),
    )
    assessments = (
        RoshAssessment.objects.filter(
            pk=Subquery(latest),
            assessed_by__grade=Grade.PQIP,
            assessed_by__team_id__in=team_ids,
        )
        .exclude(Exists(countersigned))
        .select_related("case")
    )
    return [
        AwaitingCountersignature(
            kind="RoSH assessment by a PQiP learner",
            requested_by_id=a.assessed_by_id,
            requested_on=timezone.localdate(a.created_at),
            url=reverse("oversight:record", args=[a.case.crn]) + "?reason=COUNTERSIGN",
            crn=a.case.crn,
            name=a.case.listed_name,
            detail=f"{a.get_overall_display()} RoSH, assessed {a.assessed_on:%-d %b %Y}",
        )
        for a in assessments
    ]
