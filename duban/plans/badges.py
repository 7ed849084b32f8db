"""Columns other apps add beside a published plan's tasks, without plans importing them.

Supervision adds the warning light. An app registers a heading and
`cells(tasks) -> {task id: html}` in its `AppConfig.ready()`; the plan tree and a unit's task
list show one column per registration, in the order registered.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from duban.plans.models import Plan, Task

Cells = Callable[[list[Task]], dict[int, str]]


@dataclass(frozen=True)
class Column:
    heading: str
    cells: dict[int, str]

    def cell(self, task_id: int) -> str:
        return self.cells.get(task_id, "")


_registered: dict[str, tuple[str, Cells]] = {}


def register(name: str, heading, cells: Cells) -> None:
    _registered[name] = (heading, cells)


def columns(plan: Plan, tasks: Iterable[Task]) -> list[Column]:
    # A draft has no work under way yet: badges judge a published plan's units of work.
    if plan.status != Plan.Status.PUBLISHED:
        return []
    tasks = list(tasks)
    return [Column(str(heading), cells(tasks)) for heading, cells in _registered.values()]
