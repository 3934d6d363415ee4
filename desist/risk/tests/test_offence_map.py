"""The offence map as reference data: seeded from the packaged CSV, listed and searched,
changed one code at a time (with a version check) or replaced by an upload that changes
nothing if any row is bad; the predictors score with the map as it stands."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from desist.accounts.roles import Role
from desist.audit.models import Action, AuditEvent
from desist.risk import scoring, selectors, services
from desist.risk.models import OffenceCode
from desist.rules import actuarial

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(make_staff):
    return make_staff("admin", Role.ADMINISTRATOR)


def _map_text(change=None) -> str:
    """The packaged map as CSV text, with ``change(row)`` applied to each row."""
    rows, _ = actuarial.read_offence_map(actuarial.OFFENCE_MAP_FILE.read_text(encoding="utf-8"))
    out = io.StringIO()
    writer = csv.DictWriter(out, actuarial.OFFENCE_MAP_COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(change(row) if change else row)
    return out.getvalue()


def _edit_post(code: OffenceCode, **overrides) -> dict:
    data = {name: getattr(code, name) for name in services.OFFENCE_FIELDS}
    return data | {"version": code.version} | overrides


def test_the_map_is_seeded_from_the_packaged_file_and_scores_the_same():
    assert OffenceCode.objects.count() == len(actuarial.offence_map()) == 3039
    assert selectors.offence_table() == actuarial.offence_map()


def test_search_by_code_or_words(admin, signed_in, django_assert_max_num_queries):
    client = signed_in(admin)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("risk:offence-map"), {"q": "104"}).content.decode()
    assert "10400" in page and "00101" not in page
    page = client.get(reverse("risk:offence-map"), {"q": "infants murder"}).content.decode()
    assert "00102" in page and "1 offence code matching" in page
    page = client.get(reverse("risk:offence-map"), {"page": 2}).content.decode()
    assert "3039 offence codes" in page and 'aria-label="Page 2 of 61"' in page


def test_only_administrators_see_or_change_the_map(signed_in, officer, case):
    client = signed_in(officer)
    for name, args in (
        ("offence-map", []),
        ("offence-map-csv", []),
        ("offence-map-upload", []),
        ("offence-code-edit", ["10400"]),
    ):
        assert client.get(reverse(f"risk:{name}", args=args)).status_code == 403
    code = OffenceCode.objects.get(ho_offence_code="10400")
    response = client.post(reverse("risk:offence-code-edit", args=["10400"]), _edit_post(code))
    assert response.status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED).count() == 5


def test_changing_a_code_changes_the_scores_and_is_audited(admin, officer, case, signed_in):
    inputs = {
        "offence_code": "19100",
        "conviction_date": "2026-10-01",
        "start_of_follow_up": "2026-10-01",
        "total_sanctions": 3,
        "age_at_first_sanction": 20,
    }
    before = scoring.score(case=case, assessed_on=case.created_at.date(), inputs=inputs)
    code = OffenceCode.objects.get(ho_offence_code="19100")
    client = signed_in(admin)
    url = reverse("risk:offence-code-edit", args=["19100"])
    page = client.post(url, _edit_post(code, ogrs3_weight="heavy")).content.decode()
    assert "OGRS3 weight must be a number" in page
    response = client.post(
        url, _edit_post(code, ogrs3_category="Theft (non-motor)", ogrs3_weight="0.6612")
    )
    assert response.status_code == 302
    code.refresh_from_db()
    assert (code.ogrs3_category, code.version) == ("Theft (non-motor)", 2)
    audit = AuditEvent.objects.get(subject="offencecode", subject_id="19100")
    assert audit.changes["ogrs3_category"] == ["Other offence", "Theft (non-motor)"]
    after = scoring.score(case=case, assessed_on=case.created_at.date(), inputs=inputs)
    assert after["ogrs3_two_year"] > before["ogrs3_two_year"]
    stale = client.post(url, _edit_post(code, version=1, ogrs3_weight="0.1")).content.decode()
    assert "Someone else changed" in stale
    code.refresh_from_db()
    assert code.ogrs3_weight == "0.6612"


def test_an_upload_with_a_bad_row_changes_nothing(admin, signed_in):
    def spoil(row):
        if row["ho_offence_code"] == "00101":
            row |= {"ogrs3_weight": "lots", "is_violent_sanction": "maybe"}
        return row

    client = signed_in(admin)
    upload = SimpleUploadedFile("map.csv", _map_text(spoil).encode(), content_type="text/csv")
    page = client.post(reverse("risk:offence-map-upload"), {"file": upload}).content.decode()
    assert "govuk-error-summary" in page
    assert "Row 5, ogrs3 weight: must be a number" in page  # headings, 00000, 00001, 00100
    assert "Row 5, is violent sanction: must be Y or N" in page
    assert OffenceCode.objects.get(ho_offence_code="00101").ogrs3_weight == "0.0"
    assert not AuditEvent.objects.filter(subject="offencemap").exists()


def test_an_upload_replaces_the_whole_map(admin, signed_in):
    def drop_subcode(row):
        return row | {"opd_violent_or_sexual": "N"} if row["ho_offence_code"] == "10400" else row

    text = "\n".join(
        line for line in _map_text(drop_subcode).splitlines() if not line.startswith("99")
    )
    client = signed_in(admin)
    upload = SimpleUploadedFile("map.csv", text.encode("utf-8-sig"), content_type="text/csv")
    response = client.post(reverse("risk:offence-map-upload"), {"file": upload})
    assert response.status_code == 302
    assert not OffenceCode.objects.filter(ho_offence_code__startswith="99").exists()
    assert OffenceCode.objects.get(ho_offence_code="10400").opd_violent_or_sexual == "N"
    assert not selectors.offence_table()["10400"].opd_violent_or_sexual
    audit = AuditEvent.objects.get(subject="offencemap")
    assert audit.changes["rows"][0] == 3039 > audit.changes["rows"][1]
    download = client.get(reverse("risk:offence-map-csv")).content.decode()
    assert download.splitlines()[0] == ",".join(actuarial.OFFENCE_MAP_COLUMNS)


def test_a_file_without_the_headings_is_refused(admin, signed_in):
    client = signed_in(admin)
    upload = SimpleUploadedFile("map.csv", b"code,offence\n10400,Assault\n")
    page = client.post(reverse("risk:offence-map-upload"), {"file": upload}).content.decode()
    assert "Row 1, headings: missing column ho_offence_code" in page
    assert OffenceCode.objects.count() == 3039
