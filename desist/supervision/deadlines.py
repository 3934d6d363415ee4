"""Supervision's deadlines: appointments that have happened and still wait for an outcome.

An outcome is due on the day of the appointment, so any missing from an earlier day is
overdue: an absence left unrecorded cannot be enforced (practice rules §3).

Appointments starting before the end of tomorrow are given with the time they start, from
which the action shows: stored actions are recomputed each day (desist.oversight.actions),
so an appointment this afternoon needs no recomputation to fall due."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from desist.oversight.deadlines import Deadline, deadline_source
from desist.supervision.models import Appointment


@deadline_source("supervision.missing_outcomes")
def missing_outcomes(owner_ids, today, until=None):
    appointments = (
        Appointment.objects.filter(
            case__practitioner_id__in=owner_ids,
            outcome="",
            cancelled_at__isnull=True,
            starts_at__lt=timezone.make_aware(
                datetime.combine(today + timedelta(days=2), time.min)
            ),
        )
        .select_related("case")
        .only(
            "type",
            "starts_at",
            "case__crn",
            "case__first_name",
            "case__last_name",
            "case__practitioner_id",
        )
        .order_by("starts_at")
    )
    return [
        Deadline(
            kind="Record an outcome",
            owner_id=a.case.practitioner_id,
            due=timezone.localdate(a.starts_at),
            view="supervision:appointment-outcome",
            args=(
                a.case.crn,
                a.pk,
            ),
            crn=a.case.crn,
            name=a.case.listed_name,
            detail=f"{a.get_type_display()} on {timezone.localtime(a.starts_at):%-d %b %Y, %H:%M}",
            shows_at=a.starts_at,
        )
        for a in appointments
    ]
