"""Loading many generated rows fast: COPY on PostgreSQL, batched INSERTs on SQLite."""

import itertools
import json
from collections.abc import Iterable, Sequence

from django.db import connection


def bulk_load(table: str, columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """Insert rows (with explicit ids) into a table. Returns the number of rows.

    JSON columns are found from the first row and only they are converted: looking at every
    value of millions of rows would cost more than the load itself.
    """
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return 0
    json_at = [i for i, value in enumerate(first) if isinstance(value, list | dict)]

    def cells(row: tuple) -> Sequence:
        if not json_at:
            return row
        converted = list(row)
        for i in json_at:
            converted[i] = json.dumps(converted[i])
        return converted

    count = 0
    cols = ", ".join(columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                for row in itertools.chain([first], rows):
                    copy.write_row(cells(row))
                    count += 1
        else:
            marks = ", ".join(["%s"] * len(columns))
            insert = f"INSERT INTO {table} ({cols}) VALUES ({marks})"
            converted = map(cells, itertools.chain([first], rows))
            while batch := list(itertools.islice(converted, 5000)):
                cursor.executemany(insert, batch)
                count += len(batch)
    return count


def next_id(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
        return cursor.fetchone()[0]


def reset_sequences(tables: Sequence[str]) -> None:
    """After loading explicit ids, move PostgreSQL's id sequences past them."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 1))"
            )
