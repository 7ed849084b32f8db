"""`duban report progress PLAN --as-of DATE --format docx|pdf -o FILE`."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from duban.plans.models import Plan
from duban.reports.figures import ChartFontMissing
from duban.reports.pdf import PdfUnavailable, write_report
from duban.reports.progress_report import progress_report


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
        output = Path(output)
        try:
            write_report(progress_report(plan=plan, as_of=day), output, format=format)
        except (PdfUnavailable, ChartFontMissing) as error:
            raise CommandError(str(error), returncode=2) from None
        self.stdout.write(f"已写入 {output}")
