"""Background jobs for supervision (in-process by default; see settings.TASKS)."""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django_tasks import task

from desist.supervision.constants import ContactType
from desist.supervision.models import Appointment
from desist.supervision.notify import notification_client, template_id


@task()
def send_appointment_reminder(appointment_id: int) -> None:
    """Remind the person of an appointment by text message and email, as their details
    allow, and note each message on the case timeline. Nothing goes for an appointment that
    has been moved, cancelled or has passed, nor for a sensitive one the practitioner did not
    confirm: a message on a shared phone can put someone at risk."""
    from desist.supervision.services import contact_add  # services enqueue this task

    appointment = Appointment.objects.select_related("case", "office").get(pk=appointment_id)
    case = appointment.case
    if not appointment.is_active or appointment.outcome or appointment.starts_at < timezone.now():
        return
    if appointment.sensitive and not appointment.reminder_confirmed:
        return
    start = timezone.localtime(appointment.starts_at)
    personalisation = {
        "first_name": case.preferred_name or case.first_name,
        "date": date_format(start, "l j F Y"),
        "time": f"{start:%H:%M}",
        "location": appointment.location,
    }
    client = notification_client()
    sent = []
    if case.mobile or case.phone:
        client.send_sms_notification(
            phone_number=case.mobile or case.phone,
            template_id=template_id("appointment_reminder_sms"),
            personalisation=personalisation,
        )
        sent.append("Text message")
    if case.email:
        client.send_email_notification(
            email_address=case.email,
            template_id=template_id("appointment_reminder_email"),
            personalisation=personalisation,
        )
        sent.append("Email")
    with transaction.atomic():
        for channel in sent:
            contact_add(
                case=case,
                by=None,
                system_generated=True,
                type=ContactType.EMAIL_TO_PERSON,
                at=timezone.now(),
                notes=f"{channel} reminder sent for the appointment on "
                f"{personalisation['date']} at {personalisation['time']}",
                sensitive=appointment.sensitive,
                appointment=appointment,
            )
