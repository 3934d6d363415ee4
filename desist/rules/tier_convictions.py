"""How a Desist event reads as a tiering conviction, for the v2 mandate for change.

Tiering (notes ``shared/practice/tiering-and-workload.md`` 1.4.2) finds a mandate for change
in a current conviction with a custodial sentence type (nDelius ``NC``/``SC``) or with a
non-restrictive requirement whose main category is not unpaid work (``W``) or order extended
(``W1``). Desist records sentences and requirements under its own codes
(``desist.rules.requirements.CATEGORIES``), so this maps them onto those terms.

VERIFY: which requirements nDelius flags "restrictive" is reference data we have not seen.
Taken here as the requirements that only forbid or confine (curfew, exclusion, prohibitions,
foreign travel, alcohol abstinence and monitoring, and the Sentencing Act 2026 prohibitions);
those that involve work on change (activity, programmes, treatment, residence, attendance
centre) are not restrictive.
"""

from __future__ import annotations

from collections.abc import Iterable

from desist.rules.tiering import Conviction, Requirement

__all__ = ["CUSTODIAL", "RESTRICTIVE", "UNPAID_WORK", "conviction"]

CUSTODIAL = frozenset({"SDS", "PSS"})  # Desist's custodial sentence types
UNPAID_WORK = "UPW"
RESTRICTIVE = frozenset({"CURF", "EXCL", "PROH", "FTP", "AAMR", "DRIV", "PEVT", "DRNK", "RZON"})


def conviction(sentence_type: str, requirement_categories: Iterable[str]) -> Conviction:
    """A current (not terminated) event as tiering's ``Conviction``."""
    return Conviction(
        sentence_type_code="SC" if sentence_type in CUSTODIAL else sentence_type,
        terminated=False,
        requirements=tuple(
            Requirement("W" if code == UNPAID_WORK else code, code in RESTRICTIVE)
            for code in sorted(requirement_categories)
        ),
    )
