"""The plan at a glance (全局概览), as of a date: one plain structure for every renderer.

`plan_at_a_glance(plan=…, as_of=…)` gathers what the leadership and the reform office read
first: the units of work by warning light (and the red ones with their first reason), the
progress of the plan and of each area, the implementation plans, this round of progress
reports, the milestones, the latest leaders' 批示 and the lead units with the most red.
Pages, charts and (later) the written report to the provincial government all render this one
structure; none of them queries on its own. Every number comes from the selector that owns it
(`plan_progress`, `late_or_missing_plans`, `missing_reports`, `lights_on`…): nothing is
recomputed here. A fixed number of queries whatever the plan's size.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from duban.directory.models import Unit
from duban.execution.models import ImplementationPlan, LeaderComment, Milestone, ProgressReport
from duban.execution.progress import (
    REPORT_DUE_DAYS,
    elapsed_share,
    is_late,
    period_for,
    report_due,
)
from duban.execution.selectors.implementation_plans import (
    filing_deadlines,
    submitted_late,
    units_leading,
)
from duban.execution.selectors.missing import FILED, MissingTally, missing_report_tally
from duban.execution.selectors.progress import latest_lead_reports, plan_progress
from duban.lib import clock
from duban.lib.clock import as_of_or_today
from duban.plans.models import Assignment, Plan, Task
from duban.plans.tree import path_key
from duban.supervision.lights import SEVERITY, Light
from duban.supervision.models import Urge
from duban.supervision.selectors import (
    active_rules,
    lead_units,
    light_tally,
    lights_for_tasks,
    lights_on,
    most_red_first,
    supervised_tasks,
)

# A milestone due within this many days counts as coming due.
COMING_DUE_DAYS = 30
# How many leaders' comments and lead units the glance lists.
LATEST_COMMENTS = 5
MOST_RED_UNITS = 8

IPStatus = ImplementationPlan.Status


@dataclass(frozen=True)
class RedItem:
    """A unit of work on red, with its lead unit and why."""

    task: Task
    lead: Unit | None
    light: Light

    @property
    def reason(self) -> str:
        """The first (most alarming) reason without its `红灯：` prefix: the list says red."""
        first = self.light.reasons[0] if self.light.reasons else ""
        return first.removeprefix(f"{self.light.label}：")

    @property
    def more_reasons(self) -> int:
        return max(0, len(self.light.reasons) - 1)


@dataclass(frozen=True)
class AreaRow:
    """A reform area (改革领域): its progress and its units of work by light."""

    path: str
    title: str
    percent: float
    tally: dict[str, int]


@dataclass(frozen=True)
class UnitRow:
    """A lead unit and its units of work by light."""

    unit: Unit
    tally: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.tally.values())


@dataclass(frozen=True)
class Filing:
    """Implementation plans (实施方案备案) of the units that lead tasks of the plan."""

    deadline: date | None
    owed: int  # units leading at least one live task
    on_time: int  # filed, first submitted by the deadline
    late: int  # filed, first submitted after it
    returned: int  # sent back, with the unit again
    awaiting: int  # submitted, waiting for the reform office
    missing: int  # not submitted and the deadline has passed
    not_yet: int  # not submitted, the deadline still ahead


@dataclass(frozen=True)
class ReportRound:
    """The round of progress reports in course: the period whose reports fall due next."""

    period_start: date
    period_end: date
    due: date
    expected: int  # reports owed for the period (every assigned unit, lead and co)
    filed: int  # submitted, accepted or returned
    accepted: int
    returned: int
    unfiled: int
    past_due: bool  # the round's due date has passed: what is unfiled is missing
    overdue_total: int  # reports of every period past their due date and not filed
    # Counted by unit and period; the queue reads its own count from it, not a second query.
    tally: MissingTally = field(repr=False, compare=False)

    @property
    def missing(self) -> int:
        return self.unfiled if self.past_due else 0


@dataclass(frozen=True)
class MilestoneTally:
    total: int
    met_on_time: int
    met_late: int
    overdue: int  # open, due before `as_of`
    coming_due: int  # open, due within COMING_DUE_DAYS
    later: int


@dataclass(frozen=True)
class TaskState:
    """A unit of work as the report tells it: its lead, its light and its reported figures."""

    task: Task
    lead: Unit | None
    light: Light
    percent: int | None  # the lead's last reported percent filed by `as_of`; None: no report
    area: str  # the area's path (`3`)


@dataclass(frozen=True)
class OverdueItem:
    """Something due before `as_of` and not done by then: a milestone or the task itself."""

    task: Task
    lead: Unit | None
    what: str  # 里程碑“形成初稿” or 任务完成时限
    due: date
    days: int


@dataclass(frozen=True)
class TrendPoint:
    """The units of work by light on one day: each month's end, and `as_of` last."""

    day: date
    lights: dict[str, int]


