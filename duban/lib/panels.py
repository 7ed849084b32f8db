"""Panels other apps add to a page (the task page, a unit's workspace) without the page's app
importing them.

An app registers, in its `AppConfig.ready()`, a slot name and a function that renders its
panel for the request (and the page's object), or returns "" when it has nothing to show:

    panels.register("task", "coordination", task_panel, position=30)

Supervision puts the warning light, its reasons and 催办 on the task page; execution the
milestones, reports by unit and period, evidence, extensions and 批示; coordination the issues
and decisions. The page shows its slot's panels by `position`, then in the order registered,
with one line: `{% load panels %}{% panels "task" task %}`.
"""

from collections.abc import Callable

Render = Callable[..., str]

_slots: dict[str, dict[str, tuple[int, Render]]] = {}


def register(slot: str, name: str, render: Render, *, position: int = 100) -> None:
    """`render(request, obj)` → HTML. Registering the same name twice replaces it (reloads)."""
    _slots.setdefault(slot, {})[name] = (position, render)


def render(slot: str, request, obj=None) -> str:
    ordered = sorted(_slots.get(slot, {}).values(), key=lambda entry: entry[0])
    return "".join(panel(request, obj) or "" for _position, panel in ordered)
