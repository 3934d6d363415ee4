"""Small query helpers shared by the areas."""

from collections.abc import Iterable

from django.db.models import Q


def ids_lookup(field: str, ids: Iterable[int]) -> Q:
    """``field`` in ``ids``; a ``range`` becomes BETWEEN, two parameters instead of thousands.

    Batch jobs walk the cases in id order, so a batch is a span of ids. Building and sending a
    5,000-id IN list cost the nightly tier run more time than the reads themselves; a span may
    take in ids outside the batch, which the caller simply does not ask for.
    """
    if isinstance(ids, range):
        # gte and lte, not range: Django's foreign keys do not take range.
        return Q(**{f"{field}__gte": ids.start, f"{field}__lte": ids.stop - 1})
    return Q(**{f"{field}__in": ids})
