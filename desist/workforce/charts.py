"""Horizontal bar charts for the team page, drawn by the bar_chart template tag.

As core.charts: SVG geometry computed here, no JavaScript, and the table under each chart is
the accessible version. Plain Python; no Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

WIDTH = 640
LABEL_WIDTH = 170
RIGHT = 56  # room for the value after the bar
ROW_HEIGHT = 30
BAR_HEIGHT = 18
TOP = 8
# GOV.UK colours: blue, then the tier letters A-D from strongest to lightest, then grey.
BLUE = "#1d70b8"
RED = "#d4351c"
TIER_COLOURS = {"A": "#d4351c", "B": "#f47738", "C": "#1d70b8", "D": "#5694ca", "none": "#b1b4b6"}


@dataclass
class Segment:
    value: float
    colour: str
    x: float = 0
    width: float = 0


@dataclass
class Bar:
    label: str
    segments: list[Segment]
    text: str  # the figure printed after the bar
    y: float = 0
    text_x: float = 0


@dataclass
class BarChart:
    title: str
    bars: list[Bar]
    scale: float
    marker: float | None = None  # a reference line (100% capacity)
    marker_x: float = 0
    key: list[tuple[str, str]] = field(default_factory=list)  # (colour, name)
    width: int = WIDTH
    height: float = 0
    left: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def bar_chart(
    title: str,
    rows: Sequence[tuple[str, Sequence[tuple[float | Decimal, str]], str]],
    *,
    scale: float,
    marker: float | None = None,
    key: Sequence[tuple[str, str]] = (),
) -> BarChart:
    """``rows`` are (label, [(value, colour)...], text); segments stack left to right, and a
    value past ``scale`` is drawn to the edge (the text still gives the real figure)."""
    span = WIDTH - LABEL_WIDTH - RIGHT
    per_unit = span / scale if scale else 0
    bars = []
    for i, (label, values, text) in enumerate(rows):
        x = float(LABEL_WIDTH)
        segments = []
        for value, colour in values:
            width = min(float(value) * per_unit, LABEL_WIDTH + span - x)
            segments.append(Segment(float(value), colour, round(x, 1), round(max(width, 0), 1)))
            x += max(width, 0)
        bars.append(Bar(label, segments, text, TOP + i * ROW_HEIGHT, round(x + 6, 1)))
    chart = BarChart(title, bars, scale, marker, key=list(key))
    chart.height = TOP * 2 + len(rows) * ROW_HEIGHT
    if marker is not None:
        chart.marker_x = round(LABEL_WIDTH + marker * per_unit, 1)
    return chart
