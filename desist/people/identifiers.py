"""Case reference numbers (CRN) and Police National Computer (PNC) numbers.

CRN: one letter and six digits, as in the national case system (nDelius). The letter is the
creating region's prefix.

PNC: year / serial / check character, for example 2004/0046583U. The check character is
(two-digit year followed by the seven-digit serial) modulo 23, indexed into the alphabet
below, which leaves out I, O and S. Source: the PNC identifier format used by HMPPS services
(for example ministryofjustice/hmpps-person-record's PNC validation).
"""

import re

CRN_PATTERN = re.compile(r"^[A-Z]\d{6}$")
PNC_PATTERN = re.compile(r"^(\d{2}|\d{4})/(\d{1,7})([A-Z])$")
PNC_CHECK_ALPHABET = "ZABCDEFGHJKLMNPQRTUVWXY"


def is_crn(text: str) -> bool:
    return bool(CRN_PATTERN.match(text.strip().upper()))


def pnc_check_character(year: str, serial: str) -> str:
    return PNC_CHECK_ALPHABET[int(year[-2:] + serial.zfill(7)) % 23]


def normalise_pnc(text: str) -> str | None:
    """The canonical form YYYY/NNNNNNNA, or None if the text is not a valid PNC number.

    Two-digit years are read as 19xx from 30 up and 20xx below, as the PNC itself did.
    """
    match = PNC_PATTERN.match(text.strip().upper().replace(" ", ""))
    if not match:
        return None
    year, serial, check = match.groups()
    if check != pnc_check_character(year, serial):
        return None
    if len(year) == 2:
        year = ("19" if int(year) >= 30 else "20") + year
    return f"{year}/{serial.zfill(7)}{check}"


def format_pnc(year: int, serial: int) -> str:
    """A valid PNC number for a year and serial (used by the synthetic data generator)."""
    yy, number = f"{year % 100:02d}", f"{serial:07d}"
    return f"{year:04d}/{number}{pnc_check_character(yy, number)}"
