"""The plan's progress tree: plan → area → task → unit of work, rolled up with normalised weights.

Three queries whatever the plan's size: its tasks, its lead assignments, its filed reports.
The arithmetic is `progress.roll_up`; this module only gathers the inputs.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, Q, Subquery

from duban.execution.models import ProgressReport
from duban.execution.progress import Node, roll_up
from duban.lib import clock
from duban.plans.models import Assignment, Plan, Task

Review = ProgressReport.Review

# A completion claim counts as done only once the coordinator accepts it; until then it stops
# just short of 100%, so a plan never shows as finished on the units' word alone.
UNCONFIRMED_DONE_CAP = 99


@dataclass
class ProgressRow:
    task: Task
    depth: int
    node: Node
    report: ProgressReport | None = None
    awaiting_confirmation: bool = False
    children: list["ProgressRow"] = field(default_factory=list)

    @property
    def bar_width(self) -> int:
        """The bar's length in steps of 5%, for a CSS class (`bar-55`): no inline style."""
        return int(5 * round(self.node.percent / 5))


@dataclass
class PlanProgress:
    plan: Plan
    root: Node
    rows: list[ProgressRow]  # depth-first, in path order, for the page's table
    reports: dict[int, ProgressReport] = field(default_factory=dict)  # `latest_lead_reports`

    @property
    def percent(self) -> float:
        return self.root.percent


# What the roll-up and its table read of a report.
REPORT_FIELDS = (
    "id",
    "task_id",
    "unit_id",
    "period_start",
    "period_end",
    "status",
    "percent",
    "review",
    "submitted_at",
)
_PERIOD, _SUBMITTED = REPORT_FIELDS.index("period_start"), REPORT_FIELDS.index("submitted_at")
NEVER = datetime.min.replace(tzinfo=UTC)


def filed_by_a_lead() -> Exists:
    """A report's filter: its unit holds a live lead share of its task. Co units report their
    part to the lead; the leads' reports are the task's status."""
    return Exists(
        Assignment.objects.leads().filter(task_id=OuterRef("task_id"), unit_id=OuterRef("unit_id"))
    )


def latest_lead_reports(plan: Plan, as_of: date | None) -> dict[int, ProgressReport]:
    """task id → the lead unit's latest submitted or accepted report (filed by `as_of`).

    Read from the lead shares, each its latest report by the (task, unit, period) index: a
    plan's co units file as many reports as its leads, and reading them all to keep a lead's
    latest was four times the work. Rows, not models, until the one report per task is known.
    """
    filed = ProgressReport.objects.filter(
        task_id=OuterRef("task_id"),
        unit_id=OuterRef("unit_id"),
        review__in=(Review.SUBMITTED, Review.ACCEPTED),
    )
    if as_of is not None:
        # Seen from a past day, a report filed later was not yet known.
        end_of_day = clock.end_of_day(as_of)
        filed = filed.filter(Q(submitted_at__isnull=True) | Q(submitted_at__lt=end_of_day))
    newest = filed.order_by("-period_start").values("pk")[:1]
    shares = Assignment.objects.leads().filter(task__plan=plan).annotate(report=Subquery(newest))
    rows = ProgressReport.objects.filter(pk__in=shares.values("report")).order_by()
    latest: dict[int, tuple] = {}
    for row in rows.values_list(*REPORT_FIELDS):
        # A task led jointly: the later period, then the later submission.
        kept = latest.get(row[1])
        if kept is None or _filed(row) > _filed(kept):
            latest[row[1]] = row
    # As the ORM builds what it reads (positionally, the other fields deferred): keywords cost
    # twice as much per report.
    return {
        task_id: ProgressReport.from_db(None, REPORT_FIELDS, row) for task_id, row in latest.items()
    }


def _filed(row: tuple) -> tuple[date, datetime]:
    return row[_PERIOD], row[_SUBMITTED] or NEVER


def _leaf(row: ProgressRow, report: ProgressReport | None) -> None:
    row.report = report
    if report is None:
        return
    done = report.status == ProgressReport.Status.DONE
    row.node.done = done and report.review == Review.ACCEPTED
    row.awaiting_confirmation = done and not row.node.done
    percent = report.percent
    if row.awaiting_confirmation:
        percent = min(percent, UNCONFIRMED_DONE_CAP)
    row.node.reported = percent


def plan_progress(*, plan: Plan, as_of: date | None = None) -> PlanProgress:
    """The plan's progress from its lead units' reports; with `as_of`, those filed by then."""
    # Provincial rows first on every database (PostgreSQL sorts NULL last by default).
    order = (F("region_id").asc(nulls_first=True), "path")
    # The region comes along: the page names each city instance's city.
    tasks = list(Task.objects.filter(plan=plan).select_related("region").order_by(*order))
    reports = latest_lead_reports(plan, as_of)
    rows = {
        task.pk: ProgressRow(
            task=task,
            depth=task.level,
            node=Node(key=task.pk, weight=task.weight, withdrawn=task.withdrawn),
        )
        for task in tasks
    }
    root = Node(key=0, weight=Decimal(1))
    top: list[ProgressRow] = []
    for task in tasks:
        row = rows[task.pk]
        # A city's instance of a task counts under the provincial task it comes from.
        parent_id = task.origin_id if task.region_id else task.parent_id
        if parent_id in rows:
            rows[parent_id].children.append(row)
            rows[parent_id].node.children.append(row.node)
            row.depth = rows[parent_id].depth + 1 if task.region_id else task.level
        else:
            top.append(row)
            root.children.append(row.node)
    for row in rows.values():
        if not row.children:
            _leaf(row, reports.get(row.task.pk))
    roll_up(root)
    ordered: list[ProgressRow] = []

    def walk(branch: list[ProgressRow]) -> None:
        for row in branch:
            ordered.append(row)
            walk(row.children)

    walk(top)
    return PlanProgress(plan=plan, root=root, rows=ordered, reports=reports)
