"""Licence conditions: the standard set every licence carries, and the additional conditions a
practitioner may ask for, with the facts each one needs and who it may be given to.

Pure functions; no Django.

Sources (as summarised in the practice notes, rules.md sections 2 and 5):

- Criminal Justice Act 2003 s.250; the Criminal Justice (Sentencing) (Licence Conditions)
  Order 2015 (SI 2015/337) art.3 (the seven standard conditions) and art.7 (the categories of
  additional condition, each to be necessary and proportionate).
- MoJ create-and-vary-a-licence policy v4.0 (PolicyV4.kt), which splits and extends the
  standard set: nine conditions, adding the passport condition.
- Offender Management Act 2007 s.28: polygraph conditions only for people aged 18 or over
  serving 12 months or more for a relevant sexual or terrorist offence.
- Victims' Code and the Victim Contact Scheme guidance (2022): victims may make
  representations on conditions that relate to them, so those conditions are flagged for
  the victim liaison officer.
"""

from __future__ import annotations

from dataclasses import dataclass

from desist.rules.requirements import Problem

__all__ = [
    "ADDITIONAL_CATEGORIES",
    "POLYGRAPH_OFFENCES",
    "STANDARD_CONDITIONS",
    "AdditionalCategory",
    "ConditionFacts",
    "condition_problems",
]

STANDARD_CONDITIONS: tuple[tuple[str, str], ...] = (
    ("BEHAVE", "Be well behaved, not undermine the purpose of the licence, commit no offence"),
    ("KEEP_IN_TOUCH", "Keep in touch with the supervising officer as instructed"),
    ("VISITS", "Receive visits from the supervising officer, including at home"),
    ("ADDRESS", "Live at an approved address; get permission to stay a night or more elsewhere"),
    ("WORK", "Do only approved work, and tell the supervising officer in advance"),
    ("TRAVEL", "Not travel outside the UK, Channel Islands or Isle of Man without permission"),
    ("NAMES", "Tell the supervising officer of any other name used"),
    ("CONTACT_DETAILS", "Tell the supervising officer of any change to contact details"),
    ("PASSPORT", "Get permission before applying for a passport, and disclose any held"),
)


@dataclass(frozen=True)
class AdditionalCategory:
    code: str
    name: str
    needs: tuple[str, ...] = ()  # the facts the condition cannot be written without
    victim_related: bool = False  # victims may make representations on it


ADDITIONAL_CATEGORIES: dict[str, AdditionalCategory] = {
    c.code: c
    for c in (
        AdditionalCategory("RESIDENCE", "Residence at a specific place", ("address",)),
        AdditionalCategory("RESTRICT_RESIDENCY", "Restriction of residency", ("address",)),
        AdditionalCategory(
            "VICTIM_CONTACT", "No contact with the victim", ("named_person",), victim_related=True
        ),
        AdditionalCategory("NAMED_CONTACT", "No contact with a named person", ("named_person",)),
        AdditionalCategory("CHILDREN", "No unsupervised contact with children"),
        AdditionalCategory("PROGRAMMES", "Programmes or activities"),
        AdditionalCategory("ITEMS", "Possession of items or documents"),
        AdditionalCategory("DISCLOSURE", "Disclosure of information"),
        AdditionalCategory("CURFEW", "Curfew arrangement", ("address", "times")),
        AdditionalCategory(
            "EXCLUSION_ZONE",
            "Freedom of movement: exclusion zone",
            ("exclusion_zone",),
            victim_related=True,
        ),
        AdditionalCategory("SUPERVISION", "Supervision in the community", ("times",)),
        AdditionalCategory("CONDUCT", "Restriction of conduct"),
        AdditionalCategory("EXTREMISM", "Extremism"),
        AdditionalCategory("TERRORIST_SEARCH", "Terrorist personal search"),
        AdditionalCategory("ORGANISED_CRIME", "Serious organised crime"),
        AdditionalCategory("POLYGRAPH", "Polygraph"),
        AdditionalCategory("DRUG_TESTING", "Drug testing"),
        AdditionalCategory("DRUG_APPOINTMENT", "Drug appointment", ("times",)),
        AdditionalCategory("EM", "Electronic monitoring"),
    )
}
NEEDS_LABEL = {
    "address": "an address",
    "times": "the times",
    "named_person": "the person's name",
    "exclusion_zone": "a description of the exclusion zone",
}
POLYGRAPH_OFFENCES = frozenset({"SEXUAL", "TERRORISM"})


@dataclass(frozen=True)
class ConditionFacts:
    """What the validation needs to know about the person and the sentence."""

    age_at_sentence: int
    term_days: int
    offence_categories: frozenset[str]


def condition_problems(
    code: str, *, inputs: dict[str, str], facts: ConditionFacts
) -> list[Problem]:
    """Everything wrong with adding this additional condition."""
    category = ADDITIONAL_CATEGORIES.get(code)
    if category is None:
        return [Problem("category", "Select a condition")]
    problems = [
        Problem(need, f"Enter {NEEDS_LABEL[need]}")
        for need in category.needs
        if not inputs.get(need, "").strip()
    ]
    if code == "POLYGRAPH" and not (
        facts.age_at_sentence >= 18
        and facts.term_days >= 365
        and facts.offence_categories & POLYGRAPH_OFFENCES
    ):
        problems.append(
            Problem(
                "category",
                "A polygraph condition is only for adults serving 12 months or more for a "
                "relevant sexual or terrorist offence",
            )
        )
    return problems
