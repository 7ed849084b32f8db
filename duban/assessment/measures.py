"""The measures the assessment reads from the execution and supervision records.

Registered with `duban.lib.measures` on start-up (`AssessmentConfig.ready()`), beside those other
apps register (coordination: decisions carried out). Each yields one `Line` per record that
counts, with the label a unit reads in its breakdown and the link to the record itself.
"""

import calendar
import math
from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from duban.assessment.models import BreakthroughRating
from duban.directory.models import Unit
from duban.execution.progress import period_label
from duban.execution.selectors.implementation_plans import late_or_missing_plans
from duban.execution.selectors.timeliness import (
    Due,
    implementation_plans_due,
    milestones_due,
    reports_due,
    within_year_tasks_due,
)
from duban.lib import measures
from duban.lib.measures import DEDUCTION, Line
from duban.plans.models import Assignment, Plan
from duban.supervision.lights import compute_light
from duban.supervision.selectors import (
    active_rules,
    facts_for_tasks,
    supervised_tasks,
    urges_for_unit,
)

PLAN_ON_TIME = "plan_on_time"
REPORTS_ON_TIME = "reports_on_time"
MILESTONES_ON_TIME = "milestones_on_time"
WITHIN_YEAR_DONE = "within_year_done"
BREAKTHROUGH = "breakthrough"
RED_LIGHTS = "red_lights"
URGES_UNACKNOWLEDGED = "urges_unacknowledged"
PLANS_LATE = "plans_late"
# A late implementation plan costs one occurrence per started ten days of delay.
PLAN_LATE_DAYS_PER_OCCURRENCE = 10


def _task_link(task_id: int | None) -> str:
    return reverse("plans:task-detail", args=[task_id]) if task_id else ""


def _lines(rows: list[Due], link) -> list[Line]:
    return [
        Line(
            unit_id=row.unit_id,
            role=row.role,
            score=1.0 if row.on_time else 0.0,
            label=row.label,
            link=link(row),
            task_id=row.task_id,
        )
        for row in rows
    ]


def plan_lines(*, plan: Plan, as_of: date) -> list[Line]:
    def link(row: Due) -> str:
        return reverse("execution:plan-detail", args=[row.record_id]) if row.record_id else ""

    return _lines(implementation_plans_due(plan=plan, as_of=as_of), link)


def report_lines(*, plan: Plan, as_of: date) -> list[Line]:
    def link(row: Due) -> str:
        if row.record_id:
            return reverse("execution:report-detail", args=[row.record_id])
        return _task_link(row.task_id)

    return _lines(reports_due(plan=plan, as_of=as_of), link)


def milestone_lines(*, plan: Plan, as_of: date) -> list[Line]:
    return _lines(milestones_due(plan=plan, as_of=as_of), lambda row: _task_link(row.task_id))


def within_year_lines(*, plan: Plan, as_of: date) -> list[Line]:
    return _lines(within_year_tasks_due(plan=plan, as_of=as_of), lambda r: _task_link(r.task_id))


def breakthrough_lines(*, plan: Plan, as_of: date) -> list[Line]:
    """Every unit on a rated multi-year task, scored by the coordinator's rating (0–1).

    A task not yet rated counts for no one; the assessment page lists it for the coordinator.
    """
    ratings = {
        r.task_id: r
        # A rating judges the year, whenever it is entered (often after the year's end).
        for r in BreakthroughRating.objects.filter(task__plan=plan).select_related("task")
    }
    shares = Assignment.objects.live().filter(task_id__in=list(ratings), unit__isnull=False)
    return [
        Line(
            unit_id=a.unit_id,
            role=a.role,
            score=float(ratings[a.task_id].rating),
            label=(
                f"{ratings[a.task_id].task.path} 跨年度任务突破评定 {ratings[a.task_id].rating}："
                f"{ratings[a.task_id].reason[:80]}"
            ),
            link=_task_link(a.task_id),
            task_id=a.task_id,
        )
        for a in shares.order_by("task__path", "position")
    ]


def month_ends(year: int, as_of: date) -> list[date]:
    """The last day of each month of `year` that has ended by `as_of`."""
    ends = (date(year, month, calendar.monthrange(year, month)[1]) for month in range(1, 13))
    return [end for end in ends if end <= as_of]


def red_light_lines(*, plan: Plan, as_of: date) -> list[Line]:
    """One occurrence for each lead unit per task and month that ended on red."""
    tasks = supervised_tasks(plan)
    facts = facts_for_tasks(tasks)
    leads = {task_id: list(f.leads) for task_id, f in facts.items() if f.leads}
    rules = active_rules()
    lines = []
    for task in tasks:
        if task.pk not in leads:
            continue
        for end in month_ends(plan.year, as_of):
            light = compute_light(facts[task.pk], end, rules)
            if light.colour != "red":
                continue
            reason = light.reasons[0][:80] if light.reasons else "红灯"
            lines += [
                Line(
                    unit_id=unit_id,
                    role=Assignment.Role.LEAD,
                    score=1.0,
                    label=f"{task.path} {period_label(end.replace(day=1), 'monthly')}末 {reason}",
                    link=_task_link(task.pk),
                    task_id=task.pk,
                )
                for unit_id in leads[task.pk]
            ]
    return lines