@dataclass
class Glance:
    plan: Plan
    as_of: date
    rules_label: str
    units_of_work: int
    lights: dict[str, int]  # colour → count, most alarming first
    red: list[RedItem]
    percent: float  # the plan's progress, 0–100
    time_elapsed: int | None  # the share of the plan year gone by (年度时间进度), None before it
    areas: list[AreaRow]
    units_most_red: list[UnitRow]
    filing: Filing
    reports: ReportRound | None  # None before the plan's year starts
    milestones: MilestoneTally
    comments: list[LeaderComment]
    tasks: list[TaskState]
    overdue: list[OverdueItem]  # most days overdue first
    trend: list[TrendPoint]


def plan_at_a_glance(*, plan: Plan, as_of: date | None = None) -> Glance:
    as_of = as_of_or_today(as_of)
    rules = active_rules()
    progress = plan_progress(plan=plan, as_of=as_of)
    tasks = supervised_tasks(plan, among=(row.task for row in progress.rows))
    trend_days = month_ends(plan.year, as_of)
    # The trend counts colours: its month ends' reasons are not read.
    lights_by_day = lights_on(
        tasks, {*trend_days, as_of}, rules, colour_only=set(trend_days) - {as_of}
    )
    lights = lights_by_day[as_of]
    leads = lead_units(task.pk for task in tasks)
    units = Unit.objects.in_bulk(set(leads.values()))
    red = [
        RedItem(task, units.get(leads.get(task.pk)), lights[task.pk])
        for task in tasks
        if lights[task.pk].colour == "red"
    ]
    states = task_states(
        tasks, progress.reports, lights, {t: units.get(u) for t, u in leads.items()}
    )
    return Glance(
        plan=plan,
        as_of=as_of,
        rules_label=rules.label,
        units_of_work=len(tasks),
        lights=light_tally(lights.values()),
        red=red,
        percent=progress.percent,
        time_elapsed=time_elapsed(plan, as_of),
        areas=_areas(progress, tasks, lights),
        units_most_red=_units_most_red(leads, units, lights),
        filing=filing_summary(plan=plan, as_of=as_of),
        reports=report_round(plan=plan, as_of=as_of),
        milestones=milestone_tally(plan=plan, as_of=as_of),
        comments=latest_comments(plan=plan, as_of=as_of),
        tasks=states,
        overdue=overdue_items(states, unmet_milestones(plan, as_of), as_of),
        trend=[TrendPoint(day, light_tally(lights_by_day[day].values())) for day in trend_days],
    )


def task_states(tasks, reports: dict, lights, leads: dict) -> list[TaskState]:
    """Each unit of work with its lead, light and the percent of its lead's latest report, as
    the roll-up counts it (`latest_lead_reports`: submitted or accepted, filed by the day)."""
    states = []
    for task in tasks:
        report = reports.get(task.pk)
        percent = report.percent if report else None
        area = task.path.split(".")[0]
        states.append(TaskState(task, leads.get(task.pk), lights[task.pk], percent, area))
    return states


def unmet_milestones(plan: Plan, as_of: date) -> dict[int, list[tuple[str, date]]]:
    """task id → (title, due date) of its live milestones due before `as_of`, unmet by then."""
    rows = (
        Milestone.objects.filter(task__plan=plan, withdrawn=False, due_date__lt=as_of)
        .exclude(met_on__lte=as_of)
        .order_by("due_date", "pk")
        .values_list("task_id", "title", "due_date")
    )
    unmet: dict[int, list[tuple[str, date]]] = defaultdict(list)
    for task_id, title, due in rows:
        unmet[task_id].append((title, due))
    return unmet


def overdue_items(states: list[TaskState], unmet: dict, as_of: date) -> list[OverdueItem]:
    """Milestones and task deadlines passed by `as_of` and not met then, most overdue first.

    A unit of work already done (accepted) owes nothing more, whatever its milestones say.
    """
    items = []
    for state in states:
        if state.light.colour == "done":
            continue
        for title, due in unmet.get(state.task.pk, ()):
            items.append(_overdue(state, f"里程碑“{title}”", due, as_of))
        due = state.task.due_date
        if due and due < as_of:
            items.append(_overdue(state, "任务完成时限", due, as_of))
    items.sort(key=lambda item: (-item.days, path_key(item.task.path)))
    return items


