"""Queries compiled to SQL once per process.

Django builds and compiles a query to SQL on every call, and for the queries every case page
runs that costs more Python than running them: the case with its holder, team and the user's
access entry takes about 2 ms to build and compile and 0.5 ms to run (measured at 250,000
people; see desist.bench). A query whose shape never changes, only its values, is compiled
here once with stand-in values; each call then runs that SQL with its own values, and Django
turns the rows into objects as usual.

Whole numbers, text, dates and times are taken as values, and the first compilation checks
that each stand-in reaches the SQL unchanged, as a parameter of its own. A query where one
does not (a value folded into the SQL, transformed, or one that changes the query's shape)
is built and compiled on every call instead: correctness never depends on the cache.
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import update_wrapper

from django.core.exceptions import EmptyResultSet, ValidationError
from django.db import connections
from django.db.models import QuerySet

# Far from any real key, so a stand-in cannot be mistaken for a value the query holds itself.
_STAND_IN_BASE = 8_070_450_532_247_928_000
_STAND_IN_MOMENT = datetime(1111, 11, 11, 11, 11, 11)
_NOT_YET = object()


@dataclass(frozen=True)
class _Slot:
    name: str


@dataclass(frozen=True)
class _Compiled:
    queryset: QuerySet = field(repr=False)  # a repr would run it
    compiler: object
    sql: str
    slots: tuple  # each parameter: a _Slot naming the call's value, or a constant
    kinds: dict  # the type of each value it was compiled for: another type is built afresh


def _stand_in(index: int, value):
    """A value of the same kind no real call would pass, or None for a kind it cannot be."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _STAND_IN_BASE + index
    if isinstance(value, str):
        return f"\x1fstand-in-{index}\x1f"
    if isinstance(value, datetime):
        return _STAND_IN_MOMENT.replace(microsecond=index, tzinfo=value.tzinfo)
    if isinstance(value, date):
        return _STAND_IN_MOMENT.date() - timedelta(days=index)
    return None


def _slot(by_value: dict, param):
    """The stand-in's name where the parameter is one, else the parameter: a constant."""
    try:
        return _Slot(by_value[(type(param), param)])
    except (KeyError, TypeError):  # TypeError: a constant that cannot be hashed
        return param


class compiled_once:  # a decorator, named like functools.cache
    """Decorate a function that builds a queryset from keyword values; calling it returns the
    queryset's results as a list, from SQL compiled on the first call."""

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._compiled: _Compiled | None | object = _NOT_YET
        update_wrapper(self, build)

    def __call__(self, **values) -> list:
        kinds = {name: type(value) for name, value in values.items()}
        if self._compiled is _NOT_YET:
            stand_ins = {name: _stand_in(i, v) for i, (name, v) in enumerate(values.items())}
            if None in stand_ins.values():  # not a value this can stand in for: this call only
                return list(self.build(**values))
            self._compiled = self._check(stand_ins, kinds)
        if self._compiled is None or kinds != self._compiled.kinds:
            return list(self.build(**values))
        return list(self._bound(self._compiled, values))

    def _check(self, stand_ins: dict, kinds: dict) -> _Compiled | None:
        try:
            queryset = self.build(**stand_ins)
            compiler = queryset.query.get_compiler(using=queryset.db)
            sql, params = compiler.as_sql()
        except (EmptyResultSet, ValueError, TypeError, ValidationError):
            return None  # a stand-in the query refuses, or no SQL to run: built every time
        by_value = {(type(v), v): name for name, v in stand_ins.items()}
        slots = tuple(_slot(by_value, p) for p in params)
        used = {slot.name for slot in slots if isinstance(slot, _Slot)}
        if used != set(stand_ins) or any(str(v) in sql for v in stand_ins.values()):
            return None
        return _Compiled(queryset, compiler, sql, slots, kinds)

    @staticmethod
    def _bound(compiled: _Compiled, values: dict) -> QuerySet:
        """The compiled queryset, answering with this call's values. It is private to the
        call: a queryset whose compiler is fixed must never be narrowed further."""
        params = tuple(values[s.name] if isinstance(s, _Slot) else s for s in compiled.slots)
        queryset = compiled.queryset._chain()
        runner = copy.copy(compiled.compiler)
        runner.query = queryset.query
        runner.connection = connections[queryset.db]  # this thread's connection
        runner.as_sql = lambda *args, **kwargs: (compiled.sql, params)
        queryset.query.get_compiler = lambda *args, **kwargs: runner
        return queryset
