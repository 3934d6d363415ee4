"""Who may be given a case, how the suggestions are ranked, and how often a case should be seen.

Grade suitability. Probation services officers (band 3) and PQiP learners (employed as band 3
PSOs while they train: practice/rules.md section 9) do not hold cases assessed as very high
risk of serious harm; an SPO may still ask to allocate one as an exception with a reason, which
another SPO countersigns (issue 7: exceptions to allocation rules go to the countersigning
queue), so the decision is evidenced (the "case allocation decision evidencing", CADE, in
practice/vocabulary.md). Source: the HMPPS allocation practice the MoJ allocations service
(hmpps-allocations) reflects. VERIFY the exact grade rules against the current Probation
Operating Model's allocation guidance: some regions also keep high-RoSH cases from PSOs.

Contact timeliness. National Standards (2015) set no minimum contact: it is professional
judgement, with frequency to be configurable per tier (practice/rules.md section 3). The
intervals below are Desist's default expectations by the tier's protect letter, for the team
page's "seen within the expected interval" figure only. VERIFY with the region's practice
framework before managers rely on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

VERY_HIGH_ROSH = "VERY_HIGH"
#: Grades that do not hold very high RoSH cases without a recorded exception.
GRADES_NOT_FOR_VERY_HIGH_ROSH = frozenset({"PSO", "PQIP"})


@dataclass(frozen=True)
class Suitability:
    suitable: bool
    reason: str = ""  # why not, in words the SPO records the exception against


def grade_suitability(grade: str | None, rosh: str | None) -> Suitability:
    """A PSO or PQiP learner is not suitable for a very high RoSH case; everyone else is."""
    grade_key = (grade or "").upper()
    if rosh == VERY_HIGH_ROSH and grade_key in GRADES_NOT_FOR_VERY_HIGH_ROSH:
        who = "A PQiP learner" if grade_key == "PQIP" else "A probation services officer"
        return Suitability(
            False,
            f"{who} does not hold very high risk of serious harm cases unless another senior "
            "probation officer countersigns an exception with a reason.",
        )
    return Suitability(True)


def needs_exception_reason(suitability: Suitability, exception_reason: str) -> bool:
    """An unsuitable allocation goes ahead only with a reason written down."""
    return not suitability.suitable and not exception_reason.strip()


@dataclass(frozen=True)
class Candidate:
    """What the ranking looks at for one practitioner."""

    staff_id: int
    suitable: bool
    held_before: bool
    capacity_after: Decimal
    has_available_points: bool = True


def rank_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """Suitable first; then someone who held the case before (continuity for the person);
    then whoever is least loaded after taking it. Practitioners with no available points at
    all (0 points, e.g. 0 contracted hours) go last, since their 0% is not spare capacity."""
    return sorted(
        candidates,
        key=lambda c: (
            not c.suitable,
            not c.has_available_points,
            not c.held_before,
            c.capacity_after,
            c.staff_id,
        ),
    )


#: Days between contacts expected by the tier's protect letter (A highest). VERIFY.
EXPECTED_CONTACT_DAYS = {"A": 7, "B": 14, "C": 28, "D": 42}
#: Untiered cases are expected to be seen as often as the middle of the range. VERIFY.
UNTIERED_CONTACT_DAYS = 28


def expected_contact_days(tier: str | None) -> int:
    """The interval for a v2 tier such as "B2" (or "B2S"); untiered cases use the default."""
    if tier and tier[0] in EXPECTED_CONTACT_DAYS:
        return EXPECTED_CONTACT_DAYS[tier[0]]
    return UNTIERED_CONTACT_DAYS


def seen_in_time(tier: str | None, last_seen: date | None, today: date) -> bool:
    """Whether the case was seen within its expected interval up to today."""
    return last_seen is not None and (today - last_seen).days <= expected_contact_days(tier)


def share_percent(part: int, whole: int) -> int:
    """A whole-number percentage for the team page; 0 when there is nothing to count."""
    return round(100 * part / whole) if whole else 0
