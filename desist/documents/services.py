import hashlib

from django.utils import timezone
from django.utils.text import slugify

from desist.audit.models import Action
from desist.audit.services import audit_record
from desist.documents.models import Document, DocumentKind
from desist.documents.pdf import render_pdf


def document_issue(
    *, case, kind: DocumentKind, title: str, template_name: str, context: dict, by, request=None
) -> Document:
    """Print a document from its template, keep it on the case, and audit that it was issued.

    The template gets ``title``, ``case`` and ``issued_on`` besides the caller's context.
    """
    issued_on = timezone.localdate()
    pdf = render_pdf(
        template_name, {"title": title, "case": case, "issued_on": issued_on, **context}
    )
    document = Document.objects.create(
        case=case,
        kind=kind,
        title=title,
        filename=f"{case.crn}-{slugify(title)}-{issued_on:%Y-%m-%d}.pdf",
        content=pdf,
        size=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(),
        created_by=by,
    )
    audit_record(
        actor=by,
        action=Action.CREATE,
        case=case,
        subject="document",
        subject_id=document.pk,
        detail={"kind": kind, "title": title, "sha256": document.sha256},
        request=request,
    )
    return document
