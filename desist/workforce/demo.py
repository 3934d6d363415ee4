"""Demo data for workload and allocation, built with the same helpers as the tests: cases
waiting in the demo SPO's queue (new from court, due for release, one overdue, one very high
RoSH), a reduction and part-time hours, so the team page shows varied capacity."""

import datetime
from decimal import Decimal

from django.utils import timezone

from desist.organisation.models import Office
from desist.people.services import case_create
from desist.risk.models import CaseRisk
from desist.sentences.models import Event
from desist.workforce.models import QueueSource
from desist.workforce.services import (
    allocation_exception_request,
    queue_for_allocation,
    reduction_add,
    staff_workload_update,
)


def set_risk(case, *, tier="B2", rosh="MEDIUM"):
    CaseRisk.objects.update_or_create(case=case, defaults={"tier_v2": tier, "rosh": rosh})


def add_sentence(case, sentence_type="CO", number=1, sentence_date=None):
    return Event.objects.create(
        case=case,
        number=number,
        sentence_type=sentence_type,
        sentence_date=sentence_date or datetime.date(2026, 11, 20),
        length=12 if sentence_type == "CO" else 24,
        length_unit="M",
    )


# (first name, surname, born, tier, RoSH, sentence, where from, days from today it started)
WAITING = [
    ("Callum", "Reid", datetime.date(1990, 2, 14), "B2", "MEDIUM", "CO", QueueSource.COURT, 0),
    ("Leah", "Foster", datetime.date(1997, 7, 3), "C1", "LOW", "SSO", QueueSource.COURT, -2),
    (
        "Darren",
        "Wilkes",
        datetime.date(1982, 11, 21),
        "A2",
        "VERY_HIGH",
        "SDS",
        QueueSource.RELEASE,
        4,
    ),
    ("Amir", "Hassan", datetime.date(2001, 5, 9), "D1", "LOW", "CO", QueueSource.COURT, -12),
    ("Jade", "Turnbull", datetime.date(1993, 9, 30), "B1", "HIGH", "SDS", QueueSource.RELEASE, 9),
]


def seed_allocation_demo(*, spo, team, po, pso, pqip) -> None:
    today = timezone.localdate()
    waiting = []
    for first, last, born, tier, rosh, sentence, source, offset in WAITING:
        case = case_create(
            by=spo, team=team, first_name=first, last_name=last, date_of_birth=born, gender="M"
        )
        set_risk(case, tier=tier, rosh=rosh)
        starts_on = today + datetime.timedelta(days=offset)
        event = add_sentence(case, sentence, sentence_date=min(starts_on, today))
        waiting.append(
            queue_for_allocation(
                case=case,
                pdu=team.pdu,
                team=team,
                event=event,
                source=source,
                starts_on=starts_on,
                by=spo,
            )
        )
    # One exception for the second SPO to countersign: a very high RoSH case the rules keep
    # from a PSO, asked for because the PSO knows the person from a previous order.
    allocation_exception_request(
        entry=next(e for e in waiting if e.case.last_name == "Wilkes"),
        practitioner=pso,
        rationale="Supervised him on his last order and built a working relationship.",
        reason="Continuity: previous supervisor; the SPO will review the case monthly.",
        by=spo,
    )
    reduction_add(
        staff=po,
        reason="Practice tutor for a PQiP learner",
        hours=Decimal("7.5"),
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=150),
        by=spo,
    )
    office = Office.objects.filter(pdu=team.pdu).order_by("pk").first()
    staff_workload_update(
        staff=pso, version=1, by=spo, contracted_hours=Decimal("22.5"), office=office
    )
    staff_workload_update(staff=po, version=1, by=spo, contracted_hours=None, office=office)
    staff_workload_update(staff=pqip, version=1, by=spo, contracted_hours=None, office=office)
