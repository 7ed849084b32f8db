from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from duban.audit import chain
from duban.lib.backup import RestoreRefused, restore, row_counts


class Command(BaseCommand):
    help = "恢复：duban restore IN.tar.gz（仅恢复到空数据库），恢复后校验行数和审计链"

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, *args, archive: Path, **options):
        call_command("migrate", verbosity=0, interactive=False)
        try:
            manifest = restore(archive)
        except (RestoreRefused, OSError) as exc:
            raise CommandError(str(exc)) from exc
        counts = row_counts()
        differ = {
            k: (v, counts.get(k, 0)) for k, v in manifest["rows"].items() if counts.get(k) != v
        }
        if differ:
            raise CommandError(f"restored row counts differ from the backup: {differ}")
        _checked, broken = chain.verify()
        if broken:
            raise CommandError(
                f"audit chain broken after restore at #{broken.entry_id}: {broken.reason}"
            )
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            f"{archive}: {rows} rows and {manifest['files']} files restored; audit chain ok"
        )
