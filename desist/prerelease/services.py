"""The write path for pre-release work. Every save checks the plan's version and is audited in
its transaction, with each pathway's change named."""

from django.db import transaction
from django.db.models import F

from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.people.services import StaleEdit
from desist.prerelease.models import PathwayNeed, ResettlementPlan
from desist.rules.pre_release import Pathway
from desist.sentences.models import Event

PLAN_FIELDS = (
    "prison",
    "release_address",
    "release_accommodation",
    "address_confirmed",
    "licence_proposed_on",
)


def _needs_snapshot(plan: ResettlementPlan) -> dict:
    """Each pathway as "STATUS: notes" (None: not assessed), so a cleared one shows too."""
    found = {n.pathway: f"{n.status}: {n.notes}".rstrip(": ") for n in plan.needs.all()}
    return {f"need_{p.lower()}": found.get(p) for p in Pathway}


@transaction.atomic
def resettlement_record(
    *,
    event: Event,
    version: int,
    by,
    needs: dict[str, tuple[str, str]],
    request=None,
    **details,
) -> ResettlementPlan:
    """Record the plan for a custodial event: ``details`` are PLAN_FIELDS, ``needs`` maps each
    pathway to (status, notes); a blank status leaves the pathway unassessed. ``version`` is
    the plan's version when the form was opened (0 before there was a plan), so a save over
    someone else's is refused."""
    plan = ResettlementPlan.objects.select_for_update().filter(event=event).first()
    if (plan.version if plan else 0) != version:
        raise StaleEdit()
    created = plan is None
    if created:
        plan = ResettlementPlan(case=event.case, event=event, created_by=by)
        before = {}
    else:
        before = {**snapshot(plan, PLAN_FIELDS), **_needs_snapshot(plan)}
    for name in PLAN_FIELDS:
        setattr(plan, name, details[name])
    if created:
        plan.save()
    else:
        plan.version = F("version") + 1
        plan.save(update_fields=[*PLAN_FIELDS, "version", "updated_at"])
        plan.refresh_from_db(fields=["version"])
    for pathway in Pathway:
        status, notes = needs.get(pathway, ("", ""))
        if status:
            PathwayNeed.objects.update_or_create(
                plan=plan,
                pathway=pathway,
                defaults={"status": status, "notes": notes, "updated_by": by},
            )
        else:
            PathwayNeed.objects.filter(plan=plan, pathway=pathway).delete()
    audit_record(
        actor=by,
        action=Action.CREATE if created else Action.CHANGE,
        case=event.case,
        subject="resettlement_plan",
        subject_id=plan.pk,
        changes=field_changes(before, {**snapshot(plan, PLAN_FIELDS), **_needs_snapshot(plan)}),
        request=request,
    )
    return plan
