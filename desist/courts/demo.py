"""Demo court work, made through the services as a court officer and a practitioner would:
today's suggested matches confirmed, one standard report in draft with a proposal for the demo
probation officer to finish, and one short format report waiting for the demo SPO's check."""

from datetime import date

from desist.courts import services
from desist.courts.constants import MatchStatus, ReportType
from desist.courts.models import Hearing

WRITTEN = {
    "sources_of_information": "Interview at court; police national computer; previous records.",
    "offence_analysis": "Took goods from a shop when out of money; accepts responsibility.",
    "circumstances_and_needs": "Lives alone; lost work in the summer; drinks to cope.",
    "domestic_abuse_enquiry": "Police domestic abuse call-out check: none recorded.",
    "safeguarding_enquiry": "Children's services: not known.",
}


def seed_court_reports(*, court_officer, po) -> None:
    suggested = list(
        Hearing.objects.filter(hearing_date=date.today(), match_status=MatchStatus.SUGGESTED)
        .select_related("case")
        .order_by("list_number")[:2]
    )
    for hearing, type in zip(
        suggested, (ReportType.STANDARD, ReportType.SHORT_FORMAT), strict=False
    ):
        hearing = services.hearing_match_confirm(
            hearing=hearing, case=hearing.case, version=hearing.version, by=court_officer
        )
        report = services.report_request(
            hearing=hearing,
            type=type,
            author=po,
            requested_on=hearing.hearing_date,
            by=court_officer,
        )
        report = services.report_update(report=report, version=report.version, by=po, **WRITTEN)
        report = services.report_proposal_set(
            report=report,
            version=report.version,
            sentence_type="CO",
            length=12,
            length_unit="M",
            by=po,
        )
        report = services.report_requirement_propose(
            report=report, version=report.version, category="UPW", length=100, by=po
        )
        if type == ReportType.SHORT_FORMAT:
            services.report_move(report=report, to="SUBMITTED", version=report.version, by=po)
