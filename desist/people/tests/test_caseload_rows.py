"""The caseload's rows, drawn in Python: every cell as the table heads say, with words where
nothing is recorded yet, and the person's details escaped."""

from datetime import date
from types import SimpleNamespace

from desist.people.templatetags.caseload import caseload_rows


def _case(crn, *, risk=None, addresses=(), accommodation=None, last="Smith"):
    return SimpleNamespace(
        crn=crn,
        listed_name=f"{last}, Ann",
        date_of_birth=date(1985, 3, 7),
        main_address_list=list(addresses),
        accommodation=accommodation,
        risk=risk,
    )


def _risk(**fields):
    rosh = fields.pop("rosh", "High")
    return SimpleNamespace(get_rosh_display=lambda: rosh, **fields)


def test_a_row_gives_each_cell_and_words_where_nothing_is_recorded():
    known, unknown = caseload_rows(
        [
            _case(
                "X123456",
                last="O'Neil <b>",
                risk=_risk(tier_v2="B2", tier_v3="C", tier_v3_provisional=True),
                addresses=["1 High Street, Leeds"],
                accommodation="TEMPORARY",
            ),
            _case("X654321"),
        ]
    ).split("\n")
    assert '<a class="govuk-link" href="/cases/X123456/">O&#x27;Neil &lt;b&gt;, Ann</a>' in known
    assert '<td class="govuk-table__cell desist-nowrap">7 Mar 1985</td>' in known
    assert "1 High Street, Leeds" in known
    assert "No settled accommodation" in known
    assert 'B2<br><span class="govuk-body-s">v3 C (provisional)</span>' in known
    assert '<td class="govuk-table__cell">High</td>' in known
    for words in ("No main address", "Not recorded", "Not calculated", "Not assessed"):
        assert words in unknown
