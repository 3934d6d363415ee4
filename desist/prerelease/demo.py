"""Pre-release work in the demo: five of demo.po's people in custody, due out over the next
twelve weeks, with resettlement needs recorded by demo.prerelease on some of them, so the
worklist has something in each state and demo.po's home page has pre-release actions."""

from datetime import date, timedelta

from desist.organisation.models import Court, Prison
from desist.people.models import Case
from desist.prerelease.services import resettlement_record
from desist.rules.pre_release import Pathway
from desist.sentences.models import Event, Offence
from desist.sentences.selectors import event_release_dates
from desist.sentences.services import event_create

OFFENCE = {"code": "04600", "description": "Theft from a shop", "category": "THEFT"}
TERM_MONTHS = 24


def sentence_date_for_release(case: Case, *, release_on: date, today: date) -> date:
    """The sentence date that brings a 2-year sentence for theft out on ``release_on`` (or the
    day before, where the fraction rounds) under whatever release law is in force then."""
    sentenced = release_on - timedelta(days=200)  # never out sooner than a third of the term
    while True:
        event = Event(
            sentence_type="SDS", sentence_date=sentenced, length=TERM_MONTHS, length_unit="M"
        )
        event.main_offence_list = [Offence(offence_date=sentenced - timedelta(days=30), **OFFENCE)]
        dates = event_release_dates(event, date_of_birth=case.date_of_birth, as_at=today)
        if dates.release_date <= release_on:
            return sentenced
        sentenced -= timedelta(days=1)


def custody_released_on(case: Case, *, by, court, release_on: date, today: date) -> Event:
    sentenced = sentence_date_for_release(case, release_on=release_on, today=today)
    return event_create(
        case=case,
        by=by,
        court=court,
        offence={**OFFENCE, "offence_date": sentenced - timedelta(days=30)},
        sentence_type="SDS",
        sentence_date=sentenced,
        conviction_date=sentenced,
        length=TERM_MONTHS,
        length_unit="M",
    )


def seed_prerelease_demo(*, prerelease, po) -> None:
    today = date.today()
    region_id = prerelease.team.pdu.region_id
    court = Court.objects.filter(region_id=region_id).first()
    prison = Prison.objects.filter(region_id=region_id).first()
    cases = Case.objects.filter(
        practitioner=po, restricted=False, team__pdu__region_id=region_id
    ).order_by("crn")[:5]
    events = [
        custody_released_on(
            case, by=po, court=court, release_on=today + timedelta(weeks=weeks), today=today
        )
        for case, weeks in zip(cases, (3, 5, 7, 9, 11), strict=False)
    ]
    plans = [
        # Ready but for the first appointment: everything assessed, the address confirmed.
        {
            "needs": dict.fromkeys(Pathway, ("NO_NEED", ""))
            | {Pathway.ACCOMMODATION: ("RESOLVED", "Returning to his mother's flat")},
            "release_address": "14 Byker Terrace, Newcastle NE6 1AB",
            "release_accommodation": "SETTLED",
            "address_confirmed": True,
            "licence_proposed_on": today - timedelta(days=3),
        },
        # Needs found and referrals made, the address not yet confirmed.
        {
            "needs": {
                Pathway.ACCOMMODATION: ("REFERRED", "Referred to CAS3; awaiting an offer"),
                Pathway.IDENTITY: ("NEED", "No birth certificate or bank account"),
                Pathway.DRUGS_ALCOHOL: ("REFERRED", "Recovery First to meet at the gate"),
                Pathway.HEALTH: ("NO_NEED", ""),
            },
            "release_address": "",
            "release_accommodation": "CAS3",
            "address_confirmed": False,
            "licence_proposed_on": None,
        },
        # Screening started on reception.
        {
            "needs": {Pathway.WORK: ("NEED", "Wants a CSCS card for building sites")},
            "release_address": "",
            "release_accommodation": "",
            "address_confirmed": False,
            "licence_proposed_on": None,
        },
    ]
    for event, details in zip(events[1:], plans, strict=False):
        resettlement_record(event=event, version=0, by=prerelease, prison=prison, **details)
