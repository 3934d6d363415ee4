"""Issued documents are real PDFs kept on the case, and only those who may open the case can
download them; every issue and download is audited."""

import io

from pypdf import PdfReader

from desist.access.services import case_set_restricted
from desist.audit.models import Action, AuditEvent
from desist.documents.models import DocumentKind
from desist.documents.services import document_issue


def _issue(case, by):
    return document_issue(
        case=case,
        kind=DocumentKind.WARNING_LETTER,
        title="Test letter",
        template_name="documents/print_base.html",
        context={},
        by=by,
    )


def test_an_issued_document_is_a_paginated_pdf_on_the_case(case, officer):
    document = _issue(case, officer)
    reader = PdfReader(io.BytesIO(bytes(document.content)))
    text = reader.pages[0].extract_text()
    assert "OFFICIAL-SENSITIVE" in text and "Page 1 of 1" in text
    assert reader.metadata.title == "Test letter"
    assert document.filename.startswith(f"{case.crn}-test-letter-")
    issued = AuditEvent.objects.get(action=Action.CREATE, subject="document")
    assert issued.case == case and issued.detail["sha256"] == document.sha256


def test_the_case_lists_and_serves_its_documents(client, signed_in, case, officer):
    document = _issue(case, officer)
    signed_in(officer)
    listing = client.get(f"/cases/{case.crn}/documents/")
    assert b"Test letter (PDF)" in listing.content
    response = client.get(f"/cases/{case.crn}/documents/{document.pk}/download/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(
        actor=officer, action=Action.VIEW, subject="document", subject_id=str(document.pk)
    ).exists()


def test_a_document_is_refused_to_staff_kept_out_of_the_case(
    client, signed_in, case, officer, colleague, manager
):
    document = _issue(case, officer)
    case_set_restricted(case=case, restricted=True, message="Ask the SPO.", by=manager)
    signed_in(colleague)
    response = client.get(f"/cases/{case.crn}/documents/{document.pk}/download/")
    assert response.status_code == 403 and not response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(actor=colleague, action=Action.DENIED, case=case).exists()


def test_a_document_is_only_served_under_its_own_case(client, signed_in, make_case, officer):
    document = _issue(make_case("Ann", "First"), officer)
    other = make_case("Bob", "Second")
    signed_in(officer)
    assert client.get(f"/cases/{other.crn}/documents/{document.pk}/download/").status_code == 404
