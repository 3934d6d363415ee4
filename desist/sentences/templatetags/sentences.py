"""The case overview's events section, loaded here so the people app need not know of it."""

from django import template

from desist.sentences.selectors import case_events

register = template.Library()


@register.inclusion_tag("sentences/_events.html", takes_context=True)
def case_events_section(context, case):
    return {"case": case, "events": case_events(case), "can": context.get("can", {})}
