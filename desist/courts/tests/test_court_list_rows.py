"""The court list's rows, drawn in Python: each cell in list order, and the tags the bench may
ask about, risk only for those who may see the case."""

from datetime import date
from types import SimpleNamespace

from desist.courts.templatetags.court_list import hearing_rows

TODAY = date(2026, 11, 23)


def _hearing(pk, **extra):
    fields = {
        "pk": pk,
        "get_session_display": lambda: "Morning",
        "courtroom": "2",
        "list_number": pk,
        "defendant_name": "Smith <John>",
        "date_of_birth": date(1990, 5, 4),
        "probation_status_label": "Current",
        "get_match_status_display": lambda: "Matched",
        "outcome": "",
        "case_visible": False,
        "in_breach": False,
        "in_custody": False,
        "case": None,
    }
    return SimpleNamespace(**{**fields, **extra})


def test_each_row_in_list_order_with_its_tags():
    risk = SimpleNamespace(
        rosh="HIGH", get_rosh_display=lambda: "High", flags=[], tier_v2="", tier_v3=""
    )
    seen, hidden, bare = hearing_rows(
        [
            _hearing(
                7,
                case_visible=True,
                in_breach=True,
                case=SimpleNamespace(risk=risk),
                report=SimpleNamespace(state="DRAFT", due_date=TODAY),
                in_custody=True,
            ),
            _hearing(
                8,
                case=SimpleNamespace(risk=risk),
                in_breach=True,
                outcome="ADJ",
                get_outcome_display=lambda: "Adjourned",
                report=SimpleNamespace(state="DRAFT", due_date=date(2026, 11, 30)),
            ),
            _hearing(9, date_of_birth=None, report=SimpleNamespace(state="FINAL", due_date=TODAY)),
        ],
        TODAY,
    ).split("\n")
    assert '<td class="govuk-table__cell">Morning</td>' in seen
    assert '<a class="govuk-link" href="/courts/hearings/7/">Smith &lt;John&gt;</a>' in seen
    assert '<span class="govuk-body-s">Born 4 May 1990</span>' in seen
    assert "In breach" in seen and "RoSH: High" in seen and "In custody" in seen
    assert '<strong class="govuk-tag govuk-tag--red">Report due 23 Nov</strong>' in seen
    assert "In breach" not in hidden and "RoSH" not in hidden  # kept from this user
    assert (
        'govuk-tag--green">Adjourned' in hidden and 'govuk-tag--yellow">Report due 30 Nov' in hidden
    )
    assert "Born not given" in bare and "Report due" not in bare
