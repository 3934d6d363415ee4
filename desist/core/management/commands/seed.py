from django.core.management.base import BaseCommand
from django.db import transaction

from desist.seed import generator


class Command(BaseCommand):
    help = "Generate a deterministic synthetic probation service (staff and people on probation)."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--regions", type=int, default=None)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, people, seed: int, regions, no_progress, **options):
        with transaction.atomic():
            org = generator.seed(
                people=people, seed=seed, regions=regions, progress=not no_progress
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {people} people in {len(org.regions)} regions and {len(org.teams)} teams."
            )
        )
        self.stdout.write(
            "Took "
            + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in org.stage_seconds.items())
            + " (the commit follows)."
        )
