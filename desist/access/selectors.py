"""The one question every view asks: may this member of staff see this case?

Two layers. The role table (desist.accounts.roles) says what a role may do at all. On top,
a case can be restricted (only staff on its allow list open it) or exclude named staff
(they never do), as the national system's limited-access lists. Lists, search, exports and
the API all start from visible_cases(user); single-case pages from get_case_for_user.
"""

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from desist.access.models import AccessKind, CaseAccess
from desist.accounts.roles import Permission
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.core.compiled import compiled_once
from desist.people.models import Case

DEFAULT_RESTRICTION_MESSAGE = (
    "This case is restricted. Only named members of staff can open it. "
    "Ask the case's senior probation officer if you need access."
)
DEFAULT_EXCLUSION_MESSAGE = (
    "You have been excluded from this case. Ask your senior probation officer if you think "
    "this is wrong."
)


class CaseAccessDenied(Exception):
    """Raised when a member of staff may not do something: rendered as a clear 403 page."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def visible_cases(user) -> QuerySet[Case]:
    """Every case this user may see in a list, a search, an export or the API."""
    if not user.may(Permission.VIEW_CASE):
        return Case.objects.none()
    return cases_visible_to(user.pk)


def cases_visible_to(staff_id: int) -> QuerySet[Case]:
    """visible_cases for a member of staff whose role lets them see cases (the caller's to
    check): by id, for queries compiled once (desist.core.compiled)."""
    mine = CaseAccess.objects.filter(staff_id=staff_id)
    allowed = mine.filter(kind=AccessKind.ALLOWED).values("case_id")
    excluded = mine.filter(kind=AccessKind.EXCLUDED).values("case_id")
    return Case.objects.filter(Q(restricted=False) | Q(pk__in=allowed)).exclude(pk__in=excluded)


def on_visible_cases(user, *lists: list, seen: set[str] | None = None) -> list[list]:
    """Each list of items (anything with a ``crn``) kept to those on cases this user may see,
    in one query for them all; items on no case are kept. For lists gathered from many
    sources, each of which would otherwise check access in its own query. ``seen``: the
    cases the caller has already found the user may see, among them all."""
    if seen is None:
        crns = {item.crn for items in lists for item in items if item.crn}
        seen = (
            set(visible_cases(user).filter(crn__in=crns).values_list("crn", flat=True))
            if crns
            else set()
        )
    return [[item for item in items if not item.crn or item.crn in seen] for items in lists]


def access_denial(user, case: Case) -> str | None:
    """Why this user may not open this case, or None if they may."""
    if hasattr(case, "access_kind"):
        kind = case.access_kind
    else:
        entry = CaseAccess.objects.filter(case=case, staff_id=user.pk).values_list(
            "kind", flat=True
        )
        kind = next(iter(entry), None)
    if kind == AccessKind.EXCLUDED:
        return case.exclusion_message or DEFAULT_EXCLUSION_MESSAGE
    if case.restricted and kind != AccessKind.ALLOWED:
        return case.restriction_message or DEFAULT_RESTRICTION_MESSAGE
    return None


def require_permission(request, permission: Permission, *, case: Case | None = None) -> None:
    """Refuse (and audit the refusal) unless the user's roles grant the permission."""
    if not request.user.may(permission):
        audit_record(
            actor=request.user,
            action=Action.DENIED,
            case=case,
            detail={"permission": permission.value, "path": request.path},
            request=request,
        )
        raise CaseAccessDenied(
            f"Your role does not allow you to {permission.label[0].lower()}{permission.label[1:]}."
        )


@compiled_once
def _case_with_access_kind(*, crn: str, staff_id: int) -> QuerySet[Case]:
    """The case with its holder, team and this user's entry on its access lists (allowed,
    excluded or none) as `access_kind`, so the check costs no query of its own. Every case
    page's first query, so compiled once (desist.core.compiled)."""
    entry = CaseAccess.objects.filter(case=OuterRef("pk"), staff_id=staff_id).values("kind")[:1]
    return (
        Case.objects.select_related("practitioner", "team")
        .annotate(access_kind=Subquery(entry))
        .filter(crn=crn)
    )


def get_case_for_user(request, crn: str, *, permission: Permission = Permission.VIEW_CASE) -> Case:
    """Load a case for this request, or refuse with a clear message. Audits the view.

    404 if there is no such CRN; otherwise every refusal is recorded in the audit trail.
    """
    found = _case_with_access_kind(crn=crn.upper(), staff_id=request.user.pk)
    if not found:
        raise Http404("No case with that CRN")
    case = found[0]
    require_permission(request, Permission.VIEW_CASE, case=case)
    if permission != Permission.VIEW_CASE:
        require_permission(request, permission, case=case)
    if reason := access_denial(request.user, case):
        audit_record(
            actor=request.user,
            action=Action.DENIED,
            case=case,
            detail={"path": request.path, "reason": reason},
            request=request,
        )
        raise CaseAccessDenied(reason)
    audit_record(
        actor=request.user,
        action=Action.VIEW,
        case=case,
        subject="case",
        detail={"path": request.path},
        request=request,
    )
    return case
