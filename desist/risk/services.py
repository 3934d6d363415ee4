"""The write path for risk records. Every change is audited and recalculates the case's tier
in the same transaction, so the header never shows a tier its inputs no longer support."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import F

from desist.audit.models import Action
from desist.audit.services import audit_record, field_changes, snapshot
from desist.people.models import Case
from desist.people.services import StaleEdit
from desist.risk import scoring
from desist.risk.constants import ROSH_REGISTRATIONS, EnquiryKind, RegistrationType
from desist.risk.models import (
    ACTIVE,
    OffenceCode,
    PredictorScores,
    Registration,
    RoshAssessment,
    SafeguardingEnquiry,
)
from desist.risk.tiers import ROSH_CODES, case_risk_refresh
from desist.rules import actuarial, rosh

REGISTRATION_FIELDS = (
    "type",
    "mappa_category",
    "mappa_level",
    "registered_on",
    "review_date",
    "notes",
)
DEREGISTRATION_FIELDS = ("deregistered_on", "deregistration_reason")
LEVEL_FIELDS = tuple(f"{g.lower()}_{s.lower()}" for g, s in rosh.GRID)
ROSH_FIELDS = (
    "assessed_on",
    *LEVEL_FIELDS,
    "nature_of_harm",
    "when_most_likely",
    "increases_risk",
    "decreases_risk",
    "supervision",
    "monitoring_and_tests",
    "interventions",
    "victim_safety_planning",
    "contingency",
)
ROSH_SUPERSEDED = "Superseded by a new RoSH assessment"
SCORE_FIELDS = (
    "assessed_on",
    "inputs",
    "ogrs3_two_year",
    "generation",
    "rsr_percent",
    "arp_percent",
    "csrp_percent",
    "dc_srp_band",
)


def _audit(*, by, action: Action, case: Case, record, changes: dict, request=None) -> None:
    audit_record(
        actor=by,
        action=action,
        case=case,
        subject=record._meta.model_name,
        subject_id=record.pk,
        changes=changes,
        request=request,
    )


def _register(*, case: Case, by, request=None, **fields: Any) -> Registration:
    registration = Registration.objects.create(case=case, registered_by=by, **fields)
    changes = field_changes({}, snapshot(registration, REGISTRATION_FIELDS))
    _audit(
        by=by,
        action=Action.CREATE,
        case=case,
        record=registration,
        changes=changes,
        request=request,
    )
    return registration


def _deregister(*, registration: Registration, by, on: dt.date, reason: str, request=None):
    before = snapshot(registration, DEREGISTRATION_FIELDS)
    registration.deregistered_on = on
    registration.deregistration_reason = reason
    registration.deregistered_by = by
    registration.version = F("version") + 1
    registration.save(update_fields=[*DEREGISTRATION_FIELDS, "deregistered_by", "version"])
    registration.refresh_from_db(fields=["version"])
    changes = field_changes(before, snapshot(registration, DEREGISTRATION_FIELDS))
    _audit(
        by=by,
        action=Action.CHANGE,
        case=registration.case,
        record=registration,
        changes=changes,
        request=request,
    )


@transaction.atomic
def registration_add(*, case: Case, by, request=None, **fields: Any) -> Registration:
    """Add a flag. A new RoSH level replaces the one in force, as only one can be current."""
    if fields["type"] in ROSH_CODES:
        for old in Registration.objects.filter(ACTIVE, case=case, type__in=ROSH_CODES):
            _deregister(
                registration=old,
                by=by,
                on=fields["registered_on"],
                reason="Replaced by a new RoSH level",
                request=request,
            )
    if fields["type"] != RegistrationType.MAPPA:
        fields.update(mappa_category="", mappa_level="")
    registration = _register(case=case, by=by, request=request, **fields)
    case_risk_refresh(case=case, trigger="registration")
    return registration


@transaction.atomic
def registration_deregister(
    *,
    registration: Registration,
    version: int,
    by,
    deregistered_on: dt.date,
    reason: str,
    request=None,
) -> Registration:
    """End a flag, keeping it (and why it ended) in the case's history."""
    current = (
        Registration.objects.select_for_update().select_related("case").get(pk=registration.pk)
    )
    if current.version != version or not current.active:
        raise StaleEdit()
    _deregister(registration=current, by=by, on=deregistered_on, reason=reason, request=request)
    case_risk_refresh(case=current.case, trigger="deregistration")
    return current