def _overdue(state: TaskState, what: str, due: date, as_of: date) -> OverdueItem:
    return OverdueItem(state.task, state.lead, what, due, (as_of - due).days)


def month_ends(year: int, as_of: date) -> list[date]:
    """The last day of each month of `year` before `as_of`'s month, then `as_of` itself."""
    if as_of < date(year, 1, 1):
        return [as_of]
    last = min(as_of, date(year, 12, 31))
    days = [date(year, m + 1, 1) - timedelta(days=1) for m in range(1, last.month)]
    return [*days, last]


def time_elapsed(plan: Plan, as_of: date) -> int | None:
    if as_of.year < plan.year:
        return None
    return elapsed_share(min(as_of, date(plan.year, 12, 31)))


def _areas(progress, tasks: list[Task], lights: dict[int, Light]) -> list[AreaRow]:
    """Each live area of the plan, in path order; a city's task counts under its area."""
    by_area: dict[str, list[Light]] = defaultdict(list)
    for task in tasks:
        by_area[task.path.split(".")[0]].append(lights[task.pk])
    return [
        AreaRow(
            row.task.path, row.task.title, row.node.percent, light_tally(by_area[row.task.path])
        )
        for row in progress.rows
        if row.task.level == 1 and row.task.region_id is None and not row.task.withdrawn
    ]


def _units_most_red(leads: dict[int, int], units: dict, lights: dict[int, Light]):
    by_unit: dict[int, list[Light]] = defaultdict(list)
    for task_id, unit_id in leads.items():
        by_unit[unit_id].append(lights[task_id])
    rows = [UnitRow(units[unit_id], light_tally(found)) for unit_id, found in by_unit.items()]
    rows = [row for row in rows if row.tally["red"]]
    rows.sort(key=lambda row: (*most_red_first(row.tally), row.unit.name))
    return rows[:MOST_RED_UNITS]


def filing_summary(*, plan: Plan, as_of: date) -> Filing:
    """Where each unit that owes a 实施方案 stands on `as_of`: every unit in exactly one bucket,
    by the same rule as the queue's `late_or_missing_plans`, so the buckets add up to `owed`."""
    deadlines = filing_deadlines(plan)
    owing = set(units_leading(plan).values_list("pk", flat=True))
    plans = {
        ip.unit_id: ip for ip in ImplementationPlan.objects.filter(plan=plan, unit_id__in=owing)
    }
    counts = defaultdict(int)
    for unit_id in owing:
        counts[_filing_bucket(plans.get(unit_id), deadlines.get(unit_id), as_of)] += 1
    return Filing(
        deadline=plan.filing_deadline,
        owed=len(owing),
        **{bucket: counts[bucket] for bucket in _FILING_BUCKETS},
    )


_FILING_BUCKETS = ("on_time", "late", "returned", "awaiting", "missing", "not_yet")


def _filing_bucket(ip: ImplementationPlan | None, deadline: date | None, as_of: date) -> str:
    first = ip.first_submitted_at if ip else None
    if first is None or timezone.localdate(first) > as_of:
        return "missing" if deadline and as_of > deadline else "not_yet"
    if ip.status == IPStatus.FILED:
        return "late" if submitted_late(ip, deadline) else "on_time"
    # Sent once and now back with the unit (returned, or a draft again) counts as returned.
    return "awaiting" if ip.status == IPStatus.SUBMITTED else "returned"


def current_round(plan: Plan, as_of: date) -> tuple[date, date] | None:
    """The period whose reports fall due next (on or after `as_of`), kept within the plan year.

    On 30 September that is September (due 5 October); on 3 September still August.
    """
    if as_of < date(plan.year, 1, 1):
        return None
    day = min(as_of - timedelta(days=REPORT_DUE_DAYS), date(plan.year, 12, 31))
    return period_for(max(day, date(plan.year, 1, 1)), plan.report_cadence)


def report_round(*, plan: Plan, as_of: date) -> ReportRound | None:
    period = current_round(plan, as_of)
    if period is None:
        return None
    start, end = period
    due = report_due(end)
    # Seen from the day after the round's due date, every report not yet filed is listed,
    # this round's and earlier ones: one call gives both the round and the backlog.
    unfiled = missing_report_tally(plan=plan, as_of=max(as_of, due + timedelta(days=1)))
    live = Assignment.objects.live().filter(
        task_id=OuterRef("task_id"), unit_id=OuterRef("unit_id")
    )
    filed = dict(
        ProgressReport.objects.filter(
            task__plan=plan, task__withdrawn=False, period_start=start, review__in=FILED
        )
        .filter(Exists(live))
        .order_by()
        .values("review")
        .annotate(n=Count("pk"))
        .values_list("review", "n")
    )
    round_unfiled = unfiled.in_period(start)
    return ReportRound(
        period_start=start,
        period_end=end,
        due=due,
        expected=sum(filed.values()) + round_unfiled,
        filed=sum(filed.values()),
        accepted=filed.get(ProgressReport.Review.ACCEPTED, 0),
        returned=filed.get(ProgressReport.Review.RETURNED, 0),
        unfiled=round_unfiled,
        past_due=is_late(end, as_of),
        overdue_total=unfiled.seen_on(as_of).total,
        tally=unfiled,
    )


