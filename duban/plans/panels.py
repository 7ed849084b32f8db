"""Sections other apps add to a task's page, without plans importing them.

Execution adds the task's milestones, reports by unit and period, extensions and 批示;
supervision adds the warning light with its reasons and the 催办 button. An app registers
`render(request, task) -> html` in its `AppConfig.ready()` (coordination may add its issues the
same way); the task page shows the panels by `position`, then in the order registered, and
an empty one not at all.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

from duban.plans.models import Task

Render = Callable[[HttpRequest, Task], str]

_registered: dict[str, tuple[int, Render]] = {}


def register(name: str, render: Render, *, position: int = 100) -> None:
    """Add a panel; registering the same name again replaces it (reloads)."""
    _registered[name] = (position, render)


def rendered(request: HttpRequest, task: Task) -> list[SafeString]:
    ordered = sorted(_registered.values(), key=lambda entry: entry[0])
    found = (render(request, task) for _position, render in ordered)
    return [SafeString(html) for html in found if html and html.strip()]
