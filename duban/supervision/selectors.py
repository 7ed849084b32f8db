"""Reads for supervision: the facts each light needs, loaded for many tasks at once.

Every page that lists tasks calls `lights_for_tasks(tasks, as_of)`: four queries whatever the
number of tasks (plans, lead assignments, milestones, reports).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from django.conf import settings
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from duban.directory.models import Unit
from duban.execution.models import Milestone, ProgressReport
from duban.execution.progress import periods_of_year, report_due
from duban.execution.selectors.implementation_plans import filing_deadlines
from duban.execution.selectors.missing import FILED
from duban.execution.selectors.progress import filed_by_a_lead, latest_lead_reports
from duban.lib import clock
from duban.lib.clock import as_of_or_today
from duban.notifications.models import DeliveryAttempt
from duban.plans.models import Assignment, Plan, Task, owed_from
from duban.plans.tree import path_key
from duban.supervision import stored_lights
from duban.supervision.ical import Event
from duban.supervision.lights import (
    COLOURS,
    LABELS,
    Light,
    MilestoneFact,
    ReportFact,
    RuleSet,
    TaskFacts,
    aggregate,
    compute_light,
    disagreement,
    load_rule_set,
)
from duban.supervision.models import Judgement, Reminder, Urge

Review = ProgressReport.Review


def active_rules() -> RuleSet:
    return load_rule_set(settings.DUBAN_LIGHT_RULES)


def _local_day(moment, zone) -> date | None:
    """The day `moment` falls on in `zone` (the current time zone, looked up once per query)."""
    return moment.astimezone(zone).date() if moment else None


# How far behind a report says its task is; of two leads' reports of one period, the worse counts.
SEVERITY = {
    ProgressReport.Status.DONE: 0,
    ProgressReport.Status.ON_TRACK: 1,
    ProgressReport.Status.NOT_STARTED: 2,
    ProgressReport.Status.AT_RISK: 3,
    ProgressReport.Status.DELAYED: 4,
}


def lead_unit_sets(task_ids: Iterable[int]) -> dict[int, list[int]]:
    """task id → its lead units' ids, first named first (a document may name several leads)."""
    return _leads_and_start_dates(list(task_ids))[0]


def first_leads(facts: dict[int, TaskFacts]) -> dict[int, int]:
    """task id → the first-named lead unit's id, read from the tasks' facts (no query)."""
    return {task_id: f.leads[0] for task_id, f in facts.items() if f.leads}


def lead_units(task_ids: Iterable[int]) -> dict[int, int]:
    """task id → the first-named lead unit's id, for the tasks that have one."""
    return {task_id: units[0] for task_id, units in lead_unit_sets(task_ids).items()}


# Past this many tasks, a query reads their plans' rows and keeps the tasks asked for, rather
# than list every id: one IN of 300,000 ids passes SQLite's limit of 32,766 variables.
MANY_TASKS = 500


@dataclass(frozen=True)
class TaskScope:
    """The rows of some tasks: by id for a few, by plan (kept to the tasks) for many."""

    ids: frozenset[int]
    plan_ids: frozenset[int] | None = None

    @classmethod
    def of(cls, tasks: Iterable[Task]) -> "TaskScope":
        tasks = list(tasks)
        ids = frozenset(task.id for task in tasks)
        if len(ids) <= MANY_TASKS:
            return cls(ids)
        return cls(ids, frozenset(task.plan_id for task in tasks))

    def filter(self, queryset: QuerySet) -> QuerySet:
        if self.plan_ids is None:
            return queryset.filter(task_id__in=self.ids)
        return queryset.filter(task__plan_id__in=self.plan_ids)

    def rows(self, queryset: QuerySet):
        """The queryset's rows (values_list, task id first) of these tasks only."""
        return (row for row in self.filter(queryset) if row[0] in self.ids)