def urge_lines(*, plan: Plan, as_of: date) -> list[Line]:
    """One occurrence per 催办 notice on the plan's tasks not acknowledged by `as_of`."""
    units = Assignment.objects.live().filter(task__plan=plan, unit__isnull=False)
    lines = []
    for unit_id in sorted(set(units.values_list("unit_id", flat=True))):
        for urge in _urges(unit_id):
            if urge.task_id and urge.task.plan_id != plan.pk:
                continue
            sent = timezone.localdate(urge.sent_at)
            acknowledged = urge.acknowledged_at and timezone.localdate(urge.acknowledged_at)
            if sent > as_of or (acknowledged and acknowledged <= as_of):
                continue
            where = urge.task.path if urge.task_id else "单位"
            lines.append(
                Line(
                    unit_id=unit_id,
                    role=Assignment.Role.LEAD,
                    score=1.0,
                    label=f"{where} {urge.get_step_display()} {sent:%Y-%m-%d}发出，未签收",
                    link=_task_link(urge.task_id),
                    task_id=urge.task_id,
                )
            )
    return lines


def _urges(unit_id: int):
    return urges_for_unit(Unit(pk=unit_id))


def plan_late_lines(*, plan: Plan, as_of: date) -> list[Line]:
    """Occurrences for a late or missing implementation plan: one per started ten days."""
    lines = []
    for late in late_or_missing_plans(plan=plan, as_of=as_of):
        occurrences = math.ceil(late.days_late / PLAN_LATE_DAYS_PER_OCCURRENCE)
        state = "未报送" if late.missing else "逾期报送"
        ip = late.implementation_plan
        lines.append(
            Line(
                unit_id=late.unit.pk,
                role=Assignment.Role.LEAD,
                score=float(occurrences),
                label=f"{plan.year}年实施方案{state}，逾期{late.days_late}天（计{occurrences}次）",
                link=reverse("execution:plan-detail", args=[ip.pk]) if ip else "",
            )
        )
    return lines


# The default scheme, in this order: (points, cap). Full marks of the rates add up to 100; a
# measure another app registers (decisions carried out) joins with DEFAULT_RATE or _DEDUCTION.
DEFAULTS: dict[str, tuple[str, str]] = {
    PLAN_ON_TIME: ("10", ""),
    REPORTS_ON_TIME: ("20", ""),
    MILESTONES_ON_TIME: ("20", ""),
    WITHIN_YEAR_DONE: ("30", ""),
    BREAKTHROUGH: ("20", ""),
    RED_LIGHTS: ("0.5", "10"),
    URGES_UNACKNOWLEDGED: ("1", "5"),
    PLANS_LATE: ("1", "5"),
}
DEFAULT_RATE = ("10", "")
DEFAULT_DEDUCTION = ("1", "")


def register() -> None:
    measures.register(
        PLAN_ON_TIME,
        _("实施方案按时报送"),
        plan_lines,
        description=_("牵头单位在备案截止日期前首次报送实施方案的，计满分；逾期或未报送的不得分。"),
    )
    measures.register(
        REPORTS_ON_TIME,
        _("进展报告按时报送"),
        report_lines,
        description=_("每项任务每个报告期一份，报告期结束后5日内报送为按时；按时报送的比例计分。"),
    )
    measures.register(
        MILESTONES_ON_TIME,
        _("里程碑按期完成"),
        milestone_lines,
        description=_("考核截止日前到期的里程碑，在时限内完成的比例计分。"),
    )
    measures.register(
        WITHIN_YEAR_DONE,
        _("年内任务按期完成"),
        within_year_lines,
        description=_("完成时限已到的年内任务，牵头单位报告完成并经审核采纳的比例计分。"),
    )
    measures.register(
        BREAKTHROUGH,
        _("跨年度任务取得突破"),
        breakthrough_lines,
        description=_("统筹协调处室对每项跨年度任务评定突破程度（0–1）并写明理由，按评定计分。"),
    )
    measures.register(
        RED_LIGHTS,
        _("红灯扣分"),
        red_light_lines,
        kind=DEDUCTION,
        description=_("牵头任务每月末为红灯的，每项每月计1次。"),
    )
    measures.register(
        URGES_UNACKNOWLEDGED,
        _("催办未签收扣分"),
        urge_lines,
        kind=DEDUCTION,
        description=_("催办通知截至考核日仍未签收的，每份计1次。"),
    )
    measures.register(
        PLANS_LATE,
        _("实施方案逾期扣分"),
        plan_late_lines,
        kind=DEDUCTION,
        description=_("实施方案逾期报送或未报送的，每逾期10天（不足10天按10天）计1次。"),
    )