@transaction.atomic
def rosh_record(*, case: Case, by, request=None, **fields: Any) -> RoshAssessment:
    """Record a RoSH assessment and its plan; the overall level becomes the RoSH registration."""
    overall = rosh.overall_level(fields[name] for name in LEVEL_FIELDS)
    if overall is None:
        raise ValueError("A RoSH assessment rates at least one group")
    assessment = RoshAssessment.objects.create(
        case=case,
        assessed_by=by,
        overall=overall,
        review_date=rosh.review_date(fields["assessed_on"], overall),
        **fields,
    )
    changes = field_changes({}, snapshot(assessment, (*ROSH_FIELDS, "overall", "review_date")))
    _audit(
        by=by, action=Action.CREATE, case=case, record=assessment, changes=changes, request=request
    )
    for old in Registration.objects.filter(ACTIVE, case=case, type__in=ROSH_CODES):
        _deregister(
            registration=old,
            by=by,
            on=assessment.assessed_on,
            reason=ROSH_SUPERSEDED,
            request=request,
        )
    _register(
        case=case,
        by=by,
        request=request,
        type=ROSH_REGISTRATIONS[overall],
        registered_on=assessment.assessed_on,
        review_date=assessment.review_date,
        notes=f"From the RoSH assessment of {assessment.assessed_on:%-d %B %Y}",
    )
    case_risk_refresh(case=case, trigger="rosh")
    return assessment


@transaction.atomic
def scores_record(
    *, case: Case, by, assessed_on: dt.date, inputs: dict[str, Any], request=None
) -> PredictorScores:
    """Score an assessment's predictor inputs with the rules modules and keep both."""
    scores = PredictorScores.objects.create(
        case=case,
        assessed_by=by,
        assessed_on=assessed_on,
        **scoring.score(case=case, assessed_on=assessed_on, inputs=inputs),
    )
    changes = field_changes({}, snapshot(scores, SCORE_FIELDS))
    _audit(by=by, action=Action.CREATE, case=case, record=scores, changes=changes, request=request)
    case_risk_refresh(case=case, trigger="scores")
    return scores


ENQUIRY_FIELDS = ("kind", "requested_on", "outcome", "replied_on", "notes")


@transaction.atomic
def enquiry_request(
    *, case: Case, by, kind: EnquiryKind, requested_on: dt.date, notes: str = "", request=None
) -> SafeguardingEnquiry:
    enquiry = SafeguardingEnquiry.objects.create(
        case=case, kind=kind, requested_on=requested_on, notes=notes, requested_by=by
    )
    changes = field_changes({}, snapshot(enquiry, ENQUIRY_FIELDS))
    _audit(by=by, action=Action.CREATE, case=case, record=enquiry, changes=changes, request=request)
    return enquiry


@transaction.atomic
def enquiry_record_outcome(
    *,
    enquiry: SafeguardingEnquiry,
    version: int,
    by,
    outcome: str,
    replied_on: dt.date,
    notes: str = "",
    request=None,
) -> SafeguardingEnquiry:
    current = SafeguardingEnquiry.objects.select_for_update().get(pk=enquiry.pk)
    if current.version != version:
        raise StaleEdit()
    before = snapshot(current, ENQUIRY_FIELDS)
    current.outcome, current.replied_on = outcome, replied_on
    current.notes = notes or current.notes
    current.version = F("version") + 1
    current.save(update_fields=["outcome", "replied_on", "notes", "version"])
    current.refresh_from_db(fields=["version"])
    changes = field_changes(before, snapshot(current, ENQUIRY_FIELDS))
    _audit(
        by=by,
        action=Action.CHANGE,
        case=current.case,
        record=current,
        changes=changes,
        request=request,
    )
    return current


# The offence map (reference data): the columns an administrator may change on one row.
OFFENCE_FIELDS = actuarial.OFFENCE_MAP_COLUMNS[1:]


class OffenceMapRefused(ValueError):
    """An offence-map change that would leave a row the predictors cannot read."""

    def __init__(self, problems):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@transaction.atomic
def offence_code_update(
    *, code: OffenceCode, version: int, by, request=None, **fields
) -> OffenceCode:
    """Change how one offence code counts in the predictors; refused if someone else changed
    it first or the row would not score."""
    current = OffenceCode.objects.select_for_update().get(pk=code.pk)
    if current.version != version:
        raise StaleEdit()
    row = {"ho_offence_code": current.ho_offence_code, **fields}
    problems = actuarial.offence_row_problems(row)
    if problems:
        raise OffenceMapRefused([f"{c.replace('_', ' ').capitalize()} {m}" for c, m in problems])
    before = snapshot(current, OFFENCE_FIELDS)
    for name in OFFENCE_FIELDS:
        setattr(current, name, fields[name])
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db(fields=["version"])
    audit_record(
        actor=by,
        action=Action.CHANGE,
        subject="offencecode",
        subject_id=current.ho_offence_code,
        changes=field_changes(before, snapshot(current, OFFENCE_FIELDS)),
        request=request,
    )
    return current


@transaction.atomic
def offence_map_replace(*, text: str, by, request=None) -> int:
    """Replace the whole offence map with an uploaded CSV: every row or none. Refused, with
    each bad row's number and column, if any row would not score."""
    rows, problems = actuarial.read_offence_map(text)
    if problems:
        raise OffenceMapRefused(problems)
    before = OffenceCode.objects.count()
    OffenceCode.objects.all().delete()
    OffenceCode.objects.bulk_create([OffenceCode(**row) for row in rows], batch_size=1000)
    audit_record(
        actor=by,
        action=Action.CHANGE,
        subject="offencemap",
        changes={"rows": [before, len(rows)]},
        request=request,
    )
    return len(rows)
