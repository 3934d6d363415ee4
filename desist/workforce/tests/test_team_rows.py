"""The team table's rows, drawn in Python: each figure in its cell, over-capacity and overdue
in red tags, and words where there is no figure to give."""

from types import SimpleNamespace

from desist.workforce.templatetags.team import team_rows


def _row(pk, name, *, percent, no_points=False, overdue=0, seen=0, cases=0):
    staff = SimpleNamespace(
        pk=pk, get_full_name=lambda: name, get_grade_display=lambda: "Probation officer"
    )
    load = SimpleNamespace(
        case_count=cases,
        capacity=SimpleNamespace(percent=percent, no_available_points=no_points),
        tier_mix={"A": 1, "B": 2, "C": 3, "D": 0, "none": 4},
    )
    return SimpleNamespace(
        staff=staff,
        load=load,
        overdue=overdue,
        seen=seen,
        cases=cases,
        seen_percent=round(100 * seen / cases) if cases else 0,
    )


def test_each_row_gives_the_figures_and_flags_what_needs_attention():
    over, empty, usual = team_rows(
        [
            _row(7, "Ann <Lee>", percent=112, overdue=3, seen=9, cases=12),
            _row(8, "Bo Li", percent=0, no_points=True),
            _row(9, "Cy Ng", percent=64, seen=10, cases=10),
        ]
    ).split("\n")
    assert '<a class="govuk-link" href="/team/staff/7/">Ann &lt;Lee&gt;</a>' in over
    assert '<span class="govuk-body-s">Probation officer</span>' in over
    numeric = '<td class="govuk-table__cell govuk-table__cell--numeric">'
    assert f'{numeric}<strong class="govuk-tag govuk-tag--red">112%</strong></td>' in over
    assert '<td class="govuk-table__cell">1 / 2 / 3 / 0 / 4</td>' in over
    assert f'{numeric}<strong class="govuk-tag govuk-tag--red">3</strong></td>' in over
    assert f'{numeric}75% <span class="govuk-body-s">(9 of 12)</span></td>' in over
    assert f"{numeric}No capacity</td>" in empty and f"{numeric}No cases</td>" in empty
    assert f"{numeric}0</td>" in empty
    assert f"{numeric}64%</td>" in usual and "(10 of 10)" in usual
