"""Reads of plans: the task tree, a unit's tasks, names to map, cited documents, the city matrix.

Each returns tasks with their assignments and units already fetched, so a page costs a fixed
number of queries whatever the plan's size.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from duban.directory.models import Region, Unit, User
from duban.directory.names import Suggestion
from duban.directory.selectors import name_index
from duban.plans.models import Assignment, CitedDocument, Plan, Target, Task
from duban.plans.tree import path_key


def plans_for(user: User):
    """Plans `user` may open: drafts are the coordinator's alone."""
    plans = Plan.objects.select_related("source").order_by("-year", "title")
    if user.role == User.Role.COORDINATOR:
        return plans
    return plans.exclude(status=Plan.Status.DRAFT)


def _active_assignments() -> Prefetch:
    return Prefetch(
        "assignments",
        Assignment.objects.filter(withdrawn=False).select_related("unit").order_by("position"),
    )


def plan_tasks(plan: Plan, *, area: str | None = None) -> list[Task]:
    """The plan's own tree (no city instances), in reading order (`1.9` before `1.10`); with
    `area` (its path), that area and what lies under it only."""
    tasks = Task.objects.provincial().active().filter(plan=plan)
    if area is not None:
        tasks = tasks.filter(Q(path=area) | Q(path__startswith=f"{area}."))
    tasks = tasks.prefetch_related(_active_assignments())
    return sorted(tasks, key=lambda t: path_key(t.path))


def units_of_work(tasks: list[Task]) -> list[Task]:
    """The tasks units plan and report on: below the areas, with no sub-units of their own."""
    parents = {t.parent_id for t in tasks}
    return [t for t in tasks if t.level > 1 and t.pk not in parents]


@dataclass
class TreeNode:
    task: Task
    children: list["TreeNode"] = field(default_factory=list)

    @property
    def leads(self) -> list[Assignment]:
        return [a for a in self.task.assignments.all() if a.role == Assignment.Role.LEAD]

    @property
    def cos(self) -> list[Assignment]:
        return [a for a in self.task.assignments.all() if a.role == Assignment.Role.CO]


def plan_tree(plan: Plan, *, area: str | None = None) -> list[TreeNode]:
    """The areas, each with its tasks and their units of work, as nested nodes (one area's,
    by its path, with `area`)."""
    nodes = {t.pk: TreeNode(t) for t in plan_tasks(plan, area=area)}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.task.parent_id)
        (parent.children if parent else roots).append(node)
    return roots


# A plan with more units of work than this shows its tree one area at a time.
WHOLE_TREE_UP_TO = 300


@dataclass
class TreeArea:
    """An area of the plan tree; `node` holds its tasks when it is the one shown."""

    task: Task
    node: TreeNode | None = None


def plan_tree_areas(plan: Plan, summary: "PlanSummary", area: str | None) -> list[TreeArea]:
    """Every area of the plan, with the tasks of all of them for a plan of up to
    `WHOLE_TREE_UP_TO` units of work, else of `area` alone (the first one by default)."""
    if summary.units_of_work <= WHOLE_TREE_UP_TO:
        return [TreeArea(node.task, node) for node in plan_tree(plan)]
    areas = sorted(
        Task.objects.provincial().active().filter(plan=plan, level=1),
        key=lambda t: path_key(t.path),
    )
    shown = area if area in {a.path for a in areas} else (areas[0].path if areas else None)
    nodes = {node.task.path: node for node in plan_tree(plan, area=shown)} if shown else {}
    return [TreeArea(a, nodes.get(a.path)) for a in areas]


def flatten(nodes: list[TreeNode]):
    for node in nodes:
        yield node
        yield from flatten(node.children)


@dataclass(frozen=True)
class PlanSummary:
    areas: int
    tasks: int
    units_of_work: int
    assignments: int
    unresolved: int


def plan_summary(plan: Plan) -> PlanSummary:
    tasks = list(
        Task.objects.provincial().active().filter(plan=plan).values("pk", "parent_id", "level")
    )
    parents = {t["parent_id"] for t in tasks}
    assignments = Assignment.objects.filter(task__plan=plan, task__region__isnull=True).filter(
        withdrawn=False, task__withdrawn=False
    )
    return PlanSummary(
        areas=sum(1 for t in tasks if t["level"] == 1),
        tasks=sum(1 for t in tasks if t["level"] == 2),
        units_of_work=sum(1 for t in tasks if t["level"] > 1 and t["pk"] not in parents),
        assignments=assignments.count(),
        unresolved=assignments.filter(unit__isnull=True).count(),
    )


@dataclass(frozen=True)
class UnresolvedName:
    name: str
    tasks: list[str]
    suggestions: list[Suggestion]
    collective: bool


