"""Reads on timeliness, as of a date: what fell due, and whether it was done on time.

One row per record that fell due by `as_of` — an implementation plan past its filing deadline
(or filed before it), a period's report past its due date, a milestone past its due date, a
within-year task past its deadline — with whether it was done in time. The assessment scores
from these rows; each row says which unit, in which role, and where to look.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from duban.execution.models import ImplementationPlan, Milestone, ProgressReport
from duban.execution.progress import is_late, period_label, report_due
from duban.execution.selectors.implementation_plans import units_leading
from duban.execution.selectors.missing import FILED
from duban.execution.selectors.reports import _assignments, _completed_task_periods, _slots
from duban.plans.models import Assignment, Plan, Task

LEAD = Assignment.Role.LEAD


@dataclass(frozen=True)
class Due:
    """A record that fell due: whose, in which role, done in time or not, and what it is."""

    unit_id: int
    role: str
    on_time: bool
    label: str
    task_id: int | None = None
    record_id: int | None = None  # the implementation plan, report or milestone, if any


def _local(moment) -> date | None:
    return timezone.localdate(moment) if moment else None


def implementation_plans_due(*, plan: Plan, as_of: date) -> list[Due]:
    """Each lead unit's 实施方案: on time if first submitted by the filing deadline; counted
    once submitted or once the deadline has passed."""
    deadline = plan.filing_deadline
    if deadline is None:
        return []
    by_unit = {ip.unit_id: ip for ip in ImplementationPlan.objects.filter(plan=plan)}
    rows = []
    for unit in units_leading(plan).order_by("name"):
        ip = by_unit.get(unit.pk)
        first = _local(ip.first_submitted_at) if ip else None
        if first is not None and first > as_of:
            first = None  # submitted after the day we look from: not yet, then
        if first is None and as_of <= deadline:
            continue
        on_time = first is not None and first <= deadline
        when = f"{first:%Y-%m-%d}报送" if first else "未报送"
        verdict = "按时" if on_time else "逾期"
        label = f"{plan.year}年实施方案 {when}（{verdict}，截止{deadline:%Y-%m-%d}）"
        rows.append(Due(unit.pk, LEAD, on_time, label, record_id=ip.pk if ip else None))
    return rows


def reports_due(*, plan: Plan, as_of: date) -> list[Due]:
    """Every assigned unit's report for every period whose due date passed by `as_of`: on time
    if submitted (and not withdrawn to draft) by the due date."""
    assignments = list(_assignments(task__plan=plan))
    reports = list(
        ProgressReport.objects.filter(task__plan=plan).only(
            "pk", "task_id", "unit_id", "period_start", "review", "submitted_at"
        )
    )
    rows = []
    for assignment, start, end, report, _last in _slots(assignments, reports, as_of):
        if not is_late(end, as_of):
            continue
        due = report_due(end)
        sent = _local(report.submitted_at) if report and report.review in FILED else None
        on_time = sent is not None and sent <= due and sent <= as_of
        when = f"{sent:%Y-%m-%d}报送" if sent and sent <= as_of else "未报送"
        verdict = "按时" if on_time else "逾期"
        label = (
            f"{assignment.task.path} {period_label(start, plan.report_cadence)}进展报告 "
            f"{when}（{verdict}，应于{due:%Y-%m-%d}前）"
        )
        rows.append(
            Due(
                assignment.unit_id,
                assignment.role,
                on_time,
                label,
                task_id=assignment.task_id,
                record_id=report.pk if report else None,
            )
        )
    return rows


def milestones_due(*, plan: Plan, as_of: date) -> list[Due]:
    """Every live milestone due before `as_of`: on time if met by its (current) due date."""
    roles = _roles(plan)
    milestones = Milestone.objects.filter(
        task__plan=plan, task__withdrawn=False, withdrawn=False, due_date__lte=as_of
    ).select_related("task")
    rows = []
    for m in milestones.order_by("task__path", "due_date", "position"):
        met = m.met_on if m.met_on and m.met_on <= as_of else None
        on_time = met is not None and met <= m.due_date
        when = f"{met:%Y-%m-%d}完成" if met else "未完成"
        verdict = "按时" if on_time else "逾期"
        label = f"{m.task.path} 里程碑“{m.title}” {when}（{verdict}，时限{m.due_date:%Y-%m-%d}）"
        role = roles.get((m.task_id, m.unit_id), LEAD)
        rows.append(Due(m.unit_id, role, on_time, label, task_id=m.task_id, record_id=m.pk))
    return rows


def within_year_tasks_due(*, plan: Plan, as_of: date) -> list[Due]:
    """Each unit's share of every within-year task whose deadline passed by `as_of`: on time if
    the coordinator accepted the lead's completion claim for a period starting by the deadline."""
    tasks = {
        t.pk: t
        for t in Task.objects.active().filter(
            plan=plan, kind=Task.Kind.WITHIN_YEAR, due_date__lte=as_of
        )
    }
    accepted = _accepted_by(tasks, as_of)
    done = _completed_task_periods(tasks)
    rows = []
    for a in _assignments(task_id__in=list(tasks)):
        task = tasks[a.task_id]
        finished = done.get(task.pk) if task.pk in accepted else None
        on_time = finished is not None and finished <= task.due_date
        state = "已完成并经审核采纳" if finished else "未完成"
        verdict = "按期" if on_time else "未按期"
        label = f"{task.path} {task.title[:40]} {state}（{verdict}，时限{task.due_date:%Y-%m-%d}）"
        rows.append(Due(a.unit_id, a.role, on_time, label, task_id=task.pk))
    return rows


def _accepted_by(task_ids, as_of: date) -> set[int]:
    """Tasks whose completion claim was accepted on or before `as_of`."""
    reviewed = ProgressReport.objects.filter(
        task_id__in=list(task_ids),
        status=ProgressReport.Status.DONE,
        review=ProgressReport.Review.ACCEPTED,
    ).values_list("task_id", "reviewed_at")
    return {task_id for task_id, at in reviewed if at is None or _local(at) <= as_of}


def _roles(plan: Plan) -> dict[tuple[int, int], str]:
    rows = Assignment.objects.live().filter(task__plan=plan, unit__isnull=False)
    return {(t, u): role for t, u, role in rows.values_list("task_id", "unit_id", "role")}
