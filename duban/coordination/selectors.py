"""Coordination reads: issues and meetings a user may see, a meeting's suggested units and agenda
candidates, decisions with their lights, and the unit × unit collaboration picture."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from duban.coordination.lights import decision_light
from duban.coordination.models import CoordinationIssue, Meeting, Outcome
from duban.directory.models import Unit, User
from duban.directory.roles import reads_everything
from duban.lib.clock import as_of_or_today
from duban.plans.models import Assignment, Plan, Task
from duban.supervision.lights import Light
from duban.supervision.selectors import active_rules, lights_for_tasks, supervised_tasks

OPEN = (
    CoordinationIssue.Status.OPEN,
    CoordinationIssue.Status.ON_AGENDA,
    CoordinationIssue.Status.DECIDED,
)
OWED_KINDS = (Outcome.Kind.DECISION, Outcome.Kind.ACTION)


# ---- Issues and meetings a user sees --------------------------------------------------------


def _issues() -> QuerySet[CoordinationIssue]:
    return CoordinationIssue.objects.select_related("task", "raised_by_unit").prefetch_related(
        "needed_units"
    )


def issues_for_user(user: User, *, plan: Plan | None = None) -> QuerySet[CoordinationIssue]:
    """Issues `user` may see (the same rule as `access_issue`), newest first, withdrawn hidden."""
    issues = _issues().exclude(status=CoordinationIssue.Status.WITHDRAWN)
    if plan is not None:
        issues = issues.filter(task__plan=plan)
    if reads_everything(user):
        return issues
    # Without a unit nothing is the user's (and `unit=None` would match unrelated rows).
    if not user.unit_id:
        return issues.none()
    tasks = Assignment.objects.live().filter(unit_id=user.unit_id).values("task_id")
    mine = Q(raised_by_unit_id=user.unit_id) | Q(needed_units=user.unit_id) | Q(task__in=tasks)
    return issues.filter(mine).distinct()


def plan_units(plan: Plan) -> QuerySet[Unit]:
    """Units that have a share in `plan`: the ones an issue or a meeting can involve."""
    ids = Assignment.objects.live().filter(task__plan=plan).values("unit_id")
    return Unit.objects.active().filter(pk__in=ids).order_by("region__code", "kind", "name")


def open_issues(plan: Plan) -> QuerySet[CoordinationIssue]:
    return _issues().filter(task__plan=plan, status__in=OPEN)


def meetings_for_user(user: User) -> QuerySet[Meeting]:
    meetings = Meeting.objects.select_related("plan", "convened_by_unit")
    if reads_everything(user):
        return meetings
    if not user.unit_id:
        return meetings.none()
    unit = user.unit_id
    mine = (
        Q(convened_by_unit_id=unit)
        | Q(units=unit)
        | Q(outcomes__owner_unit_id=unit)
        | Q(outcomes__co_units=unit)
    )
    return meetings.filter(mine).distinct()


def decisions_for_user(user: User) -> QuerySet[Outcome]:
    """Decisions and actions of the meetings `user` may read (the rule of `access_decision`)."""
    owed = Outcome.objects.filter(kind__in=OWED_KINDS).select_related("meeting", "owner_unit")
    if reads_everything(user):
        return owed
    return owed.filter(meeting__in=meetings_for_user(user).values("pk"))


# ---- Preparing a meeting --------------------------------------------------------------------


@dataclass
class Suggestion:
    unit: Unit
    reasons: list[str] = field(default_factory=list)


def _agenda_tasks(meeting: Meeting) -> list[int]:
    return list(meeting.agenda.values_list("task_id", flat=True))


def suggested_units(meeting: Meeting) -> list[Suggestion]:
    """Units to invite, each with why: they share the agenda's tasks, or its issues name them."""
    found: dict[int, Suggestion] = {}

    def add(unit: Unit, reason: str) -> None:
        found.setdefault(unit.pk, Suggestion(unit)).reasons.append(reason)

    shares = Assignment.objects.live().filter(
        task_id__in=_agenda_tasks(meeting), unit__isnull=False
    )
    for a in shares.select_related("unit", "task").order_by("task__path", "position"):
        add(a.unit, f"{a.get_role_display()} {a.task.path}")
    for item in meeting.agenda.filter(issue__isnull=False).select_related("issue__raised_by_unit"):
        add(item.issue.raised_by_unit, f"提出协调事项“{item.issue.title}”")
        for unit in item.issue.needed_units.all():
            add(unit, f"协调事项“{item.issue.title}”点名需协调")
    return sorted(found.values(), key=lambda s: (-len(s.reasons), s.unit.name))


