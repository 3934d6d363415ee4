"""Turning an assessment's predictor inputs into scores with the rules modules.

Scores are always computed, never typed: the form collects the criminal-history inputs and
this module resolves the offence code and runs OGRS3, keeping each term's contribution so the
case page can show why the score is what it is.
"""

import datetime as dt
from typing import Any

from desist.rules import actuarial, ogrs3

TERM_LABELS = {
    ogrs3.TERM_AGE_GENDER: "Age and gender",
    ogrs3.TERM_CONVICTION_STATUS: "First or repeat sanction",
    ogrs3.TERM_COPAS: "Rate of offending (Copas rate)",
    ogrs3.TERM_OFFENCE: "Current offence",
}
SEX = {"M": actuarial.Sex.MALE, "F": actuarial.Sex.FEMALE}


class NotScorable(ValueError):
    """Inputs the predictors cannot score; the message is fit to show the practitioner."""


def score(*, case, assessed_on: dt.date, inputs: dict[str, Any]) -> dict[str, Any]:
    """The model fields of a PredictorScores row for these inputs (dates as ISO text)."""
    if case.gender not in SEX:
        raise NotScorable("OGRS3 needs the person's sex to be recorded as male or female")
    try:
        offence = ogrs3.ogrs3_offence_for_code(inputs["offence_code"])
        result = ogrs3.ogrs3(
            ogrs3.Ogrs3Input(
                sex=SEX[case.gender],
                date_of_birth=case.date_of_birth,
                conviction_date=dt.date.fromisoformat(inputs["conviction_date"]),
                start_of_follow_up=dt.date.fromisoformat(inputs["start_of_follow_up"]),
                total_sanctions=inputs["total_sanctions"],
                age_at_first_sanction=inputs["age_at_first_sanction"],
                offence=offence,
            )
        )
    except ValueError as error:  # OffenceNotScorable is a ValueError too
        message = str(error)
        raise NotScorable(message[:1].upper() + message[1:]) from None
    return {
        "inputs": inputs,
        "ogrs3_one_year": result.one_year,
        "ogrs3_two_year": result.two_year,
        "ogrs3_band": result.band.value,
        "ogrs3_terms": [
            {"name": TERM_LABELS[t.name], "value": round(t.value, 4)} for t in result.terms
        ],
    }
