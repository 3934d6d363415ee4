from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from desist.courts.services import court_list_import


class Command(BaseCommand):
    help = "Import a court list (CSV) and match its defendants to people on probation."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as problem:
            raise CommandError(f"Cannot read {file}: {problem}") from None
        result = court_list_import(text=text, by=None)
        for error in result.errors:
            self.stderr.write(str(error))
        self.stdout.write(
            f"{result.imported} imported, {result.already_imported} already imported, "
            f"{len(result.errors)} row(s) with errors."
        )
