"""Demo data for the home page and management oversight: the demo probation officer's day
(appointments today, an outcome overdue, a newly allocated case), the demo SPO's weekly
meetings with them, and a PQiP learner's RoSH assessment waiting to be countersigned.
Seeding, not practice: rows are written directly where the services would refuse a date in
the past."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from desist.oversight import services
from desist.oversight.models import Oversight, WeeklyMeeting
from desist.people.models import Allocation, Case
from desist.risk.services import LEVEL_FIELDS, rosh_record
from desist.supervision.models import Appointment


def _at(day, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def seed_oversight(*, po, spo, pqip) -> None:
    today = timezone.localdate()
    cases = list(Case.objects.filter(practitioner=po, restricted=False).order_by("id")[:6])
    if len(cases) < 6:
        return
    for case, hour in zip(cases[:2], (10, 14), strict=True):
        Appointment.objects.create(
            case=case, practitioner=po, type="OFFICE", starts_at=_at(today, hour, 15)
        )
    Appointment.objects.create(
        case=cases[2],
        practitioner=po,
        type="HOME",
        address="12 Tyne Street",
        starts_at=_at(today - timedelta(days=2), 11),
    )
    # A case the SPO allocated to the officer yesterday: the home page's alert.
    now = timezone.now()
    Allocation.objects.filter(case=cases[3], ended_at__isnull=True).update(ended_at=now)
    Allocation.objects.create(
        case=cases[3],
        practitioner=po,
        team=cases[3].team,
        started_at=now - timedelta(days=1),
        allocated_by=spo,
        reason="Moved from a colleague's caseload",
    )
    for weeks_ago, discussed, agreed in (
        (2, cases[4:6], "Review both RoSH plans before the next meeting."),
        (1, cases[2:3], "Record outcomes on the day; check home visit bookings."),
    ):
        meeting = services.weekly_meeting_record(
            practitioner=po, cases=list(discussed), agreed=agreed, by=spo
        )
        held = today - timedelta(weeks=weeks_ago)
        WeeklyMeeting.objects.filter(pk=meeting.pk).update(held_on=held)
        Oversight.objects.filter(meeting=meeting).update(recorded_at=_at(held, 9, 30))
    learners = Case.objects.filter(practitioner=pqip, restricted=False).order_by("id").first()
    if learners is not None:
        rosh_record(
            case=learners,
            by=pqip,
            assessed_on=today,
            **dict.fromkeys(LEVEL_FIELDS, "")
            | {"public_community": "MEDIUM", "known_adult_community": "HIGH"},
            nature_of_harm="Threats and violence towards a former partner when drinking.",
            when_most_likely="After drinking, at weekends.",
            increases_risk="Alcohol; contact with the former partner.",
            decreases_risk="Stable accommodation; work.",
            supervision="Weekly appointments; home visit within four weeks.",
            monitoring_and_tests="Police domestic abuse call-out checks every three months.",
            interventions="Building Choices (moderate).",
            victim_safety_planning="Liaise with the IDVA.",
            contingency="Request an urgent police check and review the plan.",
        )
