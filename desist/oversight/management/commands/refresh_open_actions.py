"""The nightly refresh of stored actions (and the alerts and caseload summaries stored with
them): what is due moves with the date (terminations, pre-release tasks, enforcement
windows), so every owner's are recomputed for the new day before anyone asks; a page would
otherwise recompute them on its first read. Run it after the tier batch."""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone
from tqdm import tqdm

from desist.accounts.models import Staff
from desist.oversight.actions import refresh

BATCH = 200  # owners per refresh: each source's queries then serve many owners at once


class Command(BaseCommand):
    help = "Recompute every member of staff's stored actions for today (the nightly batch)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, no_progress=False, **options):
        today = timezone.localdate()
        staff = list(
            Staff.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True)
        )
        started = time.perf_counter()
        with tqdm(total=len(staff), desc="Actions", disable=no_progress) as bar:
            for start in range(0, len(staff), BATCH):
                batch = staff[start : start + BATCH]
                refresh(batch, today)
                bar.update(len(batch))
        self.stdout.write(
            f"Refreshed the actions of {len(staff)} staff in {time.perf_counter() - started:.1f} s."
        )
