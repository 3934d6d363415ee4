"""The worksheets a practitioner can work through with a person in a supervision session.

Defined in code, not typed in by users, so every copy of a worksheet asks the same questions
and answers stay comparable; the answers are saved on the case by question key.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class WorksheetQuestion:
    key: str
    text: str
    hint: str = ""


@dataclass(frozen=True)
class Worksheet:
    slug: str
    title: str
    purpose: str
    questions: tuple[WorksheetQuestion, ...]


W, Qn = Worksheet, WorksheetQuestion

WORKSHEETS: dict[str, Worksheet] = {
    w.slug: w
    for w in (
        W(
            "consequences",
            "Consequences of my offence",
            "Think about who was affected by the offence, and how.",
            (
                Qn("victim", "How did the offence affect the victim?"),
                Qn("family", "How did it affect my family and the people close to me?"),
                Qn("community", "How did it affect the community?"),
                Qn("me", "How has it affected me?", "For example, work, housing, health"),
                Qn("different", "What would I do differently now?"),
            ),
        ),
        W(
            "triggers",
            "Triggers and warning signs",
            "Notice what leads up to trouble, so there is time to act differently.",
            (
                Qn("situations", "Which situations or people make trouble more likely?"),
                Qn("feelings", "What do I feel or think before it happens?"),
                Qn("signs", "What warning signs would others notice?"),
                Qn("plan", "What will I do when I notice a warning sign?"),
                Qn("support", "Who can I call on for help?"),
            ),
        ),
        W(
            "good-lives",
            "Good lives goals",
            "What matters to me, and how I can get it without offending.",
            (
                Qn("matters", "What matters most to me in life?"),
                Qn("goals", "What do I want my life to look like in a year?"),
                Qn("strengths", "What strengths and skills do I already have?"),
                Qn("obstacles", "What gets in the way?"),
                Qn("steps", "What is one step I can take before we next meet?"),
            ),
        ),
    )
}
