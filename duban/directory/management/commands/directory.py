import hashlib
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from duban.audit.services import DomainError
from duban.directory.models import Region
from duban.directory.services import directory_load, region_create

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "gansu.json"


class Command(BaseCommand):
    help = (
        "单位名录：duban directory load [FILE]（默认载入甘肃省名录；国务院部门见 "
        "data/state-council.json）；duban directory new-region NAME --level province|city|county"
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="create or update regions and units from a JSON file")
        load.add_argument("file", nargs="?", default=str(DEFAULT_FILE))
        new = sub.add_parser("new-region", help="create a region with its usual units, to edit")
        new.add_argument("name", help="the region's full name: 四川省, 成都市, 永登县")
        new.add_argument("--level", required=True, choices=["province", "city", "county"])
        new.add_argument("--parent", help="the code of the region above (cities and counties)")
        new.add_argument("--code", help="行政区划代码 (default: a placeholder to edit later)")

    def handle(self, *args, action, **options):
        if action == "new-region":
            return self.new_region(**options)
        file = options["file"]
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{file}: {exc}") from exc
        self.report(file, directory_load(data=data, by=None))

    def new_region(self, *, name, level, parent, code, **options):
        above = Region.objects.filter(code=parent).first() if parent else None
        if parent and above is None:
            raise CommandError(f"--parent {parent}: no region has this code", returncode=2)
        code = code or "N" + hashlib.sha1(name.encode()).hexdigest()[:8]
        try:
            report = region_create(name=name, level=level, code=code, parent=above, by=None)
        except DomainError as error:
            raise CommandError(str(error), returncode=2) from error
        self.report(f"{name} ({code})", report)

    def report(self, file, report):
        for line in report.created:
            self.stdout.write(f"created {line}")
        for line in report.updated:
            self.stdout.write(f"updated {line}")
        self.stdout.write(
            f"{file}: {len(report.created)} created, {len(report.updated)} updated, "
            f"{report.unchanged} units unchanged"
        )
