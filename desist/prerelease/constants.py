"""Choices for resettlement: the pathways and need statuses of desist.rules.pre_release as form
and model choices, and the accommodation a person can go out to."""

from desist.interventions.constants import Accommodation
from desist.rules.pre_release import NEED_STATUS_LABELS, PATHWAY_LABELS

PATHWAY_CHOICES = [(p.value, label) for p, label in PATHWAY_LABELS.items()]
NEED_STATUS_CHOICES = [(s.value, label) for s, label in NEED_STATUS_LABELS.items()]
# Where a person goes on release, in the words of their accommodation history
# (desist.interventions): custody is where they are leaving, not where they go.
RELEASE_ACCOMMODATION_CHOICES = [
    (value, label) for value, label in Accommodation.choices if value != Accommodation.CUSTODY
]
