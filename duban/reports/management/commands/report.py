"""`duban report progress PLAN --as-of DATE --format docx|pdf -o FILE`."""

import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from duban.plans.models import Plan
from duban.reports.docx_writer import write_docx
from duban.reports.progress_report import progress_report


def docx_to_pdf(docx: Path, pdf: Path) -> None:
    """LibreOffice headless: renders without a browser and embeds the fonts."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise CommandError("找不到 soffice（LibreOffice），无法生成 PDF")
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", out, str(docx)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.move(Path(out) / (docx.stem + ".pdf"), pdf)


class Command(BaseCommand):
    help = "向省政府报送的进展情况报告（草稿）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        progress = sub.add_parser("progress", help="draft the progress report")
        progress.add_argument("plan_id")
        progress.add_argument("--as-of", required=True)
        progress.add_argument("--format", choices=["docx", "pdf"], default="docx")
        progress.add_argument("-o", "--output", required=True)

    def handle(self, *, plan_id, as_of, format, output, **options):
        try:
            plan = Plan.objects.get(pk=int(plan_id))
        except (ValueError, Plan.DoesNotExist):
            raise CommandError(f"没有编号为 {plan_id} 的年度计划", returncode=2) from None
        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            raise CommandError(f"日期无效：{as_of}（应为 YYYY-MM-DD）", returncode=2) from None
        document = progress_report(plan=plan, as_of=day)
        output = Path(output)
        if format == "docx":
            write_docx(document, output)
        else:
            with tempfile.TemporaryDirectory() as work:
                docx = Path(work) / (output.stem + ".docx")
                write_docx(document, docx)
                docx_to_pdf(docx, output)
        self.stdout.write(f"已写入 {output}")
