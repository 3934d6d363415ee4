import pytest
from django.db import connection

from desist.audit.models import Action, AuditEvent
from desist.audit.services import audit_record


def test_viewing_a_case_is_recorded(client, signed_in, officer, case):
    signed_in(officer)
    client.get(f"/cases/{case.crn}/")
    view = AuditEvent.objects.get(action=Action.VIEW, case=case)
    assert view.actor == officer and view.detail["path"] == f"/cases/{case.crn}/"
    assert view.ip_address == "127.0.0.1"


def test_the_trail_is_append_only(officer):
    event = audit_record(actor=officer, action=Action.SEARCH, detail={"query": "x"})
    event.detail = {"query": "rewritten"}
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(detail={})
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger is PostgreSQL's")
def test_postgresql_refuses_raw_rewrites(officer):
    from django.db import DatabaseError, transaction

    event = audit_record(actor=officer, action=Action.SEARCH)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'VIEW' WHERE id = %s", [event.pk])


def test_a_manager_sees_who_accessed_a_case(client, signed_in, officer, manager, case):
    signed_in(officer)
    client.get(f"/cases/{case.crn}/")
    signed_in(manager)
    page = client.get(f"/cases/{case.crn}/access-log/").content.decode()
    assert "Officer Tester" in page and "Viewed" in page
