"""Reading a court list file (CSV), row by row, into defendants or errors.

One malformed row must not stop a day's list: each row is read on its own, and every
problem is reported with the row number a spreadsheet shows (the heading is row 1) and the
column it is in, so the list office can correct it.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from desist.courts.constants import Session
from desist.people.identifiers import is_crn, normalise_pnc

COLUMNS = (
    "court",
    "date",
    "session",
    "courtroom",
    "list_number",
    "defendant_name",
    "date_of_birth",
    "pnc",
    "address",
    "offences",
    "in_custody",
)
OPTIONAL_COLUMNS = ("crn",)
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
_SESSIONS = {"am": Session.MORNING, "morning": Session.MORNING}
_SESSIONS |= {"pm": Session.AFTERNOON, "afternoon": Session.AFTERNOON}
_YES = {"y", "yes", "true", "1"}
_NO = {"", "n", "no", "false", "0"}
# The outward and inward parts of a UK postcode at the end of an address.
_POSTCODE = re.compile(r"([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\s*$")
_OFFENCE = re.compile(r"^(?P<description>.*?)\s*(?:\((?P<date>[^)]*)\))?$")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}, {self.column.replace('_', ' ')}: {self.message}"


@dataclass
class ListedDefendant:
    """One good row of a court list, with the court still as its code."""

    row: int
    court_code: str
    hearing_date: date
    session: str
    courtroom: str
    list_number: int
    defendant_name: str
    first_name: str
    last_name: str
    date_of_birth: date | None
    pnc: str
    crn: str
    address: str
    postcode: str
    offences: list[dict] = field(default_factory=list)
    in_custody: bool = False

    @property
    def key(self) -> tuple:
        return (self.court_code, self.hearing_date, self.session, self.courtroom, self.list_number)


class _Bad(Exception):
    def __init__(self, column: str, message: str):
        self.column, self.message = column, message


def _date(text: str) -> date:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def split_name(text: str) -> tuple[str, str]:
    """(first names, surname) from "SMITH, John" (a court register) or "John Smith"."""
    if "," in text:
        last, first = (part.strip() for part in text.split(",", 1))
    else:
        *firsts, last = text.split()
        first = " ".join(firsts)
    return first.title(), last.title()


def normalise_postcode(text: str) -> str:
    match = _POSTCODE.search(text.upper())
    return f"{match.group(1)} {match.group(2)}" if match else ""


def _offences(text: str) -> list[dict]:
    offences = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        parts = _OFFENCE.match(part)
        when = parts.group("date")
        try:
            committed = _date(when).isoformat() if when else None
        except ValueError:
            raise _Bad("offences", f"offence date “{when}” is not a date like 2026-10-01") from None
        offences.append({"description": parts.group("description"), "date": committed})
    if not offences:
        raise _Bad("offences", "enter at least one offence")
    return offences


def _read_row(number: int, raw: dict[str, str]) -> ListedDefendant:
    value = {key: (raw.get(key) or "").strip() for key in (*COLUMNS, *OPTIONAL_COLUMNS)}
    for required in ("court", "date", "session", "courtroom", "list_number", "defendant_name"):
        if not value[required]:
            raise _Bad(required, "is missing")
    try:
        hearing_date = _date(value["date"])
    except ValueError:
        raise _Bad("date", "is not a date like 2026-11-23") from None
    session = _SESSIONS.get(value["session"].casefold())
    if session is None:
        raise _Bad("session", "must be AM or PM")
    if not value["list_number"].isdigit() or int(value["list_number"]) < 1:
        raise _Bad("list_number", "must be a whole number from 1")
    date_of_birth = None
    if value["date_of_birth"]:
        try:
            date_of_birth = _date(value["date_of_birth"])
        except ValueError:
            raise _Bad("date_of_birth", "is not a date like 1985-03-27") from None
        if date_of_birth >= hearing_date:
            raise _Bad("date_of_birth", "must be before the hearing date")
    pnc = ""
    if value["pnc"] and (pnc := normalise_pnc(value["pnc"])) is None:
        raise _Bad("pnc", "is not a valid PNC number (for example 2004/0046583U)")
    if value["crn"] and not is_crn(value["crn"]):
        raise _Bad("crn", "is not a CRN (a letter and six digits)")
    custody = value["in_custody"].casefold()
    if custody not in _YES | _NO:
        raise _Bad("in_custody", "must be yes or no")
    first, last = split_name(value["defendant_name"])
    if not first:
        raise _Bad("defendant_name", "must include a first name and a surname")
    return ListedDefendant(
        row=number,
        court_code=value["court"].upper(),
        hearing_date=hearing_date,
        session=session,
        courtroom=value["courtroom"],
        list_number=int(value["list_number"]),
        defendant_name=value["defendant_name"],
        first_name=first,
        last_name=last,
        date_of_birth=date_of_birth,
        pnc=pnc,
        crn=value["crn"].upper(),
        address=value["address"],
        postcode=normalise_postcode(value["address"]),
        offences=_offences(value["offences"]),
        in_custody=custody in _YES,
    )


def read_court_list(text: str) -> tuple[list[ListedDefendant], list[RowError]]:
    """Every good row and every problem. A file without the expected headings is one error."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    headings = {(h or "").strip().lower().replace(" ", "_") for h in reader.fieldnames or []}
    missing = [c for c in COLUMNS if c not in headings]
    if missing:
        return [], [RowError(1, "headings", f"missing column {', '.join(missing)}")]
    reader.fieldnames = [(h or "").strip().lower().replace(" ", "_") for h in reader.fieldnames]
    defendants, errors, seen = [], [], set()
    for number, raw in enumerate(reader, start=2):
        try:
            defendant = _read_row(number, raw)
        except _Bad as bad:
            errors.append(RowError(number, bad.column, bad.message))
            continue
        if defendant.key in seen:
            errors.append(RowError(number, "list_number", "is used twice on this list"))
            continue
        seen.add(defendant.key)
        defendants.append(defendant)
    return defendants, errors
