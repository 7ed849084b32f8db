"""What the execution records make units owe: registered with `duban.lib.owed` on start-up.

- a lead unit (牵头) owes its implementation plan (实施方案) by the plan's filing deadline;
  co-operating units support the lead and file none;
- a milestone's unit owes it by its due date until it is met;
- every assigned unit owes a report for each period of the plan's cadence until the task is
  completed and accepted.
"""

from datetime import date, timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from duban.execution.models import ImplementationPlan, Milestone, ProgressReport
from duban.execution.progress import period_label, periods_of_year, report_due
from duban.execution.selectors.implementation_plans import filing_deadlines
from duban.execution.selectors.missing import FILED
from duban.lib import owed
from duban.lib.owed import DueItem
from duban.plans.models import Assignment, Plan

MILESTONE = "milestone"
REPORT = "report"
IMPLEMENTATION_PLAN = "implementation_plan"


def _of_unit(queryset, unit_id: int | None):
    return queryset if unit_id is None else queryset.filter(unit_id=unit_id)


def due_milestones(*, as_of: date, lookahead_days: int = 0, unit_id: int | None = None):
    milestones = (
        Milestone.objects.filter(
            withdrawn=False, task__withdrawn=False, task__plan__status=Plan.Status.PUBLISHED
        )
        .filter(Q(met_on__isnull=True) | Q(met_on__gt=as_of))
        .select_related("task")
    )
    return [
        DueItem(
            target=MILESTONE,
            key=f"milestone:{m.pk}",
            unit_id=m.unit_id,
            plan_id=m.task.plan_id,
            title=f"{m.task.path} 里程碑“{m.title}”",
            due=m.due_date,
            link=reverse("plans:task-detail", args=[m.task_id]),
            task_id=m.task_id,
            milestone_id=m.pk,
        )
        for m in _of_unit(milestones, unit_id)
    ]


def _accepted_done_tasks(task_ids) -> set[int]:
    return set(
        ProgressReport.objects.filter(
            task_id__in=task_ids,
            status=ProgressReport.Status.DONE,
            review=ProgressReport.Review.ACCEPTED,
        ).values_list("task_id", flat=True)
    )


def due_reports(*, as_of: date, lookahead_days: int = 0, unit_id: int | None = None):
    """Per assignment: the latest unfiled period whose report is due, and the next one coming."""
    assignments = list(
        _of_unit(Assignment.objects.live().published(), unit_id)
        .filter(unit__isnull=False)
        .select_related("task__plan")
    )
    task_ids = {a.task_id for a in assignments}
    done = _accepted_done_tasks(task_ids)
    filed = set(
        ProgressReport.objects.filter(task_id__in=task_ids, review__in=FILED).values_list(
            "task_id", "unit_id", "period_start"
        )
    )
    horizon = as_of + timedelta(days=lookahead_days)
    items = []
    for a in assignments:
        if a.task_id in done:
            continue
        plan = a.task.plan
        # Work assigned during the year is owed from the period it was assigned in.
        periods = periods_of_year(plan.year, plan.report_cadence, until=horizon, since=a.owed_from)
        unfiled = [p for p in periods if (a.task_id, a.unit_id, p[0]) not in filed]
        late = [p for p in unfiled if report_due(p[1]) <= as_of]
        coming = [p for p in unfiled if report_due(p[1]) > as_of]
        for start, end in late[-1:] + coming[:1]:
            items.append(
                DueItem(
                    target=REPORT,
                    key=f"report:{a.task_id}:{a.unit_id}:{start.isoformat()}",
                    unit_id=a.unit_id,
                    plan_id=plan.pk,
                    title=f"{a.task.path} {period_label(start, plan.report_cadence)}进展报告",
                    due=report_due(end),
                    link=reverse("execution:report-list"),
                    task_id=a.task_id,
                    period_start=start,
                )
            )
    return items


def due_implementation_plans(*, as_of: date, lookahead_days: int = 0, unit_id: int | None = None):
    """Each lead unit of a published plan that has not yet submitted its implementation plan."""
    items = []
    for plan in Plan.objects.published().filter(filing_deadline__isnull=False):
        deadlines = filing_deadlines(plan)
        units = set(deadlines) if unit_id is None else set(deadlines) & {unit_id}
        submitted = set(
            # Submitted by `as_of`: a scan run for a past date sees that day's record.
            ImplementationPlan.objects.filter(
                plan=plan, first_submitted_at__date__lte=as_of
            ).values_list("unit_id", flat=True)
        )
        for owing in sorted(units - submitted):
            items.append(
                DueItem(
                    target=IMPLEMENTATION_PLAN,
                    key=f"implementation_plan:{plan.pk}:{owing}",
                    unit_id=owing,
                    plan_id=plan.pk,
                    title=f"{plan.year}年改革实施方案报送备案",
                    due=deadlines[owing],
                    link=reverse("execution:workspace"),
                )
            )
    return items


def register() -> None:
    owed.register(IMPLEMENTATION_PLAN, _("实施方案"), due_implementation_plans)
    owed.register(MILESTONE, _("里程碑"), due_milestones)
    owed.register(REPORT, _("进展报告"), due_reports)
