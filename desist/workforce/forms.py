"""GOV.UK forms for allocation, reductions, a practitioner's hours and the workload weightings."""

from decimal import Decimal

from django import forms

from desist.core.forms import GovukDateField
from desist.organisation.models import Office
from desist.rules import workload as wl


class AllocateForm(forms.Form):
    practitioner = forms.TypedChoiceField(
        label="Who should hold this case?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the practitioner to allocate the case to"},
    )
    rationale = forms.CharField(
        label="Why this practitioner",
        help_text="Your allocation decision, recorded as a sensitive management oversight note.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter why you are allocating the case to this practitioner"},
    )
    grade_exception_reason = forms.CharField(
        label="Reason for a grade exception",
        help_text="Only needed if the practitioner's grade would not normally hold this case. "
        "Another senior probation officer must countersign the exception before the case is "
        "allocated.",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].choices = [
            (s.staff.pk, s.staff.get_full_name()) for s in suggestions
        ]


class ExceptionDecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[
            ("approve", "Approve the exception and allocate the case"),
            ("reject", "Reject it: the case goes back to the queue"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select your decision"},
    )
    rationale = forms.CharField(
        label="Rationale",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the rationale for your decision"},
    )


class TransferForm(forms.Form):
    practitioner = forms.TypedChoiceField(
        label="New practitioner",
        coerce=int,
        error_messages={"required": "Select the practitioner to transfer the case to"},
    )
    handover_note = forms.CharField(
        label="Handover note",
        help_text="What the new practitioner needs to know: risks, next steps, who to contact.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter a handover note"},
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].choices = [("", "Select a practitioner")] + [
            (s.pk, f"{s.get_full_name()} ({s.team.name})") for s in staff
        ]


class ReductionForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=200,
        help_text="For example: practice tutor duties, phased return, union duties.",
        error_messages={"required": "Enter the reason for the reduction"},
    )
    hours = forms.DecimalField(
        label="Hours a week",
        min_value=Decimal("0.5"),
        max_value=Decimal("37.5"),
        decimal_places=1,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={"required": "Enter the hours a week the reduction takes off"},
    )
    starts_on = GovukDateField(label="Start date")
    ends_on = GovukDateField(label="End date (optional)", required=False)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "The end date must be on or after the start date")
        return data


class StaffWorkloadForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    contracted_hours = forms.DecimalField(
        label="Contracted hours a week (optional)",
        help_text="Leave blank to use the grade's default hours.",
        required=False,
        min_value=Decimal(0),
        max_value=Decimal("48"),
        decimal_places=1,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    office = forms.ModelChoiceField(
        label="Office (optional)", queryset=Office.objects.none(), required=False
    )

    def __init__(self, *args, pdu, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = Office.objects.filter(pdu=pdu).order_by("name")


_CASE_TYPES = (("community", "Community"), ("licence", "Licence"), ("custody", "Custody"))


class WeightingsForm(forms.Form):
    """New weightings from a date: points per case type and tier (the S tiers, which the
    published seed leaves at 0, and the T2A table are carried over unchanged)."""

    effective_from = GovukDateField(label="In force from")

    def __init__(self, *args, current: wl.Weightings, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        cap = current.require_capacity()
        for case_type, label in _CASE_TYPES:
            table = getattr(current.normal, case_type)
            for tier in wl.SUPERVISED_TIERS:
                self.fields[f"{case_type}_{tier}"] = self._points(
                    f"{label} case at tier {tier}", table[tier]
                )
        self.fields["standard_court_report"] = self._points(
            "Standard court report", current.normal.standard_court_report
        )
        self.fields["fast_court_report"] = self._points(
            "Fast court report", current.normal.fast_court_report
        )
        self.fields["nominal_target_po"] = self._points(
            "Nominal target (every grade but SPO)", cap.nominal_target_po
        )
        self.fields["nominal_target_spo"] = self._points(
            "Nominal target (SPO)", cap.nominal_target_spo
        )
        for grade in ("po", "pso", "spo"):
            self.fields[f"default_hours_{grade}"] = forms.DecimalField(
                label=f"Default contracted hours ({grade.upper()})",
                initial=getattr(cap, f"default_hours_{grade}"),
                min_value=Decimal(0),
                max_value=Decimal(48),
                decimal_places=1,
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )

    @staticmethod
    def _points(label: str, initial: int) -> forms.IntegerField:
        return forms.IntegerField(
            label=label,
            initial=initial,
            min_value=0,
            widget=forms.TextInput(attrs={"inputmode": "numeric"}),
            error_messages={"required": f"Enter the points for {label.lower()}"},
        )

    def tier_rows(self):
        """(tier, [bound field per case type]) for the table of points."""
        return [
            (tier, [self[f"{case_type}_{tier}"] for case_type, _ in _CASE_TYPES])
            for tier in wl.SUPERVISED_TIERS
        ]

    def weightings(self) -> wl.Weightings:
        data = self.cleaned_data
        mapping = wl.weightings_to_mapping(self.current)
        normal = mapping["normal"]
        for case_type, _ in _CASE_TYPES:
            for tier in wl.SUPERVISED_TIERS:
                normal[case_type][tier] = data[f"{case_type}_{tier}"]
        normal["standard_court_report"] = data["standard_court_report"]
        normal["fast_court_report"] = data["fast_court_report"]
        normal["nominal_target"] = {
            "PO": data["nominal_target_po"],
            "SPO": data["nominal_target_spo"],
        }
        normal["default_contracted_hours"] = {
            grade.upper(): str(data[f"default_hours_{grade}"]) for grade in ("po", "pso", "spo")
        }
        return wl.weightings_from_mapping(mapping, effective_from=data["effective_from"])
