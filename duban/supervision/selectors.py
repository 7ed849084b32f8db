"""Reads for supervision: the facts each light needs, loaded for many tasks at once.

Every page that lists tasks calls `lights_for_tasks(tasks, as_of)`: four queries whatever the
number of tasks (plans, lead assignments, milestones, reports).
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.utils import timezone

from duban.execution.models import Milestone, ProgressReport
from duban.lib.clock import as_of_or_today
from duban.plans.models import Assignment, Plan, Task
from duban.supervision.lights import (
    Light,
    MilestoneFact,
    ReportFact,
    RuleSet,
    TaskFacts,
    compute_light,
    load_rule_set,
)

Review = ProgressReport.Review
# A report counts once the unit has sent it; the office's answer does not unsend it.
FILED = (Review.SUBMITTED, Review.ACCEPTED, Review.RETURNED)


def active_rules() -> RuleSet:
    return load_rule_set(settings.DUBAN_LIGHT_RULES)


def _local_day(moment) -> date | None:
    return timezone.localdate(moment) if moment else None


def lead_units(task_ids: Iterable[int]) -> dict[int, int]:
    """task id → the lead unit's id, for the tasks that have one."""
    rows = Assignment.objects.filter(
        task_id__in=list(task_ids), role=Assignment.Role.LEAD, withdrawn=False, unit__isnull=False
    ).values_list("task_id", "unit_id")
    return dict(rows)


def facts_for_tasks(tasks: Iterable[Task]) -> dict[int, TaskFacts]:
    """task id → its `TaskFacts`: milestones of every unit, reports of the lead unit only."""
    tasks = list(tasks)
    ids = [task.id for task in tasks]
    plans = Plan.objects.in_bulk({task.plan_id for task in tasks})
    leads = lead_units(ids)
    milestones: dict[int, list[MilestoneFact]] = defaultdict(list)
    for task_id, title, due, met_on in Milestone.objects.filter(
        task_id__in=ids, withdrawn=False
    ).values_list("task_id", "title", "due_date", "met_on"):
        milestones[task_id].append(MilestoneFact(title, due, met_on))
    reports: dict[int, list[ReportFact]] = defaultdict(list)
    accepted_done: dict[int, date] = {}
    rows = ProgressReport.objects.filter(task_id__in=ids, review__in=FILED).values_list(
        "task_id",
        "unit_id",
        "period_start",
        "period_end",
        "status",
        "percent",
        "submitted_at",
        "review",
        "reviewed_at",
    )
    for task_id, unit_id, start, end, status, percent, submitted, review, reviewed in rows:
        if leads.get(task_id) != unit_id:
            continue  # co units report their part to the lead; the lead's report is the status
        reports[task_id].append(ReportFact(start, end, status, percent, _local_day(submitted)))
        if status == ProgressReport.Status.DONE and review == Review.ACCEPTED:
            day = _local_day(reviewed) or start
            accepted_done[task_id] = min(day, accepted_done.get(task_id, day))
    return {
        task.id: TaskFacts(
            start=date(plans[task.plan_id].year, 1, 1),
            due=task.due_date,
            cadence=plans[task.plan_id].report_cadence,
            milestones=tuple(milestones[task.id]),
            reports=tuple(reports[task.id]),
            accepted_done=accepted_done.get(task.id),
        )
        for task in tasks
    }


def lights_for_tasks(
    tasks: Iterable[Task], as_of: date | None = None, rules: RuleSet | None = None
) -> dict[int, Light]:
    """task id → its warning light on `as_of` (today by default) under the configured rules."""
    as_of = as_of_or_today(as_of)
    rules = rules or active_rules()
    return {
        task_id: compute_light(facts, as_of, rules)
        for task_id, facts in facts_for_tasks(tasks).items()
    }
