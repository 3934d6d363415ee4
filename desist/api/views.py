"""The JSON API: thin views over the same selectors and access checks as the pages."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response

from desist.access.selectors import get_case_for_user, require_permission
from desist.accounts.roles import Permission
from desist.api.serializers import CaseDetailSerializer, CaseSummarySerializer
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.people.search import case_search


@extend_schema(
    parameters=[OpenApiParameter("q", str, description="Name, CRN, PNC number or date of birth")],
    responses=CaseSummarySerializer(many=True),
)
@api_view(["GET"])
def case_list(request):
    """Search the cases the signed-in user may see."""
    require_permission(request, Permission.SEARCH_CASES)
    query = request.query_params.get("q", "").strip()
    matches = case_search(request.user, query)
    audit_record(
        actor=request.user,
        action=Action.SEARCH,
        request=request,
        detail={"query": query[:200], "results": len(matches), "api": True},
    )
    return Response(CaseSummarySerializer([m.case for m in matches], many=True).data)


@extend_schema(responses=CaseDetailSerializer)
@api_view(["GET"])
def case_detail(request, crn):
    """One case, if the signed-in user may open it."""
    case = get_case_for_user(request, crn)
    return Response(CaseDetailSerializer(case).data)