def milestone_tally(*, plan: Plan, as_of: date) -> MilestoneTally:
    """The plan's live milestones; one ticked after `as_of` was still open on `as_of`."""
    met = Q(met_on__lte=as_of)
    soon = as_of + timedelta(days=COMING_DUE_DAYS)
    # Counted by the database: a national plan has thousands of milestones.
    counts = Milestone.objects.filter(
        task__plan=plan, withdrawn=False, task__withdrawn=False
    ).aggregate(
        met_on_time=Count("pk", filter=met & Q(met_on__lte=F("due_date"))),
        met_late=Count("pk", filter=met & Q(met_on__gt=F("due_date"))),
        overdue=Count("pk", filter=~met & Q(due_date__lt=as_of)),
        coming_due=Count("pk", filter=~met & Q(due_date__gte=as_of, due_date__lte=soon)),
        later=Count("pk", filter=~met & Q(due_date__gt=soon)),
    )
    return MilestoneTally(total=sum(counts.values()), **counts)


def latest_comments(*, plan: Plan, as_of: date, limit: int = LATEST_COMMENTS):
    """The leaders' latest 批示 on the plan's tasks made by the end of `as_of`, newest first."""
    end_of_day = clock.end_of_day(as_of)
    return list(
        LeaderComment.objects.filter(task__plan=plan, withdrawn=False, created_at__lt=end_of_day)
        .select_related("task", "author", "report")
        .order_by("-created_at")[:limit]
    )


# ---- A unit's own share ---------------------------------------------------------------------


@dataclass
class UnitGlance:
    """The lights of the tasks one unit leads or co-operates on: what its home page shows."""

    lights: dict[str, int]
    alarms: list[RedItem]  # red, orange and yellow ones, the most alarming first


def unit_at_a_glance(*, tasks: list[Task], as_of: date | None = None) -> UnitGlance:
    """`tasks` are the unit's own (`plans.selectors.tasks_for_unit`); four queries."""
    lights = lights_for_tasks(tasks, as_of)
    alarms = [
        RedItem(task, None, lights[task.pk])
        for task in tasks
        if lights[task.pk].severity >= SEVERITY["yellow"]
    ]
    alarms.sort(key=lambda item: -item.light.severity)
    return UnitGlance(lights=light_tally(lights.values()), alarms=alarms)


# ---- The tasks behind a chart -----------------------------------------------------------------


def tasks_at_a_glance(
    *, plan: Plan, as_of: date, light: str | None = None, area: str | None = None
) -> list[TaskState]:
    """The units of work a chart's bar or slice stands for: of one area, of one light, or all.

    A fixed number of queries whatever the plan's size (tasks, kept lights, leads, reports).
    """
    tasks = supervised_tasks(plan)
    if area:
        tasks = [task for task in tasks if task.path.split(".")[0] == area]
    lights = lights_for_tasks(tasks, as_of)
    leads = lead_units(task.pk for task in tasks)
    units = Unit.objects.in_bulk(set(leads.values()))
    reports = latest_lead_reports(plan, as_of)
    states = task_states(tasks, reports, lights, {t: units.get(u) for t, u in leads.items()})
    if light:
        states = [state for state in states if state.light.colour == light]
    states.sort(key=lambda state: -state.light.severity)  # stable: path order within a light
    return states


def area_title(plan: Plan, area: str) -> str | None:
    return (
        Task.objects.filter(plan=plan, level=1, path=area, region__isnull=True)
        .values_list("title", flat=True)
        .first()
    )


# ---- The bulletin of red lights ---------------------------------------------------------------


def escalations_by_task(task_ids, as_of: date) -> dict[int, dict[str, int]]:
    """task id → {step: count} of the 催办 notices, warnings and bulletins sent by `as_of`."""
    end_of_day = clock.end_of_day(as_of)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = Urge.objects.filter(task_id__in=list(task_ids), sent_at__lt=end_of_day).values_list(
        "task_id", "step"
    )
    for task_id, step in rows:
        counts[task_id][step] += 1
    return counts
