import pytest
from django.core.exceptions import ImproperlyConfigured

from desist.supervision import notify
from desist.supervision.models import Contact
from desist.supervision.notify import fake_client


@pytest.fixture
def reachable(case):
    case.mobile, case.email = "07700900123", "john@example.com"
    case.save(update_fields=["mobile", "email"])
    return case


def test_a_reminder_goes_by_text_and_email_and_is_on_the_timeline(
    reachable, arrange, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = arrange()
    assert [(m.channel, m.to) for m in fake_client.sent] == [
        ("sms", "07700900123"),
        ("email", "john@example.com"),
    ]
    assert fake_client.sent[0].personalisation["location"] == "Newcastle probation office"
    notes = Contact.objects.filter(appointment=appointment, system_generated=True)
    assert sorted(n.notes.split()[0] for n in notes) == ["Email", "Text"]
    assert {n.type for n in notes} == {"CMOB"}


def test_nothing_is_sent_before_commit(reachable, arrange, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        arrange()
    assert fake_client.sent == []
    assert len(callbacks) == 1


def test_nothing_is_sent_for_a_sensitive_appointment_without_confirmation(
    reachable, arrange, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = arrange(sensitive=True)
    assert fake_client.sent == []
    assert not Contact.objects.filter(appointment=appointment).exists()


def test_a_confirmed_sensitive_reminder_is_sent_and_its_note_is_sensitive(
    reachable, arrange, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = arrange(sensitive=True, reminder_confirmed=True)
    assert len(fake_client.sent) == 2
    assert all(c.sensitive for c in Contact.objects.filter(appointment=appointment))


def test_no_contact_details_means_no_message(case, arrange, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        arrange()
    assert fake_client.sent == []


def test_notify_is_chosen_by_its_api_key_and_needs_its_library(settings):
    assert notify.notification_client() is fake_client
    settings.NOTIFY_API_KEY = "test-key"
    try:
        import notifications_python_client  # noqa: F401
    except ImportError:
        with pytest.raises(ImproperlyConfigured, match="notifications-python-client"):
            notify.notification_client()
