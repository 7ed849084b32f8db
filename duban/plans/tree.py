"""Paths of the task tree (`1.6.2`): how they sort, and the one function that renumbers them."""

from django.db.models import F, Value
from django.db.models.functions import Concat

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.plans.models import Plan, Task


def path_key(path: str) -> tuple[int, ...]:
    """Sort key of a path: `1.10` comes after `1.9`, which plain string order gets wrong."""
    return tuple(int(part) for part in path.split(".") if part.isdigit())


def child_path(parent: Task | None, position: int) -> str:
    return f"{parent.path}.{position}" if parent else str(position)


def renumber(*, plan: Plan, parent: Task | None, by, reason: str = "") -> None:
    """Number `parent`'s children 1, 2, … in their current order, and their subtrees after them.

    The only place paths are rewritten (split, merge, reorder, table import all end here).
    Call inside the caller's transaction. Paths are unique in a plan, so the affected rows first
    move to a temporary path (`~pk`) and then take their final one: no two rows ever clash.
    """
    siblings = list(
        Task.objects.provincial().filter(plan=plan, parent=parent).order_by("position", "pk")
    )
    subtree = _descendants(plan, [t.pk for t in siblings])
    Task.objects.filter(pk__in=[t.pk for t in siblings] + [t.pk for t in subtree]).update(
        path=Concat(Value("~"), F("pk"), output_field=Task._meta.get_field("path"))
    )
    for position, task in enumerate(siblings, 1):
        _renumber_one(task, parent, position, by, reason)


def _renumber_one(task: Task, parent: Task | None, position: int, by, reason: str) -> None:
    task.position, task.path = position, child_path(parent, position)
    task.level = parent.level + 1 if parent else 1
    audit.save(
        task, by=by, fields=["position", "path", "level"], cause=Cause.CASCADE, reason=reason
    )
    # The cities' instances carry their task's number.
    for instance in task.city_instances.exclude(path=task.path):
        instance.path = task.path
        audit.save(instance, by=by, fields=["path"], cause=Cause.CASCADE, reason=reason)
    children = Task.objects.provincial().filter(parent=task).order_by("position", "pk")
    for child_position, child in enumerate(children, 1):
        _renumber_one(child, task, child_position, by, reason)


def _descendants(plan: Plan, roots: list[int]) -> list[Task]:
    found, frontier = [], roots
    while frontier:
        level = list(Task.objects.provincial().filter(plan=plan, parent_id__in=frontier))
        found += level
        frontier = [t.pk for t in level]
    return found
