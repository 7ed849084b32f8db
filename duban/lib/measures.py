"""The registry of assessment measures: what a unit's record earned or lost, declared by the app
that owns the record.

The assessment scheme weighs components; each component reads one registered measure. An app
registers its measures in its `AppConfig.ready()` (coordination: decisions carried out; the
assessment app itself: plans filed on time, reports on time, milestones, completions…):

    measures.register("decisions_on_time", _("会议议定事项按期办结"), decision_lines)

A measure is `lines(*, plan, as_of: date) -> Iterable[Line]`: one line per record that counts for
or against a unit, as of a date. A `rate` measure's lines score 0–1 each (1 = met, 0 = missed,
a rating in between); a component scores weight × the role-weighted mean of its lines. A
`deduction` measure's lines count occurrences (a red light in one task-month = 1); a component
takes points per occurrence off. The assessment app knows no other app by name.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

RATE = "rate"
DEDUCTION = "deduction"


@dataclass(frozen=True)
class Line:
    """One record's contribution: whose, in which role, how much, and where to see it."""

    unit_id: int
    role: str  # "lead" or "co": the scheme may weigh a lead's records above a co unit's
    score: float  # rate: 0..1 achieved; deduction: number of occurrences
    label: str  # the record, as a person reads it: "1.6.2 实施方案 2012-05-18 报送（逾期）"
    link: str = ""
    task_id: int | None = None


Lines = Callable[..., Iterable[Line]]


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    lines: Lines
    kind: str = RATE
    description: str = ""


_measures: dict[str, Measure] = {}


def register(key: str, label, lines: Lines, *, kind: str = RATE, description="") -> None:
    """Declare a measure. Registering the same key twice replaces it (reloads)."""
    if kind not in (RATE, DEDUCTION):
        raise ValueError(f"unknown measure kind {kind!r}")
    _measures[key] = Measure(key=key, label=label, lines=lines, kind=kind, description=description)


def measures() -> list[Measure]:
    return list(_measures.values())


def get(key: str) -> Measure | None:
    return _measures.get(key)
