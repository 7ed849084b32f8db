"""`duban assess PLAN --as-of DATE [--xlsx OUT]`: score the plan, print the ranking, write the table.

Computing makes a new version only when the record or the rules give a different result; a
locked version is never changed (the command then prints which version stands).
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from duban.assessment.selectors import ranking
from duban.assessment.services import assessment_compute
from duban.assessment.xlsx import write_assessment_table
from duban.lib import progress
from duban.plans.models import Plan


class Command(BaseCommand):
    help = "年度考核：按截止日期的记录计分，打印排名，可写出考核结果表（.xlsx）"

    def add_arguments(self, parser):
        parser.add_argument("plan_id")
        parser.add_argument("--as-of", required=True, help="考核截止日期 YYYY-MM-DD")
        parser.add_argument("--xlsx", help="写出考核结果表的文件路径")
        progress.add_argument(parser)

    def handle(self, *, plan_id, as_of, xlsx, **options):
        try:
            plan = Plan.objects.get(pk=int(plan_id))
        except (ValueError, Plan.DoesNotExist):
            raise CommandError(f"没有编号为 {plan_id} 的年度计划", returncode=2) from None
        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            raise CommandError(f"日期无效：{as_of}（应为 YYYY-MM-DD）", returncode=2) from None
        with progress.for_command(self, options):
            assessment = assessment_compute(plan=plan, as_of=day, by=None)
        table = ranking(assessment)
        self.stdout.write(
            f"{plan.year}年度考核 第{assessment.number}版（{assessment.get_status_display()}），"
            f"截至{day:%Y-%m-%d}，满分{table.full_marks}分"
        )
        for title, rows in (("省直单位", table.units), ("市州", table.cities)):
            if rows:
                self.stdout.write(f"{title}（{len(rows)}）")
            for row in rows:
                score = row.score
                self.stdout.write(f"  {score.rank:>3}  {score.total:>7}  {score.unit.name}")
        if xlsx:
            try:
                write_assessment_table(table, xlsx)
            except OSError as error:
                raise CommandError(f"{xlsx}: {error.strerror or error}", returncode=2) from None
            self.stdout.write(f"已写入 {xlsx}")
