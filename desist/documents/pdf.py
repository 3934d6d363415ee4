"""HTML templates to PDF, with WeasyPrint.

The same Django templates as the pages, printed with ``@page`` CSS (running header, "Page X of
Y"). Output is tagged PDF/UA-1 so screen readers can follow the headings (the public sector
accessibility regulations apply to documents too).
"""

from django.template.loader import render_to_string
from weasyprint import HTML


def render_pdf(template_name: str, context: dict) -> bytes:
    html = render_to_string(template_name, context)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
