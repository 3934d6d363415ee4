"""Partner agencies, referrals and accommodation in the demo: a directory covering every
area, referrals in different states on the demo probation officer's cases (one awaiting a
reply for long enough to chase, one with an unread concern), and accommodation statuses so
the caseload shows who has no settled accommodation."""

from datetime import timedelta

from django.utils import timezone

from desist.interventions import services
from desist.interventions.constants import Accommodation, RiskInformation, ServiceCategory
from desist.interventions.models import Agency, Referral
from desist.organisation.models import ProbationDeliveryUnit
from desist.people.models import Case
from desist.plans.models import Objective
from desist.rules import referrals as flow

# (name, category, what it offers, [(contact, role)])
AGENCIES = (
    (
        "Northern Housing Trust",
        ServiceCategory.ACCOMMODATION,
        "Supported housing and tenancy sustainment for people leaving custody or at risk of "
        "homelessness.",
        [("Sam Okafor", "Housing support worker"), ("Jo Price", "Referrals coordinator")],
    ),
    (
        "Open Door Housing Advice",
        ServiceCategory.ACCOMMODATION,
        "Housing options advice and help with local authority homelessness applications.",
        [("Ravi Shah", "Housing adviser")],
    ),
    (
        "Pathways to Work",
        ServiceCategory.ETE,
        "Employment coaching, CV writing, training courses and job brokerage.",
        [("Helen Moss", "Employment coach")],
    ),
    (
        "Money Matters Advice",
        ServiceCategory.FINANCE,
        "Benefit checks, debt advice and help opening a bank account.",
        [("Tom Adeyemi", "Debt adviser")],
    ),
    (
        "Recovery First",
        ServiceCategory.DEPENDENCY,
        "Drug and alcohol treatment, recovery groups and prescribing.",
        [("Claire Dunn", "Recovery worker"), ("Mo Ali", "Drug treatment nurse")],
    ),
    (
        "Mind the Gap Wellbeing",
        ServiceCategory.WELLBEING,
        "Talking therapies, wellbeing groups and help to register with a GP.",
        [("Anna Kowalski", "Wellbeing practitioner")],
    ),
    (
        "Women's Centre North",
        ServiceCategory.WOMEN,
        "A women-only space with key workers, groups and specialist domestic abuse support.",
        [("Grace Bell", "Key worker")],
    ),
    (
        "Families Together",
        ServiceCategory.FAMILY,
        "Parenting support, family mediation and help with child contact arrangements.",
        [("Lee Harper", "Family support worker")],
    ),
)

ACCOMMODATION_PATTERN = (
    Accommodation.SETTLED,
    Accommodation.HOMELESS,
    Accommodation.SETTLED,
    Accommodation.TEMPORARY,
    Accommodation.APPROVED_PREMISES,
    Accommodation.SETTLED,
    Accommodation.CAS3,
    Accommodation.ROUGH_SLEEPING,
)


def seed_agencies(*, by) -> list[Agency]:
    """The directory, every agency covering every area (the demo has few)."""
    pdus = list(ProbationDeliveryUnit.objects.all())
    created = []
    for name, category, description, contacts in AGENCIES:
        domain = "".join(c for c in name.lower() if c.isalnum()) + ".example.org"
        agency = services.agency_create(
            by=by,
            pdus=pdus,
            name=name,
            category=category,
            description=description,
            phone="0191 496 0000",
            email=f"referrals@{domain}",
            address="",
            active=True,
        )
        for contact, role in contacts:
            services.agency_contact_add(
                agency=agency,
                by=by,
                name=contact,
                role=role,
                email=f"{contact.split()[0].lower()}@{domain}",
                phone="0191 496 0001",
                active=True,
            )
        created.append(agency)
    return created


def _move(referral: Referral, by, *steps: tuple[str, str]) -> Referral:
    for status, reason in steps:
        referral = services.referral_change_status(
            referral=referral, version=referral.version, by=by, status=status, reason=reason
        )
    return referral


def seed_interventions_demo(*, po, admin) -> None:
    agencies = {a.name: a for a in seed_agencies(by=admin)}
    cases = list(
        Case.objects.filter(practitioner=po, restricted=False).order_by("last_name", "crn")[:12]
    )
    today = timezone.localdate()
    for n, case in enumerate(cases[: len(ACCOMMODATION_PATTERN)]):
        services.accommodation_record(
            case=case,
            by=po,
            status=ACCOMMODATION_PATTERN[n],
            since=today - timedelta(days=30 + 17 * n),
        )
    housing, recovery, work = (
        agencies["Northern Housing Trust"],
        agencies["Recovery First"],
        agencies["Pathways to Work"],
    )
    objective = Objective.objects.filter(plan__case__practitioner=po, need="ACCOMMODATION").first()
    homeless = objective.plan.case if objective else cases[1]

    def refer(case, agency, need, outcomes, **extra):
        return services.referral_create(
            case=case,
            by=po,
            agency=agency,
            contact=agency.contacts.first(),
            need=need,
            objective=extra.get("objective"),
            requirement=None,
            desired_outcomes=outcomes,
            urgency=extra.get("urgency", "ROUTINE"),
            risk_to_share=[RiskInformation.ROSH_SUMMARY, RiskInformation.REGISTRATIONS],
        )

    started = refer(
        homeless,
        housing,
        "ACCOMMODATION",
        "A supported tenancy, and the skills to keep it",
        objective=objective,
        urgency="URGENT",
    )
    started = _move(started, po, ("SENT", ""), ("ACCEPTED", ""), ("STARTED", ""))
    services.feedback_record(
        referral=started,
        by=po,
        received_on=today - timedelta(days=2),
        sessions_offered=4,
        sessions_attended=2,
        notes="Missed two key-work sessions; staff smelled alcohol at the last one.",
        concern=True,
    )
    refer(homeless, recovery, "ALCOHOL_MISUSE", "An alcohol assessment and a recovery plan")

    waiting = refer(cases[2], work, "EDUCATION_TRAINING_AND_EMPLOYABILITY", "Paid work")
    waiting = _move(waiting, po, ("SENT", ""))
    sent_at = timezone.now() - timedelta(days=12)
    Referral.objects.filter(pk=waiting.pk).update(sent_at=sent_at, status_changed_at=sent_at)

    done = refer(cases[3], housing, "ACCOMMODATION", "Move on from temporary accommodation")
    _move(done, po, ("SENT", ""), ("ACCEPTED", ""), ("STARTED", ""), ("COMPLETED", ""))

    declined = refer(cases[4], recovery, "DRUG_MISUSE", "Start a prescribing programme")
    _move(declined, po, ("SENT", ""), (flow.Status.DECLINED, "OUT_OF_AREA"))
