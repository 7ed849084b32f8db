"""The registry of what can be searched by words, declared by the app that owns each model.

An app registers, in its `AppConfig.ready()`, one kind per model it lets people find:

    searchable.register(searchable.Kind(
        name="task", label=_("任务"), position=10,
        rows=lambda: Task.objects.filter(withdrawn=False),
        fields=("title", "text"),
        title=lambda task: task.title, link=lambda task: reverse(...),
        readable=searchable.reads(access_task),
    ))

The search app matches the words against `fields` and shows a row only when `readable(user,
row)` says so: the owning app's own `access_*` function decides, so search can never show what
the record's page would refuse. `narrow(user, rows)` may cut the rows down before that check,
for speed only (it must keep everything `readable` allows); it is not a permission.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    rows: Callable[[], QuerySet]
    fields: tuple[str, ...]
    title: Callable[[Model], str]
    link: Callable[[Model], str | None]
    readable: Callable[[object, Model], bool]
    # Text shown under the title, where the words are highlighted (the title's fields if "").
    detail: Callable[[Model], str] = lambda row: ""
    narrow: Callable[[object, QuerySet], QuerySet] = lambda user, rows: rows
    position: int = 100


def reads(
    access: Callable[..., object], key: Callable[[Model], int] = lambda row: row.pk
) -> Callable[[object, Model], bool]:
    """`readable` from an `access_*(user, id)` function: True unless it refuses (404 or 403).
    `key` gives the id it takes (the row's own by default, or e.g. its plan's)."""

    def readable(user, row: Model) -> bool:
        try:
            access(user, key(row))
        except (Http404, PermissionDenied):
            return False
        return True

    return readable


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    """Registering the same name twice replaces it (reloads)."""
    _kinds[kind.name] = kind


def kinds() -> list[Kind]:
    return sorted(_kinds.values(), key=lambda kind: kind.position)