@dataclass
class Candidate:
    task: Task
    reason: str
    issue: CoordinationIssue | None = None


def agenda_candidates(meeting: Meeting, *, as_of: date | None = None) -> list[Candidate]:
    """What could go on the agenda: open issues first, then red, blocked or shared tasks."""
    on_agenda_issues = set(meeting.agenda.values_list("issue_id", flat=True))
    on_agenda_tasks = set(
        meeting.agenda.filter(issue__isnull=True).values_list("task_id", flat=True)
    )
    candidates = [
        Candidate(issue.task, f"{issue.raised_by_unit}提出，{issue.get_urgency_display()}", issue)
        for issue in open_issues(meeting.plan).filter(
            status__in=[CoordinationIssue.Status.OPEN, CoordinationIssue.Status.ON_AGENDA]
        )
        if issue.pk not in on_agenda_issues
    ]
    tasks = [t for t in supervised_tasks(meeting.plan) if t.pk not in on_agenda_tasks]
    return candidates + _troubled_tasks(tasks, as_of=as_of)


# A task that this many departments lead or support is cross-department enough to be discussed.
CROSS_DEPARTMENT_UNITS = 4


def _troubled_tasks(tasks: list[Task], *, as_of: date | None) -> list[Candidate]:
    lights = lights_for_tasks(tasks, as_of)
    units = Counter(
        Assignment.objects.live()
        .filter(task__in=tasks, unit__isnull=False)
        .values_list("task_id", flat=True)
    )
    leads = Counter(
        Assignment.objects.leads().filter(task__in=tasks).values_list("task_id", flat=True)
    )
    found = []
    for task in tasks:
        light = lights.get(task.pk)
        if light and light.colour == "red":
            found.append(Candidate(task, light.reasons[0] if light.reasons else "红灯"))
        elif leads[task.pk] > 1:
            found.append(Candidate(task, f"{leads[task.pk]}个单位共同牵头，须统筹"))
        elif units[task.pk] >= CROSS_DEPARTMENT_UNITS:
            found.append(Candidate(task, f"涉及{units[task.pk]}个部门"))
    return found


# ---- Decisions ------------------------------------------------------------------------------


@dataclass
class DecisionRow:
    outcome: Outcome
    light: Light

    @property
    def overdue(self) -> bool:
        return self.light.colour in ("yellow", "orange", "red")


def light_of(outcome: Outcome, as_of: date, rules=None) -> Light:
    return decision_light(
        title=outcome.text[:40],
        decided_on=outcome.meeting.date,
        due=outcome.due_date,
        met_on=outcome.met_on,
        accepted_on=outcome.accepted_on,
        as_of=as_of,
        rules=rules or active_rules(),
    )


def decisions() -> QuerySet[Outcome]:
    """Owed outcomes of meetings that have closed: the work the minutes hand out."""
    return (
        Outcome.objects.filter(kind__in=OWED_KINDS, meeting__status=Meeting.Status.CLOSED)
        .select_related("meeting__plan", "owner_unit")
        .prefetch_related("co_units", "tasks")
        .order_by("due_date", "pk")
    )


def decision_rows(outcomes, *, as_of: date | None = None) -> list[DecisionRow]:
    as_of = as_of_or_today(as_of)
    rules = active_rules()
    return [DecisionRow(o, light_of(o, as_of, rules)) for o in outcomes]


def decisions_of_unit(unit: Unit, *, as_of: date | None = None) -> list[DecisionRow]:
    """Decisions `unit` owns or supports that are not yet accepted, most alarming first."""
    mine = decisions().filter(Q(owner_unit=unit) | Q(co_units=unit)).distinct()
    rows = decision_rows(mine.exclude(status=Outcome.Status.ACCEPTED), as_of=as_of)
    return sorted(rows, key=lambda r: (-r.light.severity, r.outcome.due_date))


def overdue_decisions(plan: Plan, *, as_of: date | None = None) -> list[DecisionRow]:
    rows = decision_rows(decisions().filter(meeting__plan=plan), as_of=as_of)
    return [row for row in rows if row.overdue]


