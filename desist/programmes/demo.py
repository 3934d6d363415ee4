"""Programmes in the demo: demo.po's people with a programme requirement are referred; most
are found suitable and placed in a Building Choices group that demo.facilitator leads, which
meets today's weekday and has held three sessions (one acceptable absence left to make up);
two wait on the waitlist, one not yet assessed. No unacceptable absence is added, so the
demo's enforcement stays as desist.enforcement.demo set it."""

from datetime import time, timedelta

from django.utils import timezone

from desist.organisation.models import Office
from desist.programmes import selectors, services
from desist.programmes.constants import PROGRAMME_CATEGORY
from desist.programmes.models import Programme, Referral
from desist.sentences.models import Event, Requirement
from desist.sentences.services import RuleBroken, requirement_add
from desist.supervision.constants import Outcome

MEMBERS = 6


def _requirements(po) -> list[Requirement]:
    """One programme requirement for each of some of demo.po's people not yet referred (the
    seed places most of them already): seeded ones first, topped up on their community orders."""
    referred = Referral.objects.filter(case__practitioner=po).values("case_id")
    by_case = {
        r.event.case_id: r
        for r in Requirement.objects.filter(
            category=PROGRAMME_CATEGORY, event__active=True, event__case__practitioner=po
        )
        .exclude(event__case_id__in=referred)
        .select_related("event__case")
    }
    orders = (
        Event.objects.filter(case__practitioner=po, active=True, sentence_type__in=["CO", "SSO"])
        .exclude(case_id__in=list(by_case))
        .exclude(case_id__in=referred)
    )
    for event in orders.select_related("case").order_by("case_id"):
        if len(by_case) >= MEMBERS + 4:
            break
        try:
            by_case[event.case_id] = requirement_add(
                event=event, by=po, category=PROGRAMME_CATEGORY, length=21
            )
        except (RuleBroken, ValueError):
            continue
    return list(by_case.values())[: MEMBERS + 4]


def seed_programmes_demo(*, facilitator, po) -> None:
    programme = Programme.objects.get(code="BC")
    requirements = _requirements(po)
    referrals = [
        services.referral_create(
            case=r.event.case, by=po, programme=programme, requirement=r, notes=""
        )
        for r in requirements
    ]
    placed = []
    for referral in referrals[:-1]:
        placed.append(
            services.suitability_record(
                referral=referral, version=referral.version, by=facilitator, suitable=True
            )
        )
    office = Office.objects.filter(pdu=facilitator.team.pdu).first() or Office.objects.first()
    if office is None or not placed:
        return
    today = timezone.localdate()
    group = services.group_create(
        by=facilitator,
        programme=programme,
        name=f"{today:%A} mornings",
        office=office,
        weekdays=[today.weekday()],
        start_time=time(9, 30),
        first_date=today - timedelta(days=21),
        evenings_allowed=False,
        lead_facilitator=facilitator,
        cover_facilitator=None,
        capacity=12,
    )
    members = []
    for referral in placed:  # those free at the group's times, as a facilitator would find
        if len(members) == MEMBERS:
            break
        try:
            services.members_allocate(group=group, referrals=[referral], by=facilitator)
        except services.ProgrammeError:
            continue
        members.append(referral)
    for n, session in enumerate(group.sessions.filter(starts_at__date__lt=today)):
        rows = selectors.session_register(facilitator, session)
        entries = []
        for m, row in enumerate(rows):
            absent = n == 1 and m == 0
            entries.append(
                {
                    "attendance": row,
                    "outcome": Outcome.ACCEPTABLE_MEDICAL if absent else Outcome.ATTENDED_COMPLIED,
                    "notes": "Fit note seen" if absent else "",
                    "version": row.appointment.version,
                    "concern": n == 2 and m == 1,
                    "concern_notes": "Said he has been drinking again since losing his job",
                }
            )
        services.register_record(
            session=session,
            version=session.version,
            by=facilitator,
            notes="Session delivered as planned",
            entries=entries,
        )
