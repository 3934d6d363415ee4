import datetime

import pytest

from desist.sentences.models import Event, Requirement


@pytest.fixture
def make_event():
    def make(case, number=1, sentence_type="CO", requirements=("RAR",), active=True):
        event = Event.objects.create(
            case=case,
            number=number,
            sentence_type=sentence_type,
            sentence_date=datetime.date(2026, 1, 5),
            conviction_date=datetime.date(2026, 1, 5),
            length=12,
            length_unit="M",
            active=active,
        )
        for category in requirements:
            Requirement.objects.create(event=event, category=category, length=10)
        return event

    return make


@pytest.fixture
def event(case, make_event):
    return make_event(case)


# Every scored question at its worst: each banded section severe.
SEVERE = {
    "noFixedAbodeOrTransient": "YES",
    "suitabilityOfAccommodation": "SIGNIFICANT",
    "permanenceOfAccommodation": "SIGNIFICANT",
    "locationOfAccommodation": "SIGNIFICANT",
    "unemployed": "SIGNIFICANT",
    "employmentHistory": "SIGNIFICANT",
    "workRelatedSkills": "SIGNIFICANT",
    "attitudeToEmployment": "SIGNIFICANT",
    "relCloseFamily": "SIGNIFICANT",
    "experienceOfChildhood": "SIGNIFICANT",
    "prevCloseRelationships": "SIGNIFICANT",
    "regActivitiesEncourageOffending": "SIGNIFICANT",
    "easilyInfluenced": "SIGNIFICANT",
    "recklessness": "SIGNIFICANT",
    "currentDrugNoted": "SIGNIFICANT",
    "everInjectedDrugs": "CURRENTLY",
    "motivationToTackleDrugMisuse": "SIGNIFICANT",
    "drugsMajorActivity": "SIGNIFICANT",
    "currentUse": "SIGNIFICANT",
    "bingeDrinking": "SIGNIFICANT",
    "frequencyAndLevel": "SIGNIFICANT",
    "alcoholTackleMotivation": "SIGNIFICANT",
    "recogniseProblems": "SIGNIFICANT",
    "problemSolvingSkills": "SIGNIFICANT",
    "awarenessOfConsequences": "SIGNIFICANT",
    "understandsViewsOfOthers": "SIGNIFICANT",
    "proCriminalAttitudes": "SIGNIFICANT",
    "attitudesTowardsSupervision": "SIGNIFICANT",
    "attitudesTowardsCommunitySociety": "SIGNIFICANT",
    "motivationToAddressBehaviour": "SIGNIFICANT",
}
