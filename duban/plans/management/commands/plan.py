"""`duban plan import FILE --year YYYY [--by USERNAME]`, `duban plan export PLAN_ID --format xlsx
-o FILE`, `duban plan list`, `duban plan carry-over PLAN_ID --to-year YYYY`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from duban.audit import services as audit
from duban.directory.models import User
from duban.lib import progress
from duban.parsing.document import ParseError
from duban.plans.models import Plan
from duban.plans.selectors import plan_summary
from duban.plans.services import plan_carry_over, plan_import_file, task_table_export


class Command(BaseCommand):
    help = "年度计划：导入文件、导出任务分解表、列出计划"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        importing = sub.add_parser("import", help="import a policy document as a draft plan")
        importing.add_argument("file")
        importing.add_argument("--year", type=int)
        importing.add_argument("--by", default="coordinator", help="acting user (a coordinator)")
        progress.add_argument(importing)
        exporting = sub.add_parser("export", help="export a plan's task decomposition table")
        exporting.add_argument("plan_id", type=int)
        exporting.add_argument("--format", choices=["xlsx"], default="xlsx")
        exporting.add_argument("-o", "--output", required=True)
        progress.add_argument(exporting)
        sub.add_parser("list", help="list the plans")
        carrying = sub.add_parser(
            "carry-over", help="next year's draft plan holding the unfinished and multi-year tasks"
        )
        carrying.add_argument("plan_id", type=int)
        carrying.add_argument("--to-year", type=int, required=True)
        carrying.add_argument("--by", default="coordinator", help="acting user (a coordinator)")
        progress.add_argument(carrying)

    def handle(self, *args, action, **options):
        actions = {
            "import": self.import_,
            "export": self.export,
            "list": self.list,
            "carry-over": self.carry_over,
        }
        with progress.for_command(self, options):
            actions[action](**options)

    def import_(self, *, file, year, by, **_):
        user = User.objects.filter(username=by, role=User.Role.COORDINATOR).first()
        if user is None:
            raise CommandError(f"no coordinator account {by!r}", returncode=2)
        try:
            plan = plan_import_file(path=Path(file), year=year, by=user)
        except (ParseError, audit.DomainError, OSError) as error:
            raise CommandError(str(error), returncode=2) from None
        self._line(plan)

    def carry_over(self, *, plan_id, to_year, by, **_):
        user = User.objects.filter(username=by, role=User.Role.COORDINATOR).first()
        if user is None:
            raise CommandError(f"no coordinator account {by!r}", returncode=2)
        plan = Plan.objects.filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(f"no plan {plan_id}", returncode=2)
        try:
            new = plan_carry_over(plan=plan, to_year=to_year, by=user)
        except audit.DomainError as error:
            raise CommandError(str(error), returncode=2) from None
        self._line(new)

    def export(self, *, plan_id, output, **_):
        plan = Plan.objects.filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(f"no plan {plan_id}", returncode=2)
        try:
            with open(output, "wb") as stream:
                task_table_export(plan=plan, stream=stream)
        except OSError as error:
            raise CommandError(f"{output}: {error.strerror or error}", returncode=2) from None
        self.stdout.write(f"plan {plan.pk}: task table written to {output}")

    def list(self, **_):
        for plan in Plan.objects.order_by("-year", "pk"):
            self._line(plan)

    def _line(self, plan: Plan) -> None:
        s = plan_summary(plan)
        self.stdout.write(
            f"plan {plan.pk} {plan.year} [{plan.status}] {plan.title}: {s.areas} areas, "
            f"{s.tasks} tasks, {s.units_of_work} units of work, {s.unresolved} names to map"
        )
