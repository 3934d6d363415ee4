import datetime

import pytest

from desist.organisation.models import Court
from desist.sentences import services


@pytest.fixture
def court(region):
    return Court.objects.create(code="C1", name="Newcastle Magistrates' Court", region=region)


@pytest.fixture
def make_event(court, officer):
    """An event with its main offence, sentenced as asked (a 12-month community order unless
    told otherwise)."""

    def make(case, *, offence=None, **sentence):
        sentence = {
            "conviction_date": datetime.date(2026, 3, 2),
            "sentence_type": "CO",
            "sentence_date": datetime.date(2026, 4, 1),
            "length": 12,
            "length_unit": "M",
            **sentence,
        }
        offence = {
            "code": "10501",
            "description": "Common assault",
            "category": "VIOLENCE",
            "offence_date": datetime.date(2026, 1, 10),
            **(offence or {}),
        }
        return services.event_create(
            case=case, by=officer, court=court, offence=offence, **sentence
        )

    return make
