"""`duban report progress|bulletin PLAN --as-of DATE --format docx|pdf -o FILE`."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from duban.lib import progress
from duban.plans.models import Plan
from duban.reports.bulletin import red_bulletin
from duban.reports.figures import ChartFontMissing
from duban.reports.pdf import PdfUnavailable, write_report
from duban.reports.progress_report import progress_report

DOCUMENTS = {
    "progress": (progress_report, "draft the progress report to the provincial government"),
    "bulletin": (red_bulletin, "draft the bulletin (通报) of red lights to the leadership"),
}


class Command(BaseCommand):
    help = "向省政府报送的进展情况报告、红灯事项通报（草稿）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        for name, (_build, help_text) in DOCUMENTS.items():
            document = sub.add_parser(name, help=help_text)
            document.add_argument("plan_id")
            document.add_argument("--as-of", required=True)
            document.add_argument("--format", choices=["docx", "pdf"], default="docx")
            document.add_argument("-o", "--output", required=True)
            progress.add_argument(document)

    def handle(self, *, action, plan_id, as_of, format, output, **options):
        try:
            plan = Plan.objects.get(pk=int(plan_id))
        except (ValueError, Plan.DoesNotExist):
            raise CommandError(f"没有编号为 {plan_id} 的年度计划", returncode=2) from None
        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            raise CommandError(f"日期无效：{as_of}（应为 YYYY-MM-DD）", returncode=2) from None
        output = Path(output)
        build = DOCUMENTS[action][0]
        try:
            with progress.for_command(self, options):
                # Two stages, each long: the figures and the record, then the .docx (and PDF).
                for stage in progress.track(("build", "write"), output.name):
                    if stage == "build":
                        drafted = build(plan=plan, as_of=day)
                    else:
                        write_report(drafted, output, format=format)
        except (PdfUnavailable, ChartFontMissing) as error:
            raise CommandError(str(error), returncode=2) from None
        except OSError as error:
            raise CommandError(f"{output}: {error.strerror or error}", returncode=2) from None
        self.stdout.write(f"已写入 {output}")
