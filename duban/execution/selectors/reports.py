"""Reads on progress reports: what a unit owes, what came back, what waits for review, what is late.

A unit owes a report for every period of the plan year, up to the one containing `as_of`, on
every unit of work it is assigned to (lead or co), until the coordinator accepts the lead's
completion claim. A period's report is filed once it is submitted (accepted and returned ones
were filed too); a draft is still owed.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from duban.directory.models import Unit
from duban.execution.models import Milestone, ProgressReport
from duban.execution.progress import is_late, period_for, periods_of_year, report_due
from duban.execution.selectors.missing import accepted_completions, missing_slots
from duban.lib.clock import as_of_or_today
from duban.plans.models import Assignment, Plan

Review = ProgressReport.Review


@dataclass
class OwedReport:
    """One report a unit still has to file: a task × unit × period slot."""

    assignment: Assignment
    period_start: date
    period_end: date
    due: date
    late: bool
    report: ProgressReport | None  # this period's draft, if one was started
    last_report: ProgressReport | None  # the latest report of an earlier period

    @property
    def task(self):
        return self.assignment.task

    @property
    def unit(self):
        return self.assignment.unit

    @property
    def is_lead(self) -> bool:
        return self.assignment.role == Assignment.Role.LEAD


def _assignments(**filters) -> QuerySet[Assignment]:
    return (
        Assignment.objects.live()
        .published()
        .filter(
            unit__isnull=False,
            **filters,
        )
        .select_related("task__plan", "task__parent", "unit")
        .order_by("task__plan__year", "task__region_id", "task__path", "position")
    )


def _completed_task_periods(task_ids: Iterable[int]) -> dict[int, date]:
    """task id → start of the period whose completion claim (by the lead) was accepted."""
    accepted = accepted_completions(task_id__in=list(task_ids)).values_list(
        "task_id", "period_start"
    )
    done: dict[int, date] = {}
    for task_id, period_start in accepted:
        done[task_id] = min(period_start, done.get(task_id, period_start))
    return done


def _slots(assignments: list[Assignment], reports: list[ProgressReport], as_of: date):
    """Every (assignment, period, this period's report, last earlier report) up to `as_of`."""
    by_slot: dict[tuple[int, int], dict[date, ProgressReport]] = {}
    for report in reports:
        by_slot.setdefault((report.task_id, report.unit_id), {})[report.period_start] = report
    done = _completed_task_periods({a.task_id for a in assignments})
    for assignment in assignments:
        plan = assignment.task.plan
        until = min(as_of, date(plan.year, 12, 31))
        history = by_slot.get((assignment.task_id, assignment.unit_id), {})
        last = None
        periods = periods_of_year(
            plan.year, plan.report_cadence, until=until, since=assignment.owed_from
        )
        for start, end in periods:
            # Once the lead's completion claim is accepted, nothing more is owed on the task.
            if assignment.task_id in done and start > done[assignment.task_id]:
                break
            report = history.get(start)
            yield assignment, start, end, report, last
            if report is not None:
                last = report


def _owed(assignment, start, end, report, last, as_of) -> OwedReport:
    return OwedReport(
        assignment=assignment,
        period_start=start,
        period_end=end,
        due=report_due(end),
        late=is_late(end, as_of),
        report=report,
        last_report=last,
    )


def reports_owed(*, unit: Unit, as_of: date | None = None) -> list[OwedReport]:
    """The reports `unit` has not filed yet, oldest period first; late ones are marked."""
    as_of = as_of_or_today(as_of)
    assignments = list(_assignments(unit=unit, task__plan__year__lte=as_of.year))
    reports = list(
        ProgressReport.objects.filter(unit=unit, task__in=[a.task_id for a in assignments])
    )
    owed = [
        _owed(assignment, start, end, report, last, as_of)
        for assignment, start, end, report, last in _slots(assignments, reports, as_of)
        if report is None or report.review == Review.DRAFT
    ]
    return sorted(owed, key=lambda o: (o.period_start, o.task.plan_id, o.task.path))


def missing_reports(
    *, plan: Plan, as_of: date | None = None, limit: int | None = None, offset: int = 0
) -> list[OwedReport]:
    """The reports of `plan` past their due date and not filed, in the plan's order, paged by
    `limit`/`offset` (`missing.missing_report_tally` counts them all without listing them)."""
    as_of = as_of_or_today(as_of)
    slots = missing_slots(plan=plan, as_of=as_of, limit=limit, offset=offset)
    ids = {a_id for a_id, _ in slots}
    assignments = {a.pk: a for a in _assignments(pk__in=ids)}
    pairs = {(a.task_id, a.unit_id) for a in assignments.values()}
    history: dict[tuple[int, int], list[ProgressReport]] = {}
    reports = ProgressReport.objects.filter(task__plan=plan).order_by("period_start")
    if limit is not None:  # a page's tasks: a short list of ids
        reports = reports.filter(task_id__in={t for t, _ in pairs})
    for report in reports.only("task_id", "unit_id", "period_start", "review"):
        if (report.task_id, report.unit_id) in pairs:
            history.setdefault((report.task_id, report.unit_id), []).append(report)
    owed = []
    for a_id, start in slots:
        assignment = assignments[a_id]
        # As `_slots` walks them: from the period the share was assigned in, up to this one.
        since = period_for(assignment.owed_from, plan.report_cadence)[0]
        earlier = [
            r
            for r in history.get((assignment.task_id, assignment.unit_id), [])
            if since <= r.period_start <= start
        ]
        this = earlier.pop() if earlier and earlier[-1].period_start == start else None
        end = period_for(start, plan.report_cadence)[1]
        owed.append(_owed(assignment, start, end, this, earlier[-1] if earlier else None, as_of))
    return owed


def returned_reports(*, unit: Unit) -> QuerySet[ProgressReport]:
    """Reports the coordinator sent back (退回) to `unit`, with the reason, oldest first."""
    return (
        ProgressReport.objects.filter(unit=unit, review=Review.RETURNED)
        .select_related("task__plan", "reviewed_by")
        .order_by("period_start", "task__path")
    )


def reports_awaiting_review(*, plan: Plan) -> QuerySet[ProgressReport]:
    """Submitted reports of `plan` waiting for the coordinator, first come first served."""
    return (
        ProgressReport.objects.filter(task__plan=plan, review=Review.SUBMITTED)
        .select_related("task", "unit")
        .order_by("submitted_at", "task__path")
    )


def recent_reports(*, unit: Unit, limit: int = 20) -> QuerySet[ProgressReport]:
    """`unit`'s latest reports that left the draft stage, newest period first."""
    return (
        ProgressReport.objects.filter(unit=unit)
        .exclude(review=Review.DRAFT)
        .select_related("task__plan")
        .order_by("-period_start", "task__path")[:limit]
    )


def period_reports(*, report: ProgressReport) -> list[ProgressReport]:
    """The same task's reports for the same period from every unit: the lead first, then co."""
    roles = dict(
        Assignment.objects.live().filter(task_id=report.task_id).values_list("unit_id", "role")
    )
    siblings = (
        ProgressReport.objects.filter(task_id=report.task_id, period_start=report.period_start)
        .exclude(review=Review.DRAFT)
        .select_related("unit")
        .prefetch_related("evidence")
    )
    for sibling in siblings:
        sibling.is_lead = roles.get(sibling.unit_id) == Assignment.Role.LEAD
    return sorted(siblings, key=lambda r: (not r.is_lead, r.unit.name))


def report_history(*, task_id: int, unit_id: int) -> QuerySet[ProgressReport]:
    return ProgressReport.objects.filter(task_id=task_id, unit_id=unit_id).order_by("-period_start")


def last_report_before(*, task_id: int, unit_id: int, period_start: date):
    """The unit's latest report on the task before `period_start`: a new report starts from it."""
    return (
        ProgressReport.objects.filter(
            task_id=task_id, unit_id=unit_id, period_start__lt=period_start
        )
        .order_by("-period_start")
        .first()
    )


def task_milestones(*, task_id: int, unit_id: int) -> QuerySet[Milestone]:
    """The unit's milestones on the task, shown beside its report so it can tick the ones met."""
    return Milestone.objects.filter(task_id=task_id, unit_id=unit_id, withdrawn=False).order_by(
        "due_date", "position"
    )
