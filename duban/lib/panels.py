"""Panels other apps add to a page (the task page, a unit's workspace) without the page's app
importing them.

An app registers, in its `AppConfig.ready()`, a slot name and a function that renders its
panel for the request (and the page's object), or returns "" when it has nothing to show:

    panels.register("task", "coordination", task_panel)

The page shows every registered panel of its slot, in the order registered, with one line:
`{% load panels %}{% panels "task" task %}`.
"""

from collections.abc import Callable

Render = Callable[..., str]

_slots: dict[str, dict[str, Render]] = {}


def register(slot: str, name: str, render: Render) -> None:
    """`render(request, obj)` → HTML. Registering the same name twice replaces it (reloads)."""
    _slots.setdefault(slot, {})[name] = render


def render(slot: str, request, obj=None) -> str:
    return "".join(panel(request, obj) for panel in _slots.get(slot, {}).values())
