"""How often a senior probation officer should record management oversight on a case.

Management oversight is the SPO's recorded review of a practitioner's decisions on a case
(vocabulary.md: "Management Oversight" contacts; "touchpoints", the SPO–PP discussion after
allocation). No national minimum frequency is published in the practice notes, so the
intervals below are an interpretation (VERIFY with the PDU's local policy): the higher the
risk of serious harm, or the higher the tier's protect level, the sooner oversight is due.

- RoSH very high: every 4 weeks; RoSH high: every 8 weeks (in step with the MAPPA level 3
  and level 2 review cadences of rules.md §6, 8 and 16 weeks, halved for the higher level;
  VERIFY);
- otherwise tier A or B (protect level, tiering-and-workload.md §1): every 8 weeks;
- everything else (tier C/D, untiered, RoSH not assessed): every 13 weeks, once a quarter;
- a newly allocated case is due its touchpoint within 10 days of allocation (VERIFY), then
  follows its interval.

Sources: shared/practice/vocabulary.md (management oversight, touchpoints), rules.md §6.
"""

from __future__ import annotations

from datetime import date, timedelta

TOUCHPOINT_DAYS = 10
QUARTERLY_DAYS = 91
# RoSH level (as desist.rules.rosh.Level values) → days between oversight records.
INTERVAL_BY_ROSH = {"VERY_HIGH": 28, "HIGH": 56}
# Protect level (first letter of a v2 tier such as "B2") → days between oversight records.
INTERVAL_BY_PROTECT_LEVEL = {"A": 56, "B": 56}


def oversight_interval(*, rosh: str = "", tier: str = "") -> int:
    """Days allowed between two oversight records on a case of this RoSH level and tier."""
    by_rosh = INTERVAL_BY_ROSH.get(rosh)
    by_tier = INTERVAL_BY_PROTECT_LEVEL.get(tier[:1].upper())
    return min(d for d in (by_rosh, by_tier, QUARTERLY_DAYS) if d is not None)


def oversight_due(
    *, last_oversight: date | None, allocated_on: date | None, rosh: str = "", tier: str = ""
) -> date | None:
    """When oversight is next due: the interval after the last record, or the touchpoint after
    allocation if there has been none since the case was allocated. None if unallocated."""
    if last_oversight is not None and (allocated_on is None or last_oversight >= allocated_on):
        return last_oversight + timedelta(days=oversight_interval(rosh=rosh, tier=tier))
    if allocated_on is None:
        return None
    return allocated_on + timedelta(days=TOUCHPOINT_DAYS)