def _leads_and_start_dates(
    task_ids: list[int] | TaskScope,
) -> tuple[dict[int, list[int]], dict[int, date]]:
    """task id → its lead units (first named first), and task id → the day its first lead was
    assigned for tasks handed out after publication (a lead assigned with the plan counts from
    the year's start); one query."""
    scope = task_ids if isinstance(task_ids, TaskScope) else TaskScope(frozenset(task_ids))
    rows = scope.rows(
        Assignment.objects.leads()
        .filter(unit__isnull=False)
        .order_by("task_id", "position", "pk")
        .values_list("task_id", "unit_id", "assigned_on")
    )
    leads: dict[int, list[int]] = defaultdict(list)
    found: dict[int, date | None] = {}
    for task_id, unit_id, day in rows:
        leads[task_id].append(unit_id)
        earlier = found.get(task_id, day)
        found[task_id] = None if day is None or earlier is None else min(day, earlier)
    return leads, {task_id: day for task_id, day in found.items() if day is not None}


def facts_for_tasks(tasks: Iterable[Task]) -> dict[int, TaskFacts]:
    """task id → its `TaskFacts`: milestones of every unit, reports of the lead unit only
    (oldest period first)."""
    tasks = list(tasks)
    scope = TaskScope.of(tasks)
    plans = Plan.objects.in_bulk({task.plan_id for task in tasks})
    leads, assigned = _leads_and_start_dates(scope)
    milestones: dict[int, list[MilestoneFact]] = defaultdict(list)
    for task_id, title, due, met_on in scope.rows(
        Milestone.objects.filter(withdrawn=False).values_list(
            "task_id", "title", "due_date", "met_on"
        )
    ):
        milestones[task_id].append(MilestoneFact(title, due, met_on))
    reports: dict[int, list[ReportFact]] = defaultdict(list)
    zone = timezone.get_current_timezone()
    done_by: dict[int, dict[int, date]] = defaultdict(dict)  # task → lead → accepted done day
    # Oldest period first, so that a task's last report is `reports[-1]`.
    filed = ProgressReport.objects.filter(filed_by_a_lead(), review__in=FILED).order_by(
        "period_start"
    )
    rows = filed.values_list(
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
    for task_id, unit_id, start, end, status, percent, submitted, review, reviewed in scope.rows(
        rows
    ):
        if unit_id not in leads.get(task_id, ()):
            continue  # a lead withdrawn since it was read above
        submitted_on = _local_day(submitted, zone)
        reports[task_id].append(ReportFact(start, end, status, percent, submitted_on))
        if status == ProgressReport.Status.DONE and review == Review.ACCEPTED:
            day = _local_day(reviewed, zone) or start
            done_by[task_id][unit_id] = min(day, done_by[task_id].get(unit_id, day))
    accepted_done = {}
    for task_id, units in leads.items():
        # Leads sharing a task: the least advanced report of a period counts, and the task
        # is done when every lead's completion is accepted.
        reports[task_id].sort(key=lambda r: (r.period_start, SEVERITY.get(r.status, 0)))
        if units and set(units) <= set(done_by[task_id]):
            accepted_done[task_id] = max(done_by[task_id][unit] for unit in units)
    return {
        task.id: TaskFacts(
            # A task handed out during the year (to the cities, say) starts on that day.
            start=owed_from(plans[task.plan_id].year, assigned.get(task.id)),
            due=task.due_date,
            cadence=plans[task.plan_id].report_cadence,
            milestones=tuple(milestones[task.id]),
            reports=tuple(reports[task.id]),
            accepted_done=accepted_done.get(task.id),
            leads=tuple(leads.get(task.id, ())),
        )
        for task in tasks
    }


def lights_on(
    tasks: Iterable[Task],
    days: Iterable[date],
    rules: RuleSet | None = None,
    *,
    colour_only: Iterable[date] = (),
) -> dict[date, dict[int, Light]]:
    """day → task id → the task's light on that day: stored ones read, the rest worked out from
    the facts of their tasks only, and stored (`stored_lights`). Two queries when all are kept
    (three with `colour_only`: days whose kept lights come without their reasons).

    It reads its own facts, after the stamps, rather than take a caller's: facts read before
    the stamps could store an old light under a new stamp.
    """
    tasks, days = list(tasks), list(days)
    rules = rules or active_rules()
    scope = TaskScope.of(tasks)
    versions = stored_lights.stamps(scope)
    found = stored_lights.read(scope, days, rules, versions, colour_only)
    missing = [task for task in tasks if any((task.pk, day) not in found for day in days)]
    if missing:
        facts = facts_for_tasks(missing)
        worked_out = {
            (task.pk, day): compute_light(facts[task.pk], day, rules)
            for task in missing
            for day in days
            if (task.pk, day) not in found
        }
        stored_lights.write(worked_out, rules, versions)
        found |= worked_out
    return {day: {task.pk: found[task.pk, day] for task in tasks} for day in days}


def lights_for_tasks(
    tasks: Iterable[Task], as_of: date | None = None, rules: RuleSet | None = None
) -> dict[int, Light]:
    """task id → its warning light on `as_of` (today by default) under the configured rules."""
    as_of = as_of_or_today(as_of)
    return lights_on(tasks, [as_of], rules)[as_of]


# ---- The coordinator's dashboard ------------------------------------------------------------


@dataclass
class TaskRow:
    task: Task
    light: Light
    lead: Unit | None
    self_status: str | None
    judgement: Judgement | None
    flag: str | None


def light_tally(lights: Iterable[Light]) -> dict[str, int]:
    """How many lights of each colour, most alarming first (`{"red": 2, …, "grey": 0}`)."""
    tally = dict.fromkeys(reversed(COLOURS), 0)
    for light in lights:
        tally[light.colour] += 1
    return tally


def most_red_first(tally: dict[str, int]) -> tuple[int, ...]:
    """A sort key: the most red first, then orange, then yellow."""
    return (-tally["red"], -tally["orange"], -tally["yellow"])


@dataclass
class Group:
    key: str
    name: str
    light: Light
    rows: list[TaskRow] = field(default_factory=list)

    @cached_property
    def tally(self) -> dict[str, int]:
        """Read once its rows are in (`_groups`): the sort, the strip and the counts use it."""
        return light_tally(r.light for r in self.rows)


@dataclass
class QueueRow:
    reminder: Reminder
    next_step: dict | None


# The dashboard's notices waiting for acknowledgement: the latest, with the count of all.
OPEN_URGES_SHOWN = 50


@dataclass
class OpenUrges:
    latest: list[Urge]
    count: int


@dataclass
class Dashboard:
    plan: Plan
    as_of: date
    rules: RuleSet
    rows: list[TaskRow]
    areas: list[Group]
    units: list[Group]
    cities: list[Group]
    flagged: list[TaskRow]
    open_urges: OpenUrges
    queue: list[QueueRow]
    failed_deliveries: list[DeliveryAttempt]


def latest_judgements(tasks: Iterable[Task] | TaskScope) -> dict[int, Judgement]:
    scope = tasks if isinstance(tasks, TaskScope) else TaskScope.of(tasks)
    latest: dict[int, Judgement] = {}
    for judgement in scope.filter(Judgement.objects.select_related("by")):
        if judgement.task_id in scope.ids and judgement.task_id not in latest:  # newest first
            latest[judgement.task_id] = judgement
    return latest


def _groups(rows: list[TaskRow], key, name, rules: RuleSet) -> list[Group]:
    groups: dict[str, Group] = {}
    for row in rows:
        k = key(row)
        if k is None:
            continue
        groups.setdefault(k, Group(k, name(row), Light("grey"))).rows.append(row)
    for group in groups.values():
        group.light = aggregate(
            [r.light for r in group.rows],
            weights=[float(r.task.weight) for r in group.rows],
            method=rules.aggregate,
        )
    # The aggregate light alone says little (one red paints a whole area red): the groups with
    # the most red tasks come first.
    return sorted(
        groups.values(), key=lambda g: (*most_red_first(g.tally), -g.light.severity, g.key)
    )


def next_step(days_overdue: int, rules: RuleSet) -> dict | None:
    """The highest rung of the ladder an item this late has earned."""
    earned = [s for s in rules.escalation if days_overdue >= s.get("after_days", 0)]
    return earned[-1] if earned else None


def supervised_tasks(plan: Plan, among: Iterable[Task] | None = None) -> list[Task]:
    """The plan's live units of work that some unit is assigned to: those that carry a light.

    Provincial ones first, then each city's, in path order. `among`, the plan's tasks as a
    caller has read them already (the roll-up's), are kept to those rather than read again.
    """
    if among is None:
        among = Task.objects.active().filter(plan=plan).select_related("region")
    assigned = set(
        Assignment.objects.filter(task__plan=plan, withdrawn=False, unit__isnull=False)
        .order_by()
        .values_list("task_id", flat=True)
        .distinct()
    )
    tasks = [task for task in among if task.pk in assigned and not task.withdrawn]
    tasks.sort(key=lambda t: (t.region_id or 0, path_key(t.path)))
    return tasks


def supervision_dashboard(*, plan: Plan, as_of: date | None = None) -> Dashboard:
    """Lights by area, unit and city; flagged disagreements; notices unacknowledged; the queue."""
    as_of = as_of_or_today(as_of)
    rules = active_rules()
    tasks = supervised_tasks(plan)
    lights = lights_for_tasks(tasks, as_of, rules)
    leads = lead_units(task.pk for task in tasks)
    units = Unit.objects.in_bulk(set(leads.values()))
    # What the lead says of its task: its latest report filed by the day, as the roll-up reads.
    latest = latest_lead_reports(plan, as_of)
    judgements = latest_judgements(tasks)
    rows = []
    for task in tasks:
        light = lights[task.pk]
        status = latest[task.pk].status if task.pk in latest else None
        judgement = judgements.get(task.pk)
        flag = disagreement(
            self_status=status,
            light=light,
            judgement=judgement.level if judgement else None,
            bands=rules.disagreement_bands,
        )
        rows.append(TaskRow(task, light, units.get(leads.get(task.pk)), status, judgement, flag))
    area_titles = dict(
        Task.objects.filter(plan=plan, level=1, region__isnull=True).values_list("path", "title")
    )
    provincial = [r for r in rows if r.task.region_id is None]
    queue = Reminder.objects.filter(
        plan=plan, queued=True, fire_date__gt=as_of - timedelta(days=7), fire_date__lte=as_of
    ).select_related("unit", "task")
    return Dashboard(
        plan=plan,
        as_of=as_of,
        rules=rules,
        rows=rows,
        areas=_groups(
            provincial,
            lambda r: r.task.path.split(".")[0],
            lambda r: area_titles.get(r.task.path.split(".")[0], r.task.path.split(".")[0]),
            rules,
        ),
        units=_groups(
            provincial,
            lambda r: str(r.lead.pk) if r.lead else None,
            lambda r: r.lead.short_name or r.lead.name,
            rules,
        ),
        cities=_groups(
            [r for r in rows if r.task.region_id],
            lambda r: str(r.task.region_id),
            lambda r: r.task.region.name,
            rules,
        ),
        flagged=[r for r in rows if r.flag],
        open_urges=open_urges(plan=plan),
        queue=[
            QueueRow(r, next_step(r.days_overdue, rules))
            for r in sorted(queue, key=lambda r: -r.days_overdue)
        ],
        failed_deliveries=failed_deliveries(),
    )


def open_urges(*, plan: Plan, limit: int = OPEN_URGES_SHOWN) -> OpenUrges:
    """Notices not yet acknowledged on `plan`'s tasks, or on no task (sent to a unit), newest
    first: the latest `limit` and how many there are."""
    urges = Urge.objects.filter(
        Q(task__plan=plan) | Q(task__isnull=True), acknowledged_at__isnull=True
    )
    return OpenUrges(list(urges.select_related("unit", "task")[:limit]), urges.count())


def failed_deliveries(*, days: int = 7, limit: int = 20) -> list[DeliveryAttempt]:
    """Recent failed e-mails and webhook calls, newest first (real time: they really happened)."""
    since = clock.now() - timedelta(days=days)
    failed = (DeliveryAttempt.Status.FAILED, DeliveryAttempt.Status.GAVE_UP)
    return list(
        DeliveryAttempt.objects.filter(status__in=failed, at__gte=since).select_related(
            "webhook__unit", "notification__user__unit"
        )[:limit]
    )


def urges_for_unit(unit: Unit) -> list[Urge]:
    return list(Urge.objects.filter(unit=unit).select_related("task", "sent_by", "acknowledged_by"))


def calendar_events(unit: Unit, *, as_of: date | None = None) -> list[Event]:
    """The unit's due dates: its milestones, its reports (one event per period), its plan filing."""
    as_of = as_of_or_today(as_of)
    events = [
        Event(
            uid=f"milestone-{m.pk}@duban",
            day=m.due_date,
            summary=f"{'【已完成】' if m.met_on else ''}里程碑：{m.title}",
            description=f"{m.task.path} {m.task.title}",
        )
        for m in Milestone.objects.filter(unit=unit, withdrawn=False, task__withdrawn=False)
        .select_related("task")
        .order_by("due_date")
    ]
    assignments = Assignment.objects.live().published().for_unit(unit).select_related("task__plan")
    periods: dict[tuple[int, date], list[str]] = defaultdict(list)
    led: dict[int, Plan] = {}
    for a in assignments:
        plan = a.task.plan
        # Only a lead unit files an implementation plan.
        if a.is_lead:
            led[plan.pk] = plan
        for _start, end in periods_of_year(
            plan.year, plan.report_cadence, until=date(plan.year, 12, 31), since=a.owed_from
        ):
            periods[(plan.pk, end)].append(a.task.path)
    for (plan_id, end), paths in sorted(periods.items(), key=lambda item: item[0][1]):
        events.append(
            Event(
                uid=f"report-{plan_id}-{unit.pk}-{end:%Y%m}@duban",
                day=report_due(end),
                summary=f"报送{end.month}月进展报告（{len(paths)}项任务）",
                description="任务：" + "、".join(paths),
            )
        )
    for plan in led.values():
        deadline = filing_deadlines(plan).get(unit.pk)
        if deadline:
            events.append(
                Event(
                    uid=f"implementation-plan-{plan.pk}-{unit.pk}@duban",
                    day=deadline,
                    summary=f"{plan.year}年改革实施方案报送备案截止",
                )
            )
    return events


def light_cells(tasks: list[Task]) -> dict[int, str]:
    """task id → its light badge, for the plan's task lists (registered with `plans.badges`)."""
    lights = lights_for_tasks(tasks)
    return {
        task.pk: render_to_string("supervision/_light.html", {"light": lights.get(task.pk)})
        for task in tasks
    }


def light_choices() -> list[tuple[str, str]]:
    """The colours, most alarming first, for a drop-down (labels translated when shown)."""
    return [(colour, LABELS[colour]) for colour in reversed(COLOURS)]


def tasks_with_light(tasks: list[Task], colour: str) -> set[int]:
    """The ids of `tasks` whose light is `colour` today (registered with `plans.filters`)."""
    return {task_id for task_id, light in lights_for_tasks(tasks).items() if light.colour == colour}
