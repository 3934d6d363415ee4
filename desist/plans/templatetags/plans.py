"""The mind map drawn as a picture: the problem in the middle, each possible solution on a
spoke. The nested list beside it is the text equivalent, so the picture is hidden from
screen readers."""

import math

from django import template

register = template.Library()

WIDTH, HEIGHT, RADIUS = 640, 400, 150
LABEL = 22  # characters that fit in a node


def _short(text: str) -> str:
    return text if len(text) <= LABEL else text[: LABEL - 1].rstrip() + "…"


@register.inclusion_tag("plans/_mind_map.html")
def mind_map(content: dict):
    options = content.get("options", [])
    cx, cy = WIDTH / 2, HEIGHT / 2
    nodes = []
    for i, option in enumerate(options):
        angle = 2 * math.pi * i / max(len(options), 1) - math.pi / 2
        x, y = cx + RADIUS * 1.3 * math.cos(angle), cy + RADIUS * math.sin(angle)
        nodes.append({"x": round(x), "y": round(y), "label": _short(option.get("option", ""))})
    return {
        "problem": content.get("problem", ""),
        "problem_label": _short(content.get("problem", "")),
        "options": options,
        "nodes": nodes,
        "cx": round(cx),
        "cy": round(cy),
        "width": WIDTH,
        "height": HEIGHT,
    }
