"""The write path for people on probation. Every change is versioned and audited."""

import random
from datetime import date

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.organisation.models import Team
from desist.people.models import Address, Alias, Allocation, Case, NameWord, SearchName
from desist.people.names import normalise_name
from desist.people.search import vocabulary
from desist.people.tasks import tell_practitioner_of_allocation
from desist.risk.changes import significant_change_record

PERSONAL_DETAIL_FIELDS = (
    "first_name",
    "middle_names",
    "last_name",
    "preferred_name",
    "date_of_birth",
    "gender",
    "pnc",
    "prison_number",
    "phone",
    "mobile",
    "email",
    "language",
    "interpreter_required",
    "ethnicity",
    "religion",
    "sexual_orientation",
)


class StaleEdit(Exception):
    """Someone else saved the record after this form was opened."""

    message = (
        "Someone else changed these details while you were editing them. "
        "Your changes have not been saved: check the current details and make your changes again."
    )


def crn_generate(*, prefix: str, rng: random.Random | None = None) -> str:
    """A new, unused CRN: the region's letter and six random digits."""
    rng = rng or random.SystemRandom()
    while True:
        crn = f"{prefix}{rng.randrange(1_000_000):06d}"
        if not Case.objects.filter(crn=crn).exists():
            return crn


def search_names_refresh(case: Case) -> None:
    """Rebuild the normalised names a case is found by (its own name and every alias), and
    add their words to the search vocabulary."""
    SearchName.objects.filter(case=case).delete()
    names = [SearchName(case=case, name=normalise_name(case.first_name, case.last_name))]
    names += [
        SearchName(case=case, name=normalise_name(a.first_name, a.last_name), is_alias=True)
        for a in case.aliases.all()
    ]
    SearchName.objects.bulk_create(names)
    words = {word for n in names for word in n.name.split()}
    NameWord.objects.bulk_create([NameWord(word=w) for w in words], ignore_conflicts=True)
    vocabulary.forget()


@transaction.atomic
def case_create(*, by, team: Team, request=None, **details) -> Case:
    for _ in range(5):
        try:
            with transaction.atomic():
                case = Case.objects.create(
                    crn=crn_generate(prefix=team.pdu.region.crn_prefix), team=team, **details
                )
            break
        except IntegrityError:  # a CRN taken between the check and the insert: try another
            continue
    else:
        raise RuntimeError("Could not find an unused CRN")
    search_names_refresh(case)
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject="case",
        subject_id=case.pk,
        changes=field_changes({}, snapshot(case, PERSONAL_DETAIL_FIELDS)),
        request=request,
    )
    return case


@transaction.atomic
def case_update_details(*, case: Case, version: int, by, request=None, **details) -> Case:
    """Change personal details, refusing the save if the record changed since `version`."""
    unknown = set(details) - set(PERSONAL_DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"Not personal details: {sorted(unknown)}")
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.version != version:
        raise StaleEdit()
    before = snapshot(current, details)
    for name, value in details.items():
        setattr(current, name, value)
    changes = field_changes(before, snapshot(current, details))
    if not changes:
        return current
    current.version = F("version") + 1
    current.save(update_fields=[*details, "version", "updated_at"])
    current.refresh_from_db()
    if {"first_name", "last_name"} & set(changes):
        search_names_refresh(current)
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=current,
        subject="case",
        subject_id=current.pk,
        changes=changes,
        request=request,
    )
    return current


@transaction.atomic
def case_record_add(*, case: Case, model: type[models.Model], by, request=None, **fields):
    """Add a record that belongs to a case (address, alias, personal contact, disability),
    audited with every field it was given."""
    record = model.objects.create(case=case, **fields)
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject=model._meta.model_name,
        subject_id=record.pk,
        changes=field_changes({}, snapshot(record, fields)),
        request=request,
    )
    return record


@transaction.atomic
def address_add(*, case: Case, by, request=None, **fields) -> Address:
    """Add an address. A new main address moves the old one to the history, ended the day
    the new one starts."""
    if fields.get("status") == "MAIN":
        for old in case.addresses.select_for_update().filter(status="MAIN"):
            old.status, old.end_date = "PREVIOUS", fields.get("start_date") or date.today()
            old.save(update_fields=["status", "end_date"])
            audit_record(
                actor=by,
                action=Action.CHANGE,
                case=case,
                subject="address",
                subject_id=old.pk,
                changes={"status": ["MAIN", "PREVIOUS"], "end_date": [None, str(old.end_date)]},
                request=request,
            )
    address = case_record_add(case=case, model=Address, by=by, request=request, **fields)
    if address.status == "MAIN":  # a move: risk makes a RoSH review due
        significant_change_record(
            case=case,
            kind="NEW_ADDRESS",
            happened_on=address.start_date,
            detail=str(address),
            by=by,
            request=request,
        )
    return address


@transaction.atomic
def alias_add(*, case: Case, by, request=None, **fields) -> Alias:
    alias = case_record_add(case=case, model=Alias, by=by, request=request, **fields)
    search_names_refresh(case)
    return alias


@transaction.atomic
def case_allocate(*, case: Case, practitioner, by, reason: str = "", request=None) -> Allocation:
    """Allocate the case to a practitioner in their team, closing the previous allocation."""
    now = timezone.now()
    Allocation.objects.filter(case=case, ended_at__isnull=True).update(ended_at=now)
    before = {"practitioner": _plain_id(case.practitioner_id), "team": _plain_id(case.team_id)}
    case.practitioner, case.team = practitioner, practitioner.team
    case.version = F("version") + 1
    case.save(update_fields=["practitioner", "team", "version", "updated_at"])
    case.refresh_from_db(fields=["version"])
    allocation = Allocation.objects.create(
        case=case,
        practitioner=practitioner,
        team=practitioner.team,
        started_at=now,
        allocated_by=by,
        reason=reason,
    )
    audit_record(
        actor=by,
        action=Action.CHANGE,
        case=case,
        subject="allocation",
        subject_id=allocation.pk,
        changes=field_changes(
            before, {"practitioner": str(practitioner.pk), "team": str(practitioner.team_id)}
        ),
        detail={"reason": reason} if reason else {},
        request=request,
    )
    transaction.on_commit(lambda: tell_practitioner_of_allocation.enqueue(allocation.pk))
    return allocation


def _plain_id(value) -> str | None:
    return None if value is None else str(value)
