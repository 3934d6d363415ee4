"""Loading many generated rows fast: COPY on PostgreSQL, batched INSERTs on SQLite."""

import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

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


@contextmanager
def keys_and_indexes_rebuilt(tables: Sequence[str]) -> Iterator[None]:
    """On PostgreSQL, drop the tables' foreign keys and secondary indexes while rows load and
    build them again at the end, as pg_restore does: one sort per index and one join per key
    check instead of millions of single-row index updates and trigger checks. Primary keys
    and unique constraints stay, so a duplicate still fails at once. Elsewhere, nothing."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
            " FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%s::regclass[])",
            [list(tables)],
        )
        keys = cursor.fetchall()
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index i"
            " WHERE indrelid = ANY(%s::regclass[]) AND NOT EXISTS"
            " (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid"
            " AND c.conrelid = i.indrelid)",
            [list(tables)],
        )
        indexes = cursor.fetchall()
        for table, name, _ in keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for _, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in keys:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
