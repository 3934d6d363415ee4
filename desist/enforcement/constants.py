"""The enforcement codes practitioners know (vocabulary.md), and how each area's records map
to the order types of desist.rules.enforcement."""

from django.db import models

from desist.rules.enforcement import OrderType
from desist.sentences.constants import SentenceType
from desist.supervision.constants import FAILURES


class EnforcementCode(models.TextChoices):
    FIRST_WARNING = "EA02", "First warning letter"
    SECOND_WARNING = "EA03", "Second warning letter"
    LICENCE_COMPLIANCE_LETTER = "LCL", "Licence compliance letter"
    BREACH_LETTER = "EA08", "Breach letter"
    BREACH_OR_RECALL_INITIATED = "IBR", "Breach or recall initiated"
    IMMEDIATE_BREACH_OR_RECALL = "IMB", "Immediate breach or recall"
    BREACH_REQUESTED = "BRE", "Breach requested"
    RECALL_REQUESTED = "EA11", "Recall requested"
    # Desist's own code: the rules count a recorded decision not to recall as an answer, and
    # the national list has no code for it (the "decision-not-to-recall letter").
    DECISION_NOT_TO_RECALL = "DNTR", "Decision not to recall"
    WITHDRAW_WARNING = "EA06", "Warning withdrawn"
    WITHDRAW_WARNING_APPEAL = "EA07", "Warning withdrawn on review"
    REFER_TO_OFFENDER_MANAGER = "ROM", "Referred to the offender manager"
    NO_FURTHER_ACTION = "NFA", "No further action"
    DECISION_PENDING = "C173", "Decision pending the person's response"


WITHDRAWALS = (EnforcementCode.WITHDRAW_WARNING, EnforcementCode.WITHDRAW_WARNING_APPEAL)

# Custody with post-sentence supervision is treated as a licence throughout: the licence
# comes first, and PSS was repealed by SA2026 s.34 (VERIFY for the old PSS period).
ORDER_TYPE_OF_SENTENCE = {
    SentenceType.COMMUNITY_ORDER: OrderType.COMMUNITY_ORDER,
    SentenceType.SUSPENDED: OrderType.SUSPENDED_SENTENCE_ORDER,
    SentenceType.CUSTODY: OrderType.LICENCE,
    SentenceType.PSS: OrderType.LICENCE,
}

# Appointments whose outcome is a failure that counts towards enforcement (indexed there).
FAILED = FAILURES


class RecallStatus(models.TextChoices):
    AWAITING = "AWAITING", "Awaiting countersignature"
    COUNTERSIGNED = "SIGNED", "Countersigned"
    REJECTED = "REJECTED", "Rejected"


class RecallType(models.TextChoices):
    STANDARD = "standard", "Standard recall"
    FIXED_TERM = "fixed-term", "Fixed-term recall"
