"""GOV.UK forms for needs assessments, sentence plans and session tools. Each is short enough
for a 20-25 minute session; "Save draft" keeps unfinished work without asking for more."""

from django import forms

from desist.core.forms import GovukDateField
from desist.plans.constants import NEED_TITLES, ActionOwner, ObjectiveStatus, Progress
from desist.plans.worksheets import Worksheet
from desist.rules.needs import SECTIONS

COMPLETE = "complete"  # the name of the "finish" submit button; "Save draft" has none
YES_NO = [("yes", "Yes"), ("no", "No")]


class VersionedForm(forms.Form):
    """Carries the version the record had when the form was opened (StaleEdit check)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class NeedsAssessmentForm(VersionedForm):
    """One radio group per question, and per section whether it is linked to harm and to
    reoffending. A draft may be partial; completing asks for every question ("Not known" is
    an answer)."""

    assessed_on = GovukDateField(
        label="Date of the assessment",
        help_text="For example, 27 3 2027",
        max_today=True,
        error_messages={"required": "Enter the date of the assessment"},
    )

    def __init__(self, *args, complete: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.complete = complete
        for section in SECTIONS:
            for q in section.questions:
                self.fields[f"q_{q.key}"] = forms.ChoiceField(
                    label=q.text,
                    choices=q.kind.choices,
                    widget=forms.RadioSelect,
                    required=complete,
                    error_messages={"required": f"Select an answer for {q.text.lower()}"},
                )
            for link, text in (("harm", "risk of serious harm"), ("reoffending", "reoffending")):
                self.fields[f"{link}_{section.need}"] = forms.ChoiceField(
                    label=f"Is {section.title.lower()} linked to {text}?",
                    choices=YES_NO,
                    widget=forms.RadioSelect,
                    required=False,
                )

    def sections(self):
        """(section, its question fields, its two link fields) for the template."""
        for section in SECTIONS:
            yield (
                section,
                [self[f"q_{q.key}"] for q in section.questions],
                [self[f"harm_{section.need}"], self[f"reoffending_{section.need}"]],
            )

    def details(self) -> dict:
        data = self.cleaned_data
        answers = {
            q.key: data[f"q_{q.key}"]
            for s in SECTIONS
            for q in s.questions
            if data.get(f"q_{q.key}")
        }
        links = {
            str(s.need): {
                link: data.get(f"{link}_{s.need}") == "yes" for link in ("harm", "reoffending")
            }
            for s in SECTIONS
        }
        return {"assessed_on": data["assessed_on"], "answers": answers, "links": links}

    @staticmethod
    def initial_from(assessment) -> dict:
        initial = {"assessed_on": assessment.assessed_on, "version": assessment.version}
        initial.update({f"q_{k}": v for k, v in assessment.answers.items()})
        for need, links in assessment.links.items():
            for link, value in links.items():
                initial[f"{link}_{need}"] = "yes" if value else "no"
        return initial


class PlanForm(VersionedForm):
    persons_words = forms.CharField(
        label="What I want to achieve",
        help_text="In the person's own words",
        widget=forms.Textarea,
        required=False,
    )
    next_review_date = GovukDateField(
        label="Next review of the plan",
        help_text="For example, 27 3 2027",
        required=False,
    )


class ObjectiveForm(VersionedForm):
    need = forms.ChoiceField(label="Need this objective addresses", widget=forms.RadioSelect)
    description = forms.CharField(
        label="Objective",
        widget=forms.Textarea,
        error_messages={"required": "Enter the objective"},
    )

    def __init__(self, *args, needs: list[str], editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = [(n, NEED_TITLES[n]) for n in needs] + [
            ("", "Not linked to an assessed need")
        ]
        self.fields["need"].required = False
        if editing:
            self.fields["status"] = forms.ChoiceField(
                label="Status", choices=ObjectiveStatus.choices, widget=forms.RadioSelect
            )


class ActionForm(VersionedForm):
    description = forms.CharField(
        label="Action", widget=forms.Textarea, error_messages={"required": "Enter the action"}
    )
    owner = forms.ChoiceField(
        label="Who will do it",
        choices=ActionOwner.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who will do it"},
    )
    partner_agency = forms.CharField(
        label="Partner agency", help_text="If a partner agency will do it", required=False
    )
    target_date = GovukDateField(
        label="Target date", help_text="For example, 27 3 2027", required=False
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["completed_on"] = GovukDateField(
                label="Date done", help_text="Leave blank while it is still to do", required=False
            )

    def clean(self):
        data = super().clean()
        if data.get("owner") == ActionOwner.PARTNER and not data.get("partner_agency"):
            self.add_error("partner_agency", "Enter the partner agency")
        return data


class ReviewForm(VersionedForm):
    reviewed_on = GovukDateField(
        label="Date of the review",
        help_text="For example, 27 3 2027",
        max_today=True,
        error_messages={"required": "Enter the date of the review"},
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    next_review_date = GovukDateField(
        label="Next review",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter the date of the next review"},
    )

    def __init__(self, *args, objectives, **kwargs):
        super().__init__(*args, **kwargs)
        self.objectives = list(objectives)
        for o in self.objectives:
            self.fields[f"progress_{o.pk}"] = forms.ChoiceField(
                label=f"Progress on: {o.description}",
                choices=Progress.choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Select the progress on {o.description}"},
            )
            self.fields[f"comment_{o.pk}"] = forms.CharField(
                label="Comment", widget=forms.Textarea, required=False
            )

    def clean(self):
        data = super().clean()
        on, nxt = data.get("reviewed_on"), data.get("next_review_date")
        if on and nxt and nxt <= on:
            self.add_error("next_review_date", "Next review must be after the date of the review")
        return data

    def progress_fields(self):
        return [(self[f"progress_{o.pk}"], self[f"comment_{o.pk}"]) for o in self.objectives]

    def progress(self):
        return [
            (o, self.cleaned_data[f"progress_{o.pk}"], self.cleaned_data[f"comment_{o.pk}"])
            for o in self.objectives
        ]


def _rows(data: dict, prefix: str, names: tuple[str, ...], count: int) -> list[dict]:
    """The filled-in rows of a repeated group of fields, in order; blank rows dropped."""
    rows = [{n: data.get(f"{prefix}{i}_{n}", "").strip() for n in names} for i in range(count)]
    return [r for r in rows if any(r.values())]


class _RowsForm(VersionedForm):
    """A title and a few repeated rows (timeline entries, mind-map options). Two blank rows
    are offered after the filled ones, so an entry is added simply by filling one in."""

    ROW_FIELDS: tuple[tuple[str, str, bool], ...] = ()  # (name, label, textarea)
    PREFIX = ""
    SPARE_ROWS = 2

    title = forms.CharField(label="Title", error_messages={"required": "Enter a title"})

    def __init__(self, *args, rows: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.row_count = rows + self.SPARE_ROWS
        if self.is_bound:  # keep every row the person could have filled in
            self.row_count = max(self.row_count, self._posted_rows())
        for i in range(self.row_count):
            for name, label, textarea in self.ROW_FIELDS:
                self.fields[f"{self.PREFIX}{i}_{name}"] = forms.CharField(
                    label=label,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}) if textarea else forms.TextInput,
                )

    def _posted_rows(self) -> int:
        first = self.ROW_FIELDS[0][0]
        return sum(1 for k in self.data if k.startswith(self.PREFIX) and k.endswith(f"_{first}"))

    def rows(self):
        return [
            [self[f"{self.PREFIX}{i}_{n}"] for n, _, _ in self.ROW_FIELDS]
            for i in range(self.row_count)
        ]

    def filled_rows(self) -> list[dict]:
        names = tuple(n for n, _, _ in self.ROW_FIELDS)
        return _rows(self.cleaned_data, self.PREFIX, names, self.row_count)

    @classmethod
    def row_initial(cls, rows: list[dict]) -> dict:
        return {
            f"{cls.PREFIX}{i}_{name}": row.get(name, "")
            for i, row in enumerate(rows)
            for name, _, _ in cls.ROW_FIELDS
        }


class TimelineForm(_RowsForm):
    PREFIX = "entry"
    ROW_FIELDS = (
        ("when", "When", False),
        ("happened", "What happened", True),
        ("thoughts", "Thoughts and feelings", True),
    )

    def content(self) -> dict:
        return {"entries": self.filled_rows()}


class MindMapForm(_RowsForm):
    PREFIX = "option"
    ROW_FIELDS = (
        ("option", "Possible solution", False),
        ("pros", "Good things about it", True),
        ("cons", "Bad things about it", True),
    )

    problem = forms.CharField(
        label="The problem",
        help_text="What is in the middle of the map",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter the problem"},
    )

    def content(self) -> dict:
        return {"problem": self.cleaned_data["problem"], "options": self.filled_rows()}


class WorksheetForm(VersionedForm):
    def __init__(self, *args, worksheet: Worksheet, **kwargs):
        super().__init__(*args, **kwargs)
        self.worksheet = worksheet
        for q in worksheet.questions:
            self.fields[f"answer_{q.key}"] = forms.CharField(
                label=q.text, help_text=q.hint, widget=forms.Textarea, required=False
            )

    def content(self) -> dict:
        return {
            "answers": {
                q.key: self.cleaned_data[f"answer_{q.key}"].strip()
                for q in self.worksheet.questions
            }
        }

    @staticmethod
    def initial_from(tool) -> dict:
        answers = tool.content.get("answers", {})
        return {"version": tool.version, **{f"answer_{k}": v for k, v in answers.items()}}
