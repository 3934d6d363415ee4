from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from desist.access.selectors import get_case_for_user
from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.documents.models import Document


@require_GET
def documents(request, crn):
    case = get_case_for_user(request, crn)
    issued = case.documents.defer("content").select_related("created_by").order_by("-created_at")
    return render(request, "documents/documents.html", {"case": case, "documents": issued})


@require_GET
def document_download(request, crn, pk):
    case = get_case_for_user(request, crn)
    document = get_object_or_404(Document, case=case, pk=pk)
    audit_record(
        actor=request.user,
        action=Action.VIEW,
        case=case,
        subject="document",
        subject_id=document.pk,
        request=request,
    )
    response = HttpResponse(bytes(document.content), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response
