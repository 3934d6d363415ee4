"""The nightly tier batch: date-driven changes (lifer release anniversaries, assessments going
out of date) change tiers without any input changing, so every case is recalculated."""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone
from tqdm import tqdm

from desist.people.models import Case
from desist.risk.tiers import recalculate_all


class Command(BaseCommand):
    help = "Recalculate every case's tier (the nightly batch)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, no_progress=False, **options):
        cases = Case.objects.all()
        total = cases.count()
        started = time.perf_counter()
        with tqdm(total=total, desc="Tiers", disable=no_progress) as bar:
            changed = recalculate_all(cases, as_of=timezone.localdate(), progress=bar)
        seconds = time.perf_counter() - started
        rate = total / seconds if seconds else 0
        self.stdout.write(
            f"Recalculated {total} cases in {seconds:.1f} s ({rate:,.0f} a second); "
            f"{changed} tiers changed."
        )
