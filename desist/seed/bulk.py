"""Loading many generated rows fast: COPY on PostgreSQL, batched INSERTs on SQLite."""

import json
from collections.abc import Iterable, Sequence

from django.db import connection


def _cell(value):
    if isinstance(value, list | dict):
        return json.dumps(value)
    return value


def bulk_load(table: str, columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """Insert rows (with explicit ids) into a table. Returns the number of rows."""
    count = 0
    cols = ", ".join(columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([_cell(v) for v in row])
                    count += 1
        else:
            marks = ", ".join(["%s"] * len(columns))
            batch: list[list] = []
            for row in rows:
                batch.append([_cell(v) for v in row])
                count += 1
                if len(batch) == 5000:
                    cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", batch)
                    batch = []
            if batch:
                cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", batch)
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
