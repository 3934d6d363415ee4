"""Small server-rendered charts: SVG geometry computed here, drawn by core/_line_chart.html.

No JavaScript and nothing to download: a chart is a picture of the table printed under it
(the table is the accessible version, and the one a screen reader reads), so the chart only
has to be right, not interactive. Plain Python; no Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 12, 36
COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92")  # GOV.UK blue, red, green, purple


@dataclass
class Series:
    name: str
    points: Sequence[tuple[date, float]]  # (when, value), any order
    colour: str = ""
    path: str = ""
    dots: list[tuple[float, float, str]] = field(default_factory=list)  # x, y, label


@dataclass
class Chart:
    title: str
    series: list[Series]
    y_ticks: list[tuple[float, str]]  # y position, label
    x_ticks: list[tuple[float, str]]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom: float = HEIGHT - BOTTOM
    right: float = WIDTH - RIGHT


def line_chart(
    title: str,
    series: list[Series],
    *,
    y_range: tuple[float, float],
    y_labels: dict[float, str] | None = None,
    step: bool = False,
) -> Chart:
    """Lines over time on a shared date axis. ``y_labels`` names the ticks (a category axis,
    such as tiers); otherwise five evenly spaced numeric ticks. ``step`` holds each value until
    the next one (a tier stays what it was until recalculated)."""
    days = [when for s in series for when, _ in s.points]
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    low, high = y_range

    def x(when: date) -> float:
        if first == last:
            return (LEFT + WIDTH - RIGHT) / 2
        return LEFT + (WIDTH - LEFT - RIGHT) * (when - first).days / span

    def y(value: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - low) / ((high - low) or 1))

    for n, s in enumerate(series):
        s.colour = s.colour or COLOURS[n % len(COLOURS)]
        ordered = sorted(s.points)
        moves = []
        for i, (when, value) in enumerate(ordered):
            if step and i:
                moves.append(f"L{x(when):.1f},{y(ordered[i - 1][1]):.1f}")
            moves.append(f"{'L' if i else 'M'}{x(when):.1f},{y(value):.1f}")
        s.path = " ".join(moves)
        label = y_labels or {}
        s.dots = [
            (round(x(when), 1), round(y(value), 1), label.get(value, f"{value:g}"))
            for when, value in ordered
        ]
    if y_labels:
        y_ticks = [(round(y(v), 1), text) for v, text in sorted(y_labels.items())]
    else:
        y_ticks = [
            (round(y(low + (high - low) * i / 4), 1), f"{low + (high - low) * i / 4:g}")
            for i in range(5)
        ]
    x_dates = sorted(
        {first, last}
        | ({min(days, key=lambda d: abs((d - first).days - span / 2))} if span > 60 else set())
    )
    x_ticks = [(round(x(d), 1), f"{d:%b %Y}") for d in x_dates]
    return Chart(title=title, series=series, y_ticks=y_ticks, x_ticks=x_ticks)
