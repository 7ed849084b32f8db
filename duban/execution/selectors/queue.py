"""The reform office's queue: what waits for review and what is late in one plan, as of a date."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from duban.directory.models import Unit
from duban.execution.models import Extension, ImplementationPlan, Milestone, ProgressReport
from duban.execution.selectors.implementation_plans import (
    LatePlan,
    late_or_missing_plans,
    plans_awaiting_review,
)
from duban.execution.selectors.milestones import overdue_milestones
from duban.execution.selectors.missing import (
    MissingTally,
    missing_report_tally,
    missing_task_paths,
)
from duban.execution.selectors.reports import reports_awaiting_review
from duban.lib.clock import as_of_or_today
from duban.lib.shown import SHOWN, Shown
from duban.plans.models import Plan

REPORTS_SHOWN = 30


@dataclass
class MissingByUnit:
    """One unit's overdue reports, summed up: the queue names the unit once, not each period."""

    unit: object
    count: int
    oldest_period: date
    task_paths: list[str]


def missing_by_unit(plan: Plan, tally: MissingTally) -> list[MissingByUnit]:
    """Overdue reports grouped by unit, the unit with the most first."""
    counts = tally.by_unit()
    if not counts:
        return []
    units = Unit.objects.in_bulk(counts)
    paths = missing_task_paths(plan=plan, as_of=tally.as_of)
    groups = [
        MissingByUnit(units[unit_id], n, oldest, paths.get(unit_id, []))
        for unit_id, (n, oldest) in counts.items()
    ]
    return sorted(groups, key=lambda g: (-g.count, g.unit.name))


@dataclass
class Queue:
    """Each list holds its first rows and its total: a national plan's queue runs to thousands."""

    plan: Plan
    as_of: date
    plans_awaiting_review: Shown[ImplementationPlan]
    late_or_missing_plans: Shown[LatePlan]
    extensions_awaiting_decision: Shown[Extension]
    reports_awaiting_review: Shown[ProgressReport]
    missing_reports: MissingTally
    overdue_milestones: Shown[Milestone]

    @property
    def missing_by_unit(self) -> list[MissingByUnit]:
        return missing_by_unit(self.plan, self.missing_reports)

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.plans_awaiting_review,
                self.late_or_missing_plans,
                self.extensions_awaiting_decision,
                self.reports_awaiting_review,
                self.missing_reports,
                self.overdue_milestones,
            )
        )


def current_plan() -> Plan | None:
    """The plan the queue opens on: the latest published one."""
    return Plan.objects.published().order_by("-year", "-pk").first()


def extensions_awaiting_decision(*, plan: Plan) -> QuerySet[Extension]:
    return (
        Extension.objects.filter(task__plan=plan, status=Extension.Status.REQUESTED)
        .select_related("task", "milestone", "unit", "requested_by")
        .order_by("requested_at")
    )


def coordinator_queue(
    *,
    plan: Plan,
    as_of: date | None = None,
    tally: MissingTally | None = None,
    counts_only: bool = False,
) -> Queue:
    """The queue on `as_of`; `tally`, the plan's missing reports counted as of that day or
    later (the home page's report round has one), saves counting them again. With
    `counts_only` (the home page's summary) each section is counted, none of its rows read."""
    today = as_of_or_today(as_of)
    missing = tally.seen_on(today) if tally else missing_report_tally(plan=plan, as_of=today)
    shown, reports_shown = (0, 0) if counts_only else (SHOWN, REPORTS_SHOWN)
    return Queue(
        plan=plan,
        as_of=today,
        plans_awaiting_review=Shown.of(plans_awaiting_review(plan=plan), shown),
        late_or_missing_plans=Shown.of(late_or_missing_plans(plan=plan, as_of=today), shown),
        extensions_awaiting_decision=Shown.of(extensions_awaiting_decision(plan=plan), shown),
        # The review queue pages through them all, with filters and acceptance in bulk.
        reports_awaiting_review=Shown.of(reports_awaiting_review(plan=plan), reports_shown),
        missing_reports=missing,
        overdue_milestones=Shown.of(overdue_milestones(plan=plan, as_of=today), shown),
    )
