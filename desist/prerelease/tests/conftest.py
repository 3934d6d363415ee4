from datetime import date, timedelta

import pytest

from desist.accounts.roles import Role
from desist.prerelease.demo import OFFENCE, TERM_MONTHS, sentence_date_for_release
from desist.sentences.models import Event, Offence
from desist.sentences.selectors import event_release_dates
from desist.sentences.services import expected_end


@pytest.fixture
def make_custody():
    """A 2-year custodial sentence whose release falls ``release_in`` days from today (or the
    day before, where the release fraction rounds): whatever release law is in force."""

    def make(case, *, release_in=30, number=1):
        today = date.today()
        sentenced = sentence_date_for_release(
            case, release_on=today + timedelta(days=release_in), today=today
        )
        event = Event.objects.create(
            case=case,
            number=number,
            sentence_type="SDS",
            sentence_date=sentenced,
            conviction_date=sentenced,
            length=TERM_MONTHS,
            length_unit="M",
        )
        Offence.objects.create(
            event=event, main=True, offence_date=sentenced - timedelta(days=30), **OFFENCE
        )
        event.expected_end = expected_end(event, case.date_of_birth)
        event.save(update_fields=["expected_end"])
        event.release_date = event_release_dates(
            event, date_of_birth=case.date_of_birth, as_at=today
        ).release_date
        return event

    return make


@pytest.fixture
def pre_release_officer(make_staff):
    return make_staff("prerelease", Role.PRE_RELEASE_OFFICER)