def unresolved_names(plan: Plan) -> list[UnresolvedName]:
    """Department names of the plan not yet mapped to a unit, with the directory's suggestions."""
    rows = (
        Assignment.objects.filter(task__plan=plan, unit__isnull=True, withdrawn=False)
        .values_list("name_as_written", "task__path")
        .order_by("name_as_written")
    )
    by_name: dict[str, list[str]] = {}
    for name, path in rows:
        by_name.setdefault(name, []).append(path)
    if not by_name:
        return []
    index = name_index(plan.region)
    result = []
    for name, paths in by_name.items():
        resolution = index.resolve(name)
        result.append(
            UnresolvedName(
                name=name,
                tasks=sorted(paths, key=path_key),
                suggestions=resolution.suggestions,
                collective=resolution.collective,
            )
        )
    return result


def tasks_for_unit(*, plan: Plan, unit: Unit) -> list[Task]:
    """Every task of `plan` where `unit` is lead or co, the city instances of a city included."""
    tasks = (
        Task.objects.active()
        .filter(plan=plan, assignments__unit=unit, assignments__withdrawn=False)
        .select_related("region")
        .prefetch_related(_active_assignments())
        .distinct()
    )
    return sorted(tasks, key=lambda t: (t.region_id or 0, path_key(t.path)))


def cited_documents(plan: Plan) -> list[CitedDocument]:
    tasks = Prefetch("tasks", Task.objects.only("pk", "path", "title", "plan_id"))
    documents = list(CitedDocument.objects.filter(plan=plan).prefetch_related(tasks))
    for document in documents:
        document.citing = sorted(document.tasks.all(), key=lambda t: path_key(t.path))
    return sorted(documents, key=lambda d: (d.citing and path_key(d.citing[0].path)) or ())


def targets(plan: Plan) -> list[Target]:
    found = Target.objects.filter(task__plan=plan, task__region__isnull=True).select_related("task")
    return sorted(found, key=lambda t: path_key(t.task.path))


def city_matrix(plan: Plan) -> dict:
    """Tasks applying to the cities × the 14 cities, as plain data.

    Each cell names the city's instance (`instance`: its id, or None) and a `status`; until
    the execution app reports real statuses, the status is "instance" when one exists.
    """
    cities = list(Region.objects.filter(level=Region.Level.CITY).order_by("code"))
    tasks = sorted(
        Task.objects.provincial().active().filter(plan=plan, applies_to_cities=True),
        key=lambda t: path_key(t.path),
    )
    instances = {
        (origin, region): pk
        for pk, origin, region in Task.objects.active()
        .filter(plan=plan, origin__isnull=False)
        .values_list("pk", "origin_id", "region_id")
    }
    rows = []
    for task in tasks:
        cells = []
        for city in cities:
            instance = instances.get((task.pk, city.pk))
            cells.append(
                {"city": city.pk, "instance": instance, "status": "instance" if instance else None}
            )
        rows.append({"task": task.pk, "path": task.path, "title": task.title, "cells": cells})
    return {"cities": [{"id": c.pk, "name": c.name} for c in cities], "rows": rows}


def unit_task_counts(plan: Plan) -> list[dict]:
    """Units with how many tasks they lead and co-operate on."""
    counts = (
        Assignment.objects.live()
        .filter(task__plan=plan)
        .exclude(unit__isnull=True)
        .values("unit_id", "unit__name", "unit__short_name")
        .annotate(
            lead=Count("pk", filter=Q(role=Assignment.Role.LEAD)),
            co=Count("pk", filter=Q(role=Assignment.Role.CO)),
        )
        .order_by("-lead", "-co", "unit__name")
    )
    return list(counts)


def home_panels(user: User) -> dict:
    """What the home page shows of the plans: the latest plan's summary for the coordinator and
    leaders; for a unit's staff, the tasks their unit leads or co-operates on."""
    plan = plans_for(user).first()
    if plan is None:
        return {}
    if user.role in (User.Role.COORDINATOR, User.Role.LEADER):
        return {"home_plan": plan, "home_plan_summary": plan_summary(plan)}
    if user.unit_id:
        return {"home_plan": plan, "home_unit_tasks": tasks_for_unit(plan=plan, unit=user.unit)}
    return {}


def earlier_imports(plan: Plan) -> list[Plan]:
    """Other plans built from the same file (same content hash): a second import is a slip."""
    return list(
        Plan.objects.filter(source__sha256=plan.source.sha256).exclude(pk=plan.pk).order_by("pk")
    )


def plans_beside(plan: Plan | None) -> QuerySet[Plan]:
    """The published plans a page offers to switch to from `plan`: its region's, the region's
    above and those of the regions one level below, newest first. A national roll-out
    publishes thousands of plans; a provincial office works with its own and its cities'."""
    published = Plan.objects.published()
    if plan is None or plan.region_id is None:
        return published.order_by("-year", "-pk")
    near = Q(region_id=plan.region_id) | Q(region__parent_id=plan.region_id)
    if plan.region.parent_id:
        near |= Q(region_id=plan.region.parent_id)
    return published.filter(near).order_by("-year", "-pk")
