"""The registry of owed work: what each unit owes, by when, declared by the app that owns it.

An app that creates obligations (execution: implementation plans, milestones, progress reports;
coordination: meeting decisions; assessment: objections to answer) registers one provider per
kind of item in its `AppConfig.ready()`:

    owed.register("milestone", _("里程碑"), due_milestones)

A provider is `items(*, as_of: date, lookahead_days: int, unit_id: int | None) -> Iterable[DueItem]`:
every item still owed on `as_of` (overdue ones included) and those falling due within
`lookahead_days`, for one unit when `unit_id` is given. Supervision chases whatever is
registered — reminders, escalation, the coordinator's queue — and knows no app by name.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DueItem:
    """Something a unit owes by a date; `key` names it uniquely across every provider."""

    target: str
    key: str
    unit_id: int
    plan_id: int
    title: str
    due: date
    link: str
    task_id: int | None = None
    milestone_id: int | None = None
    period_start: date | None = None


Items = Callable[..., Iterable[DueItem]]


@dataclass(frozen=True)
class Provider:
    target: str
    label: str
    items: Items


_providers: dict[str, Provider] = {}


def register(target: str, label, items: Items) -> None:
    """Declare a kind of owed work. Registering the same target twice replaces it (reloads)."""
    _providers[target] = Provider(target=target, label=label, items=items)


def providers() -> list[Provider]:
    return list(_providers.values())


def label(target: str) -> str:
    """The kind's name for people (`里程碑`), or the target itself if nobody registered it."""
    provider = _providers.get(target)
    return str(provider.label) if provider else target


def due_items(
    *,
    as_of: date,
    lookahead_days: int = 0,
    unit_id: int | None = None,
    excluding: frozenset[str] = frozenset(),
) -> list[DueItem]:
    """Every registered kind's items, overdue first then by due date; `excluding` names kinds
    the caller already lists itself."""
    items = [
        item
        for provider in providers()
        if provider.target not in excluding
        for item in provider.items(as_of=as_of, lookahead_days=lookahead_days, unit_id=unit_id)
    ]
    return sorted(items, key=lambda item: (item.due, item.key))