# ---- A task's coordination record -----------------------------------------------------------


@dataclass
class TaskCoordination:
    issues: list[CoordinationIssue]
    decisions: list[DecisionRow]
    history: list = field(default_factory=list)  # (when, who, what), newest first


def task_coordination(task: Task, *, as_of: date | None = None) -> TaskCoordination:
    """Issues raised on `task`, decisions that touch it, and the audited changes of both."""
    issues = list(_issues().filter(task=task).exclude(status=CoordinationIssue.Status.WITHDRAWN))
    rows = decision_rows(decisions().filter(tasks=task), as_of=as_of)
    history = [
        (
            h.history_date,
            h.history_user,
            _("协调事项“%(title)s”：%(status)s")
            % {"title": h.title, "status": h.get_status_display()},
        )
        for h in CoordinationIssue.history.filter(task=task).select_related("history_user")
    ]
    outcome_ids = [row.outcome.pk for row in rows]
    for h in Outcome.history.filter(id__in=outcome_ids).select_related("history_user"):
        what = _("议定事项“%(text)s”：%(status)s") % {
            "text": h.text[:30],
            "status": h.get_status_display(),
        }
        history.append((h.history_date, h.history_user, what))
    history.sort(key=lambda entry: entry[0], reverse=True)
    return TaskCoordination(issues, rows, history[:20])


# ---- The collaboration picture --------------------------------------------------------------


@dataclass
class Collaboration:
    units: list[Unit]
    shared: dict[tuple[int, int], int]  # (unit id, unit id) sorted → tasks shared
    issues: dict[tuple[int, int], int]  # (unit id, unit id) sorted → open issues between them
    tasks_of: dict[int, int]

    def cell(self, a: Unit, b: Unit) -> tuple[int, int]:
        key = (min(a.pk, b.pk), max(a.pk, b.pk))
        return self.shared.get(key, 0), self.issues.get(key, 0)

    @property
    def rows(self):
        return [(a, [(b, *self.cell(a, b)) for b in self.units]) for a in self.units]


# The matrix stays readable up to this many units; the network shows the same ones.
MATRIX_UNITS = 16


def collaboration(plan: Plan, *, limit: int = MATRIX_UNITS) -> Collaboration:
    """Which units share tasks and which have open issues between them, for the busiest units."""
    by_task: dict[int, set[int]] = defaultdict(set)
    for task_id, unit_id in (
        Assignment.objects.live()
        .filter(task__plan=plan, task__region__isnull=True, unit__isnull=False)
        .values_list("task_id", "unit_id")
    ):
        by_task[task_id].add(unit_id)
    shared: Counter = Counter()
    for units in by_task.values():
        shared.update(combinations(sorted(units), 2))
    issues: Counter = Counter()
    for issue in open_issues(plan):
        for unit in issue.needed_units.all():
            if unit.pk != issue.raised_by_unit_id:
                issues[tuple(sorted((issue.raised_by_unit_id, unit.pk)))] += 1
    tasks_of = Counter(unit for units in by_task.values() for unit in units)
    weight = Counter()
    for (a, b), n in list(shared.items()) + [(k, 3 * n) for k, n in issues.items()]:
        weight[a] += n
        weight[b] += n
    top = [unit_id for unit_id, _n in weight.most_common(limit)]
    units = sorted(Unit.objects.filter(pk__in=top), key=lambda u: top.index(u.pk))
    return Collaboration(units, dict(shared), dict(issues), dict(tasks_of))


def network_data(picture: Collaboration) -> dict:
    """Nodes and links for the ECharts graph (json_script): size by tasks, red links for issues."""
    ids = {unit.pk for unit in picture.units}
    nodes = [
        {"id": str(u.pk), "name": u.short_name or u.name, "tasks": picture.tasks_of.get(u.pk, 0)}
        for u in picture.units
    ]
    links = []
    for a, b in set(picture.shared) | set(picture.issues):
        if a in ids and b in ids:
            shared, issues = picture.shared.get((a, b), 0), picture.issues.get((a, b), 0)
            links.append({"source": str(a), "target": str(b), "shared": shared, "issues": issues})
    return {
        "nodes": nodes,
        "links": sorted(links, key=lambda link: (link["source"], link["target"])),
    }
