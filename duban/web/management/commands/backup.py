from pathlib import Path

from django.core.management.base import BaseCommand

from duban.lib.backup import backup


class Command(BaseCommand):
    help = "备份：duban backup OUT.tar.gz（数据库全部数据和所引用的上传文件）"

    def add_arguments(self, parser):
        parser.add_argument("out", type=Path)

    def handle(self, *args, out: Path, **options):
        manifest = backup(out)
        rows = sum(manifest["rows"].values())
        self.stdout.write(f"{out}: {rows} rows, {manifest['files']} files")
        for name in manifest["missing_files"]:
            self.stderr.write(f"missing file (named by the database, not on disk): {name}")
