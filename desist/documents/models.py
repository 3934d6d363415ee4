"""Documents Desist writes for a case: letters, reports and recall papers, kept as the PDF
that was issued so the record shows exactly what the person or the court received.

Kept in the database, not on a file system: the embedded install has nothing else to set up,
and a backup of the database is a backup of the case file.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class DocumentKind(models.TextChoices):
    WARNING_LETTER = "WARN", "Warning letter"
    BREACH_REPORT = "BRCH", "Breach report"
    RECALL_REPORT = "RCLL", "Recall report"
    PRE_SENTENCE_REPORT = "PSR", "Pre-sentence report"


class Document(models.Model):
    case = models.ForeignKey("people.Case", on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=4, choices=DocumentKind.choices)
    title = models.CharField(max_length=200)
    filename = models.CharField(max_length=120)
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["case", "-created_at"])]

    def __str__(self) -> str:
        return self.filename
