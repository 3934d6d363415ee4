"""The case overview: every area's summary of the person, in a fixed number of queries."""

from datetime import timedelta

from django.utils import timezone

from desist.organisation.models import Office
from desist.supervision import services
from desist.supervision.constants import AppointmentType
from desist.supervision.tests.conftest import tomorrow_at


def test_the_overview_keeps_its_query_count_whatever_the_history(
    client, signed_in, officer, case, django_assert_max_num_queries
):
    office = Office.objects.create(code="O1", name="Newcastle probation office", pdu=case.team.pdu)

    def arrange(starts_at):
        return services.appointment_arrange(
            case=case,
            by=officer,
            type=AppointmentType.OFFICE_VISIT,
            starts_at=starts_at,
            duration_minutes=30,
            practitioner=officer,
            office=office,
        )

    for day in range(5):
        arrange(tomorrow_at(9) + timedelta(days=day))
    past = arrange(tomorrow_at(8))
    past.starts_at = timezone.now() - timedelta(days=2)
    past.save(update_fields=["starts_at"])
    services.appointment_record_outcome(appointment=past, version=1, by=officer, outcome="ATTC")
    signed_in(officer)
    # Sign-in (3), the case and its audit (2), then one or two for each area's section.
    with django_assert_max_num_queries(11):
        page = client.get(f"/cases/{case.crn}/").content.decode()
    assert page.count("Newcastle probation office") == 3  # the next three appointments
    assert 'govuk-tag--green">Attended – complied</strong> at the office visit on' in page
