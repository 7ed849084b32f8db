"""Reads on milestones: what comes due soon and what is overdue, as of a date."""

from datetime import date, timedelta

from django.db.models import QuerySet

from duban.directory.models import Unit
from duban.execution.models import Milestone
from duban.lib.clock import as_of_or_today
from duban.plans.models import Plan


def _open() -> QuerySet[Milestone]:
    """Milestones still to be met: not withdrawn, not ticked, on a live task of a running plan."""
    return (
        Milestone.objects.filter(
            withdrawn=False,
            met_on__isnull=True,
            task__withdrawn=False,
            task__plan__status=Plan.Status.PUBLISHED,
        )
        .select_related("task", "unit", "implementation_plan")
        # The plan's filed baseline is a JSON copy of the whole plan: decoded once per milestone
        # row it dominated the workspace at scale, and no list of milestones shows it.
        .defer("implementation_plan__baseline")
    )


def milestones_coming_due(
    *, unit: Unit, as_of: date | None = None, within_days: int = 30
) -> QuerySet[Milestone]:
    """`unit`'s open milestones due from `as_of` to `within_days` later, soonest first."""
    today = as_of_or_today(as_of)
    return (
        _open()
        .filter(unit=unit, due_date__gte=today, due_date__lte=today + timedelta(days=within_days))
        .order_by("due_date", "task__path")
    )


def overdue_milestones(
    *, unit: Unit | None = None, plan: Plan | None = None, as_of: date | None = None
) -> QuerySet[Milestone]:
    """Open milestones whose due date passed before `as_of`, the longest overdue first."""
    today = as_of_or_today(as_of)
    milestones = _open().filter(due_date__lt=today)
    if unit is not None:
        milestones = milestones.filter(unit=unit)
    if plan is not None:
        milestones = milestones.filter(task__plan=plan)
    return milestones.order_by("due_date", "unit__name", "task__path")


def days_overdue(milestone: Milestone, as_of: date | None = None) -> int:
    return max(0, (as_of_or_today(as_of) - milestone.due_date).days)
