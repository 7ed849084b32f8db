import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from duban.directory.services import directory_load

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "gansu.json"


class Command(BaseCommand):
    help = "单位名录：duban directory load [FILE]（默认载入甘肃省名录）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="create or update regions and units from a JSON file")
        load.add_argument("file", nargs="?", default=str(DEFAULT_FILE))

    def handle(self, *args, action, file, **options):
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{file}: {exc}") from exc
        report = directory_load(data=data, by=None)
        for line in report.created:
            self.stdout.write(f"created {line}")
        for line in report.updated:
            self.stdout.write(f"updated {line}")
        self.stdout.write(
            f"{file}: {len(report.created)} created, {len(report.updated)} updated, "
            f"{report.unchanged} units unchanged"
        )
