from django.core.management.base import BaseCommand

from desist.accounts.models import Staff
from desist.seed.demo import DEMO_PASSWORD, DEMO_USERS, seed_demo


class Command(BaseCommand):
    help = "Load demo data (a few hundred people in two regions) with one demo sign-in per role."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if data exists.")
        parser.add_argument("--people", type=int, default=300)

    def handle(self, *args, if_empty: bool, people: int, **options):
        if not (if_empty and Staff.objects.exists()):
            seed_demo(people=people)
        self.stdout.write(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD})")
        for username, _, _, role, _ in DEMO_USERS:
            self.stdout.write(f"  {role.label:<45} {username}")
        self.stdout.write("")
