"""Sending text messages and emails to people on probation, behind one small interface.

GOV.UK Notify is used when settings.NOTIFY_API_KEY is set; otherwise (tests, the demo, a
laptop) a fake client keeps the messages in memory. The Notify client library
(notifications-python-client) is not a requirement of Desist: it is imported only when
Notify is configured, so install it where that is the case.
"""

from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class NotificationClient(Protocol):
    def send_sms_notification(
        self, *, phone_number: str, template_id: str, personalisation: dict
    ) -> dict: ...

    def send_email_notification(
        self, *, email_address: str, template_id: str, personalisation: dict
    ) -> dict: ...


@dataclass
class SentMessage:
    channel: str
    to: str
    template_id: str
    personalisation: dict


@dataclass
class FakeNotifyClient:
    """Records each message instead of sending it, with the same call shape as Notify's."""

    sent: list[SentMessage] = field(default_factory=list)

    def send_sms_notification(
        self, *, phone_number: str, template_id: str, personalisation: dict
    ) -> dict:
        self.sent.append(SentMessage("sms", phone_number, template_id, personalisation))
        return {"id": f"fake-{len(self.sent)}"}

    def send_email_notification(
        self, *, email_address: str, template_id: str, personalisation: dict
    ) -> dict:
        self.sent.append(SentMessage("email", email_address, template_id, personalisation))
        return {"id": f"fake-{len(self.sent)}"}


fake_client = FakeNotifyClient()


def notify_client(api_key: str) -> NotificationClient:
    """GOV.UK Notify's own client, imported lazily: it is only needed where Notify is on."""
    try:
        from notifications_python_client.notifications import NotificationsAPIClient
    except ImportError as missing:
        raise ImproperlyConfigured(
            "NOTIFY_API_KEY is set but notifications-python-client is not installed: "
            "pip install notifications-python-client"
        ) from missing
    return NotificationsAPIClient(api_key)


def notification_client() -> NotificationClient:
    api_key = getattr(settings, "NOTIFY_API_KEY", "")
    return notify_client(api_key) if api_key else fake_client


def template_id(name: str) -> str:
    """The Notify template for a message, from settings.NOTIFY_TEMPLATES (e.g.
    {"appointment_reminder_sms": "<uuid>"}); the fake client accepts the name itself."""
    return getattr(settings, "NOTIFY_TEMPLATES", {}).get(name, name)
