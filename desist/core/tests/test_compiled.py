"""A query compiled once answers every later call with that call's values, exactly as building
it afresh would; a query whose values do not reach its SQL unchanged is built every time."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.db.models import Value
from django.db.models.functions import Concat

from desist.core.compiled import _slot, compiled_once
from desist.people.models import Case

pytestmark = pytest.mark.django_db


def _people(make_case):
    return [make_case(first=name, last="Tester") for name in ("Ann", "Bob", "Cy")]


def test_each_call_runs_the_compiled_sql_with_its_own_values(make_case, colleague, officer):
    ann, bob, cy = _people(make_case)
    Case.objects.filter(pk=cy.pk).update(practitioner=colleague)

    @compiled_once
    def held(*, crn: str, practitioner_id: int):
        return Case.objects.select_related("practitioner").filter(
            crn=crn, practitioner_id=practitioner_id
        )

    assert [c.first_name for c in held(crn=ann.crn, practitioner_id=officer.pk)] == ["Ann"]
    assert held._compiled is not None  # the first call compiled it
    assert [c.first_name for c in held(crn=bob.crn, practitioner_id=officer.pk)] == ["Bob"]
    assert held(crn=cy.crn, practitioner_id=officer.pk) == []
    (found,) = held(crn=cy.crn, practitioner_id=colleague.pk)
    assert found.practitioner == colleague  # related objects come back as usual


def test_a_compiled_query_costs_one_query_per_call(make_case, officer, django_assert_num_queries):
    ann, bob, _ = _people(make_case)

    @compiled_once
    def by_crn(*, crn: str):
        return Case.objects.filter(crn=crn)

    by_crn(crn=ann.crn)
    with django_assert_num_queries(1):
        assert by_crn(crn=bob.crn)[0].pk == bob.pk


def test_a_value_changed_on_its_way_to_the_sql_is_never_compiled(make_case):
    ann, bob, _ = _people(make_case)

    @compiled_once
    def named_like(*, name: str):  # icontains wraps the value in % signs
        return Case.objects.filter(first_name__icontains=name)

    assert [c.pk for c in named_like(name="an")] == [ann.pk]
    assert named_like._compiled is None
    assert [c.pk for c in named_like(name="ob")] == [bob.pk]


def test_a_value_folded_into_the_sql_is_never_compiled(make_case):
    _people(make_case)

    @compiled_once
    def first(*, count: int):  # a slice is written into the SQL, not passed with it
        return Case.objects.order_by("first_name")[:count]

    assert [c.first_name for c in first(count=1)] == ["Ann"]
    assert first._compiled is None
    assert [c.first_name for c in first(count=2)] == ["Ann", "Bob"]


def test_a_value_it_cannot_stand_in_for_is_built_for_that_call_only(make_case, officer):
    ann, *_ = _people(make_case)
    Case.objects.filter(pk=ann.pk).update(practitioner=None)

    @compiled_once
    def held_by(*, practitioner_id):
        return Case.objects.filter(practitioner_id=practitioner_id).order_by("first_name")

    assert [c.first_name for c in held_by(practitioner_id=None)] == ["Ann"]  # IS NULL
    assert [c.first_name for c in held_by(practitioner_id=officer.pk)] == ["Bob", "Cy"]
    assert held_by._compiled is not None
    assert [c.first_name for c in held_by(practitioner_id=None)] == ["Ann"]


def test_values_and_annotations_come_back_as_the_queryset_gives_them(make_case):
    ann, *_ = _people(make_case)

    @compiled_once
    def label(*, crn: str, prefix: str):
        return (
            Case.objects.filter(crn=crn)
            .annotate(label=Concat(Value(prefix), "first_name"))
            .values_list("label", flat=True)
        )

    assert label(crn=ann.crn, prefix="Dear ") == ["Dear Ann"]
    assert label(crn=ann.crn, prefix="To ") == ["To Ann"]


def test_dates_and_times_are_values_too(make_case):
    ann, bob, cy = _people(make_case)
    Case.objects.filter(pk=ann.pk).update(date_of_birth=date(1990, 1, 2))
    Case.objects.filter(pk=cy.pk).update(date_of_birth=date(2000, 1, 2))

    @compiled_once
    def born(*, on: date, after: datetime):
        return Case.objects.filter(date_of_birth=on, created_at__gte=after).order_by("pk")

    assert [c.pk for c in born(on=date(1990, 1, 2), after=ann.created_at)] == [ann.pk]
    # PostgreSQL takes them as they are; SQLite's are written as text, so built every time.
    assert (born._compiled is not None) == (connection.vendor == "postgresql")
    assert [c.pk for c in born(on=bob.date_of_birth, after=ann.created_at)] == [bob.pk]
    later = bob.created_at + timedelta(seconds=1)
    assert born(on=bob.date_of_birth, after=later) == []


def test_a_value_of_another_kind_than_it_was_compiled_for_is_built_afresh(make_case):
    ann, *_ = _people(make_case)

    @compiled_once
    def by_key(*, key):
        return Case.objects.filter(pk=key)

    assert [c.pk for c in by_key(key=ann.pk)] == [ann.pk]
    assert [c.pk for c in by_key(key=str(ann.pk))] == [ann.pk]


def test_a_value_the_query_refuses_as_a_stand_in_is_built_every_time(make_case):
    ann, *_ = _people(make_case)

    @compiled_once
    def by_key(*, key):
        return Case.objects.filter(pk=key)

    assert [c.pk for c in by_key(key=str(ann.pk))] == [ann.pk]  # "5" is a key; "\x1f..." not
    assert by_key._compiled is None
    assert [c.pk for c in by_key(key=ann.pk)] == [ann.pk]


def test_a_parameter_is_a_stand_ins_slot_or_a_constant_even_one_that_cannot_be_hashed():
    by_value = {(int, 8): "key"}
    assert _slot(by_value, 8).name == "key"
    assert _slot(by_value, 8.0) == 8.0  # equal, but not the stand-in's kind
    assert _slot(by_value, ["a", "list"]) == ["a", "list"]
