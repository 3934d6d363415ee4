"""Pre-release work for a person in custody: the resettlement pathways and when each task is due.

Pure functions; no Django. Every due date counts back from the release date (the CRD, or the
ARD where there is no licence), so a recalculated release date moves the tasks with it. A task
is done when the record shows it (every pathway assessed, an address confirmed, an
appointment booked), never ticked by hand.

Sources (as summarised in the practice notes, rules.md section 7):

- HMPPS Pre-release and Resettlement Policy Framework (Sept 2022): needs are screened on
  reception and resettlement is planned **12 weeks (84 days) before release**; the MoJ
  resettlement-passport service lists people "released within 84 days".
- The same notes: the address and licence must be approved before release, and a person with
  no approved address 28 days before release is escalated.
- Pathways: the MoJ resettlement-passport service's seven (accommodation; attitudes, thinking
  and behaviour; children, families and community; drugs and alcohol; education, skills and
  work; finance and ID; health), with finance and identity split as the 2004 list split
  finance out. Attitudes, thinking and behaviour is left to the sentence plan, which assesses
  it (desist.rules.needs).

Where the notes are silent these are our choices, configurable here:

- a sentence too short for the 84-day point is screened within 3 days of sentence (the basic
  custody screen was done within 72 hours of reception; VERIFY);
- the release plan and proposed licence conditions go to the prison 42 days (6 weeks) before
  release, leaving time for the prison to approve the licence;
- the first appointment after release is booked 7 days before release, so the licence can
  tell the person where to report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

PLAN_LEAD = timedelta(days=84)
SCREEN_AFTER_SENTENCE = timedelta(days=3)
LICENCE_LEAD = timedelta(days=42)
ADDRESS_LEAD = timedelta(days=28)
APPOINTMENT_LEAD = timedelta(days=7)
# The earliest any task falls due before release: a source asks only for releases this close
# to the last due date it wants.
LONGEST_LEAD = max(PLAN_LEAD, LICENCE_LEAD, ADDRESS_LEAD, APPOINTMENT_LEAD)


class Pathway(StrEnum):
    ACCOMMODATION = "ACCOMMODATION"
    WORK = "WORK"
    HEALTH = "HEALTH"
    DRUGS_ALCOHOL = "DRUGS_ALCOHOL"
    FINANCE = "FINANCE"
    IDENTITY = "IDENTITY"
    FAMILY = "FAMILY"


PATHWAY_LABELS = {
    Pathway.ACCOMMODATION: "Accommodation",
    Pathway.WORK: "Education, training and employment",
    Pathway.HEALTH: "Health (physical and mental)",
    Pathway.DRUGS_ALCOHOL: "Drugs and alcohol",
    Pathway.FINANCE: "Finance, benefits and debt",
    Pathway.IDENTITY: "Identity documents and bank account",
    Pathway.FAMILY: "Children, families and community",
}


class NeedStatus(StrEnum):
    NO_NEED = "NO_NEED"
    NEED = "NEED"
    REFERRED = "REFERRED"
    RESOLVED = "RESOLVED"


NEED_STATUS_LABELS = {
    NeedStatus.NO_NEED: "No need",
    NeedStatus.NEED: "Need identified",
    NeedStatus.REFERRED: "Referred",
    NeedStatus.RESOLVED: "Resolved",
}
# A need still to be met before release: identified, or referred and not yet resolved.
OPEN_NEEDS = frozenset({NeedStatus.NEED, NeedStatus.REFERRED})


@dataclass(frozen=True)
class NeedsSummary:
    assessed: int
    outstanding: int  # pathways not yet assessed
    open_needs: int

    @property
    def complete(self) -> bool:
        return self.outstanding == 0


def needs_summary(statuses: dict[str, str]) -> NeedsSummary:
    """How far the assessment has got: ``statuses`` maps pathway to status (blank or absent:
    not assessed yet)."""
    assessed = [statuses[p] for p in Pathway if statuses.get(p)]
    return NeedsSummary(
        assessed=len(assessed),
        outstanding=len(Pathway) - len(assessed),
        open_needs=sum(1 for s in assessed if s in OPEN_NEEDS),
    )


class Task(StrEnum):
    SCREEN = "Assess resettlement needs"
    LICENCE = "Propose the release plan and licence conditions"
    ADDRESS = "Confirm the address on release"
    FIRST_APPOINTMENT = "Book the first appointment after release"


@dataclass(frozen=True)
class Progress:
    """What the record shows so far for one custodial sentence."""

    needs_assessed: bool = False
    licence_proposed: bool = False
    address_confirmed: bool = False
    first_appointment_booked: bool = False


@dataclass(frozen=True)
class TaskDue:
    task: Task
    due: date
    done: bool


def screening_due(*, sentence_date: date, release_date: date) -> date:
    """When the plan opens, 84 days before release; a shorter stay is screened just after
    sentence (never later than release)."""
    plan_opens = release_date - PLAN_LEAD
    if plan_opens >= sentence_date + SCREEN_AFTER_SENTENCE:
        return plan_opens
    return min(sentence_date + SCREEN_AFTER_SENTENCE, release_date)


def tasks(*, sentence_date: date, release_date: date, progress: Progress) -> list[TaskDue]:
    """The pre-release tasks for one sentence, in the order they fall due. A due date never
    falls before the sentence date: work cannot be due before the person is sentenced."""

    def not_before_sentence(day: date) -> date:
        return max(day, sentence_date)

    return sorted(
        [
            TaskDue(
                Task.SCREEN,
                screening_due(sentence_date=sentence_date, release_date=release_date),
                progress.needs_assessed,
            ),
            TaskDue(
                Task.LICENCE,
                not_before_sentence(release_date - LICENCE_LEAD),
                progress.licence_proposed,
            ),
            TaskDue(
                Task.ADDRESS,
                not_before_sentence(release_date - ADDRESS_LEAD),
                progress.address_confirmed,
            ),
            TaskDue(
                Task.FIRST_APPOINTMENT,
                not_before_sentence(release_date - APPOINTMENT_LEAD),
                progress.first_appointment_booked,
            ),
        ],
        key=lambda t: (t.due, list(Task).index(t.task)),
    )


def outstanding(
    *, sentence_date: date, release_date: date, progress: Progress, today: date
) -> list[TaskDue]:
    """Tasks still to do while the person is in custody; after release they are history."""
    if release_date < today:
        return []
    return [
        t
        for t in tasks(sentence_date=sentence_date, release_date=release_date, progress=progress)
        if not t.done
    ]
