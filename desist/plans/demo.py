"""Needs and sentence plans in the demo: three of the demo probation officer's cases get a
completed needs assessment (so their tier reads the needs), a sentence plan with objectives
linked to those needs, and one of them a timeline and a worksheet from a session."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from desist.people.models import Case
from desist.plans import services
from desist.plans.constants import ActionOwner, Progress, ToolKind
from desist.rules.needs import SECTIONS
from desist.sentences.constants import SentenceType
from desist.sentences.models import Event

# Three people with different pictures of need: housing and drugs; work and attitudes; none.
PICTURES = (
    {
        "noFixedAbodeOrTransient": "YES",
        "suitabilityOfAccommodation": "SIGNIFICANT",
        "permanenceOfAccommodation": "SIGNIFICANT",
        "locationOfAccommodation": "SOME",
        "currentDrugNoted": "SIGNIFICANT",
        "everInjectedDrugs": "PREVIOUS",
        "motivationToTackleDrugMisuse": "SOME",
        "recogniseProblems": "SOME",
        "problemSolvingSkills": "SIGNIFICANT",
        "awarenessOfConsequences": "SOME",
    },
    {
        "unemployed": "SIGNIFICANT",
        "employmentHistory": "SIGNIFICANT",
        "workRelatedSkills": "SOME",
        "proCriminalAttitudes": "SOME",
        "attitudesTowardsSupervision": "SOME",
        "financialSituation": "SIGNIFICANT",
    },
    {},
)
OBJECTIVES = {
    "ACCOMMODATION": ("Move into settled accommodation", "Refer to the housing options team"),
    "DRUG_MISUSE": ("Reduce and stop using heroin", "Attend the drug service assessment"),
    "THINKING_AND_BEHAVIOUR": ("Stop and think before acting", "Complete the thinking skills work"),
    "EDUCATION_TRAINING_AND_EMPLOYABILITY": ("Find paid work", "Refer to the employment adviser"),
    "ATTITUDES": ("Take part fully in supervision", "Agree a reporting pattern that works"),
}
WORDS = ("Get clean and have my own place", "A proper job so I can support my kids", "Finish this")


def _answers(picture: dict) -> dict:
    """Every question answered: the picture's problems, "no problems" everywhere else."""
    return {
        q.key: picture.get(q.key, q.kind.choices[0][0])
        for section in SECTIONS
        for q in section.questions
    }


def seed_plans_demo(*, po) -> None:
    today = timezone.localdate()
    events = (
        # Sentences that call for change work, so the needs show in the tier (tiering §1.3).
        Event.objects.filter(case__practitioner=po, case__restricted=False, active=True)
        .filter(Q(sentence_type__in=SentenceType.custodial()) | Q(requirements__category="RAR"))
        .distinct()
        .select_related("case")
        .order_by("case_id", "number")
    )
    chosen: dict[int, Event] = {}
    for event in events:
        chosen.setdefault(event.case_id, event)
        if len(chosen) == len(PICTURES):
            break
    for n, (event, picture) in enumerate(zip(chosen.values(), PICTURES, strict=False)):
        case: Case = event.case
        links = {"ACCOMMODATION": {"harm": False, "reoffending": True}} if n == 0 else {}
        assessment = services.needs_assessment_start(
            case=case,
            by=po,
            assessed_on=today - timedelta(days=40 - 10 * n),
            answers=_answers(picture),
            links=links,
            complete=True,
        )
        plan = services.plan_start(
            event=event,
            by=po,
            persons_words=WORDS[n],
            next_review_date=today + timedelta(days=3 + 20 * n),
        )
        objectives = []
        for need in [r["need"] for r in assessment.needs if r["need"] in OBJECTIVES]:
            goal, step = OBJECTIVES[need]
            objective = services.objective_add(plan=plan, by=po, need=need, description=goal)
            services.action_add(
                objective=objective,
                by=po,
                description=step,
                owner=ActionOwner.PRACTITIONER,
                partner_agency="",
                target_date=today + timedelta(days=7 * len(objectives) - 5),
            )
            objectives.append(objective)
        if objectives and n == 0:
            services.plan_review(
                plan=plan,
                version=plan.version,
                by=po,
                reviewed_on=today - timedelta(days=7),
                notes="Engaging well; housing is the priority.",
                next_review_date=plan.next_review_date,
                progress=[(o, Progress.SOME, "") for o in objectives],
            )
            _session_tools(case, po)


def _session_tools(case, po) -> None:
    services.tool_create(
        case=case,
        by=po,
        kind=ToolKind.TIMELINE,
        title="The day of the offence",
        content={
            "entries": [
                {"when": "Morning", "happened": "Told to leave the hostel", "thoughts": "Panic"},
                {"when": "Afternoon", "happened": "Met old friends", "thoughts": "Relief"},
                {"when": "Evening", "happened": "Shoplifting", "thoughts": "Needed money"},
            ]
        },
        complete=True,
    )
    services.tool_create(
        case=case,
        by=po,
        kind=ToolKind.WORKSHEET,
        worksheet="triggers",
        title="Triggers and warning signs",
        content={"answers": {"situations": "Having nowhere to stay", "support": "My sister"}},
    )
