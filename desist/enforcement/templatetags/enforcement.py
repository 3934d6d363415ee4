"""The enforcement sections of the event page and the case overview, loaded here so the
sentences and people apps need not know of enforcement."""

from django import template
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone

from desist.core.compiled import compiled_once
from desist.enforcement import selectors
from desist.enforcement.constants import RecallStatus
from desist.enforcement.models import Recall
from desist.rules.enforcement import OrderType
from desist.sentences.models import Event, Requirement
from desist.sentences.selectors import event_release_dates, main_offences
from desist.supervision.constants import RAR_CATEGORY

register = template.Library()


@compiled_once
def _active_events(*, case_id: int) -> QuerySet[Event]:
    """The case's current sentences, with what the section needs of each: every case page's,
    so compiled once."""
    rar = Requirement.objects.filter(event=OuterRef("pk"), category=RAR_CATEGORY)
    awaiting = Recall.objects.filter(event=OuterRef("pk"), status=RecallStatus.AWAITING)
    return (
        Event.objects.filter(case_id=case_id, active=True)
        .exclude(sentence_type="")
        .annotate(has_rar=Exists(rar), awaiting_recall=Subquery(awaiting.values("pk")[:1]))
        .prefetch_related(main_offences())
    )


@register.inclusion_tag("enforcement/_event_section.html", takes_context=True)
def event_enforcement_section(context, case, event):
    """Reuses what the event page has loaded (requirements, release dates); adds one query each
    for failures, actions, registrations and, on a licence, recalls."""
    today = timezone.localdate()
    enforcement = selectors.event_enforcement(event, today)
    if enforcement is None:
        return {"enforcement": None}
    has_rar = any(row[0].category == RAR_CATEGORY for row in context.get("requirements", []))
    final = selectors.event_final_third(
        event,
        release_dates=context.get("release_dates"),
        has_rar=has_rar,
        facts=selectors.risk_facts(case),
    )
    licence = enforcement.order_type is OrderType.LICENCE
    return {
        "case": case,
        "event": event,
        "enforcement": enforcement,
        "final_third": final,
        "today": today,
        "licence": licence,
        "recalls": list(event.recalls.select_related("requested_by")) if licence else [],
        "can": context.get("can", {}),
    }


@register.inclusion_tag("enforcement/_case_section_inner.html", takes_context=True)
def case_enforcement_section(context, case):
    """One line per active event with something due, and where each stands in the Probation
    Reset (when it applies or an exemption keeps contact going). One query for a case with no
    current sentence; a handful otherwise."""
    events = _active_events(case_id=case.pk)
    if not events:
        return {}
    today = timezone.localdate()
    facts = selectors.risk_facts(case)
    final_thirds = []
    for event in events:
        event.case = case
        final = selectors.event_final_third(
            event,
            release_dates=event_release_dates(event, date_of_birth=case.date_of_birth),
            has_rar=event.has_rar,
            facts=facts,
        )
        if final is not None and (final.applies or final.exemptions):
            final_thirds.append((event, final))
    failures = selectors.case_failures_by_event(case)
    return {
        "case": case,
        "due": selectors.due_on_events(events, failures, today),
        "final_thirds": final_thirds,
        "awaiting": [e for e in events if e.awaiting_recall],
        "today": today,
    }
