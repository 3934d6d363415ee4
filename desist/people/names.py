"""Name normalisation for search: the same rule at write time (SearchName rows) and at
query time, so "Siobhán O'Neill-Smyth" is found by "siobhan oneill smyth"."""

import re

from unidecode import unidecode

_DROP = re.compile(r"['’`.]")
_SPACE = re.compile(r"[^a-z0-9]+")


def normalise_name(*parts: str) -> str:
    text = unidecode(" ".join(p for p in parts if p)).casefold()
    return _SPACE.sub(" ", _DROP.sub("", text)).strip()
