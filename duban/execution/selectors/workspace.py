"""A unit's workspace: everything it owes and when, in one read, as of a date."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from duban.directory.models import Unit
from duban.execution.models import Extension, ImplementationPlan, LeaderComment, Milestone
from duban.execution.owed import IMPLEMENTATION_PLAN, MILESTONE, REPORT
from duban.execution.selectors.implementation_plans import (
    PlanToFile,
    implementation_plans_of_unit,
    plans_to_file,
)
from duban.execution.selectors.milestones import milestones_coming_due, overdue_milestones
from duban.execution.selectors.reports import OwedReport, reports_owed, returned_reports
from duban.lib import owed
from duban.lib.clock import as_of_or_today
from duban.plans.models import Assignment, Plan

# A milestone due within this many days is listed as coming due.
COMING_DUE_DAYS = 30
# Leaders' comments from this many days back stay on the workspace.
RECENT_COMMENT_DAYS = 90


@dataclass
class OwedOnTask:
    """The reports a unit owes on one task, summed up: the oldest is the one to fill in first."""

    oldest: OwedReport
    count: int
    late_count: int

    @property
    def task(self):
        return self.oldest.task


def owed_by_task(owed: list[OwedReport]) -> list[OwedOnTask]:
    """One line per task, in the order of its oldest owed period (`owed` comes oldest first)."""
    lines: dict[int, OwedOnTask] = {}
    for report in owed:
        line = lines.get(report.task.pk)
        if line is None:
            line = lines[report.task.pk] = OwedOnTask(report, 0, 0)
        line.count += 1
        line.late_count += report.late
    return list(lines.values())


@dataclass
class Workspace:
    unit: Unit
    as_of: date
    plans_to_file: list[PlanToFile]
    reports_owed: list[OwedReport]
    returned_reports: list
    milestones_overdue: list[Milestone]
    milestones_coming_due: list[Milestone]
    extensions: list[Extension]
    comments: list[LeaderComment]
    implementation_plans: list[ImplementationPlan]
    # Work other apps registered (meeting decisions, objections); their panels list it.
    owed_elsewhere: list[owed.DueItem]

    @property
    def reports_owed_by_task(self) -> list[OwedOnTask]:
        return owed_by_task(self.reports_owed)

    @property
    def nothing_owed(self) -> bool:
        return not (
            self.plans_to_file
            or self.reports_owed
            or self.returned_reports
            or self.milestones_overdue
            or self.milestones_coming_due
            or self.owed_elsewhere
        )


def unit_workspace(*, unit: Unit, as_of: date | None = None) -> Workspace:
    today = as_of_or_today(as_of)
    return Workspace(
        unit=unit,
        as_of=today,
        plans_to_file=plans_to_file(unit=unit, as_of=today),
        reports_owed=reports_owed(unit=unit, as_of=today),
        returned_reports=list(returned_reports(unit=unit)),
        milestones_overdue=list(overdue_milestones(unit=unit, as_of=today)),
        milestones_coming_due=list(
            milestones_coming_due(unit=unit, as_of=today, within_days=COMING_DUE_DAYS)
        ),
        extensions=list(_extensions(unit)),
        comments=list(comments_for_unit(unit=unit)[:20]),
        implementation_plans=list(implementation_plans_of_unit(unit=unit)),
        owed_elsewhere=owed.due_items(
            as_of=today,
            lookahead_days=COMING_DUE_DAYS,
            unit_id=unit.pk,
            excluding=frozenset({IMPLEMENTATION_PLAN, MILESTONE, REPORT}),
        ),
    )


def _extensions(unit: Unit) -> QuerySet[Extension]:
    return Extension.objects.filter(
        unit=unit, task__plan__status=Plan.Status.PUBLISHED
    ).select_related("task", "milestone", "decided_by")[:20]


def comments_for_unit(*, unit: Unit) -> QuerySet[LeaderComment]:
    """Leaders' 批示 on the tasks `unit` is assigned to (lead or co), newest first."""
    tasks = Assignment.objects.live().for_unit(unit).values("task_id")
    return (
        LeaderComment.objects.filter(
            task_id__in=tasks, withdrawn=False, task__plan__status=Plan.Status.PUBLISHED
        )
        .select_related("task", "author", "report")
        .order_by("-created_at")
    )
