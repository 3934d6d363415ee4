"""Background jobs for people on probation (in-process by default; see settings.TASKS)."""

from django.core.mail import send_mail
from django_tasks import task

from desist.people.models import Allocation


@task()
def tell_practitioner_of_allocation(allocation_id: int) -> None:
    """Email the practitioner that a case is now theirs. The email names only the CRN:
    personal details stay inside Desist."""
    allocation = Allocation.objects.select_related("practitioner", "case").get(pk=allocation_id)
    if not allocation.practitioner.email:
        return
    send_mail(
        subject=f"Case {allocation.case.crn} has been allocated to you",
        message=(
            f"Case {allocation.case.crn} has been allocated to you. "
            "Sign in to Desist to see the case and arrange the first appointment."
        ),
        from_email=None,
        recipient_list=[allocation.practitioner.email],
    )
