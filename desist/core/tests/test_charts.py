from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desist.core.charts import BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH, Series, line_chart


def test_points_span_the_plot_from_first_to_last_date():
    chart = line_chart(
        "Scores",
        [Series("OGRS3", [(date(2026, 6, 1), 80), (date(2025, 6, 1), 20)])],
        y_range=(0, 100),
    )
    (first, _, _), (last, _, _) = chart.series[0].dots  # drawn in date order
    assert first == LEFT and last == WIDTH - RIGHT
    assert [label for _, _, label in chart.series[0].dots] == ["20", "80"]
    assert [label for _, label in chart.y_ticks] == ["0", "25", "50", "75", "100"]
    assert chart.series[0].path.startswith("M") and chart.series[0].colour


def test_a_step_chart_holds_each_value_until_the_next():
    chart = line_chart(
        "Tier",
        [Series("Tier", [(date(2026, 1, 1), 3), (date(2026, 3, 1), 9)])],
        y_range=(0, 15),
        y_labels={3: "D3", 9: "B1"},
        step=True,
    )
    moves = chart.series[0].path.split()
    assert len(moves) == 3  # start, across at the old level, then up
    assert moves[1].split(",")[1] == moves[0].split(",")[1]
    assert [label for _, label in chart.y_ticks] == ["D3", "B1"]


@given(
    st.lists(
        st.tuples(st.dates(date(2000, 1, 1), date(2030, 1, 1)), st.integers(0, 100)),
        min_size=1,
        max_size=20,
    )
)
def test_every_point_is_inside_the_plot(points):
    chart = line_chart("Any", [Series("s", points)], y_range=(0, 100))
    for x, y, _ in chart.series[0].dots:
        assert LEFT <= x <= WIDTH - RIGHT
        assert TOP <= y <= HEIGHT - BOTTOM


@pytest.mark.parametrize("value,expected_y", [(0, HEIGHT - BOTTOM), (100, TOP)])
def test_the_y_axis_runs_bottom_up(value, expected_y):
    chart = line_chart("One", [Series("s", [(date(2026, 1, 1), value)])], y_range=(0, 100))
    assert chart.series[0].dots[0][1] == expected_y
