"""Filters other apps offer on lists of tasks' work, without plans (or execution) importing them.

Supervision offers the warning light: an app registers a name, a label, its choices and
`select(tasks, value) -> {task ids}` in its `AppConfig.ready()`; lists such as the review queue
show one drop-down per registration and keep the tasks `select` returns.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from duban.plans.models import Task

Select = Callable[[list[Task], str], set[int]]


@dataclass(frozen=True)
class TaskFilter:
    name: str
    label: str
    choices: list[tuple[str, str]]
    select: Select


_registered: dict[str, TaskFilter] = {}


def register(name: str, label, choices: Iterable[tuple[str, str]], select: Select) -> None:
    _registered[name] = TaskFilter(name, label, list(choices), select)


def registered() -> list[TaskFilter]:
    return list(_registered.values())
