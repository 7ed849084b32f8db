"""The review queue of progress reports: filtered, in the order they came, page by page."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from duban.execution.models import ProgressReport
from duban.plans.filters import registered
from duban.plans.models import Plan, Task

Review = ProgressReport.Review
Status = ProgressReport.Status


@dataclass(frozen=True)
class ReviewFilters:
    """What the reform office narrows the queue to; empty values filter nothing."""

    unit: int | None = None
    area: str = ""  # an area's path (`1`), its tasks and cities' instances included
    status: str = ""
    period: str = ""  # the period's first day, `2012-09-01`
    task_filters: dict[str, str] = field(default_factory=dict)  # registered filters (light…)


def reports_to_review(*, plan: Plan, filters: ReviewFilters) -> QuerySet[ProgressReport]:
    """Submitted reports of `plan` matching `filters`, first come first served."""
    reports = ProgressReport.objects.filter(task__plan=plan, review=Review.SUBMITTED)
    if filters.unit:
        reports = reports.filter(unit_id=filters.unit)
    if filters.area:
        reports = reports.filter(task__path__startswith=f"{filters.area}.")
    if filters.status:
        reports = reports.filter(status=filters.status)
    if filters.period:
        reports = reports.filter(period_start=filters.period)
    reports = _by_task_filters(reports, plan, filters.task_filters)
    return reports.select_related("task", "unit").order_by("submitted_at", "task__path", "pk")


def _by_task_filters(reports, plan: Plan, chosen: dict[str, str]):
    active = [(f, chosen[f.name]) for f in registered() if chosen.get(f.name)]
    if not active:
        return reports
    tasks = list(Task.objects.filter(pk__in=reports.values("task_id")).select_related("plan"))
    for task_filter, value in active:
        keep = task_filter.select(tasks, value)
        tasks = [task for task in tasks if task.pk in keep]
    return reports.filter(task_id__in=[task.pk for task in tasks])


def is_unproblematic(report: ProgressReport) -> bool:
    """A report the office may accept without reading it alone: on track at its default percent,
    no problems named. A completion claim (已完成) or a delay always gets its own look."""
    return (
        report.status == Status.ON_TRACK
        and not report.percent_reason.strip()
        and not report.problems.strip()
    )
