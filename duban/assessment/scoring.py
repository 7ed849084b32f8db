"""The arithmetic of the assessment: plain rules and measured lines in, every unit's points out.

Nothing here reads the database; `services.assessment_compute` passes the rules in force and
the lines each measure yielded, so every point can be checked by hand:

- a **rate** component worth W gives a unit W × Σ(rᵢ·sᵢ) ÷ Σrᵢ over its lines, where sᵢ is the
  line's achievement (0–1) and rᵢ the weight of the unit's role on it (lead or co); a unit with
  no line in the component owes nothing there and gets W ("无应考核事项，按满分计");
- a **deduction** component takes P points per occurrence, at most its cap;
- the total is the sum of the components, and each component the sum of its lines: points are
  kept in cents and split over the lines by largest remainder, so the breakdown adds up exactly;
- units are ranked within their group (provincial units, cities) by total, ties sharing a rank.
"""

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from duban.lib.measures import DEDUCTION, Line

CENT = Decimal("0.01")
NOTHING_OWED = "本项无应考核事项，按满分计"
CAPPED = "（已达本项扣分上限，不再扣分）"


@dataclass(frozen=True)
class Rule:
    """One component of the scheme as it applies to this computation."""

    measure: str
    label: str
    kind: str
    weight: Decimal
    cap: Decimal | None = None


@dataclass(frozen=True)
class Rules:
    components: tuple[Rule, ...]
    lead_weight: Decimal = Decimal(1)
    co_weight: Decimal = Decimal("0.5")

    def role_weight(self, role: str) -> Decimal:
        return self.co_weight if role == "co" else self.lead_weight

    def as_json(self) -> dict:
        return {
            "lead_weight": str(self.lead_weight),
            "co_weight": str(self.co_weight),
            "components": [
                {**asdict(r), "weight": str(r.weight), "cap": None if r.cap is None else str(r.cap)}
                for r in self.components
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping) -> "Rules":
        return cls(
            components=tuple(
                Rule(
                    measure=c["measure"],
                    label=c["label"],
                    kind=c["kind"],
                    weight=Decimal(c["weight"]),
                    cap=None if c.get("cap") in (None, "") else Decimal(c["cap"]),
                )
                for c in data["components"]
            ),
            lead_weight=Decimal(data["lead_weight"]),
            co_weight=Decimal(data["co_weight"]),
        )


@dataclass(frozen=True)
class LineResult:
    measure: str
    label: str
    link: str
    role: str
    achieved: Decimal
    points: Decimal
    lost: Decimal = Decimal(0)


@dataclass
class UnitResult:
    unit_id: int
    group: str
    lines: list[LineResult] = field(default_factory=list)
    rank: int = 0

    def component_points(self, measure: str) -> Decimal:
        return sum((line.points for line in self.lines if line.measure == measure), Decimal(0))

    @property
    def total(self) -> Decimal:
        return sum((line.points for line in self.lines), Decimal(0))


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def split(target: Decimal, raw: list[Decimal]) -> list[Decimal]:
    """Round each of `raw` to cents so that they add up to `target` exactly (largest remainder)."""
    floors = [value.quantize(CENT, rounding=ROUND_DOWN) for value in raw]
    left = int(((target - sum(floors, Decimal(0))) / CENT).to_integral_value())
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - floors[i]), i))
    for i in order[: max(0, left)]:
        floors[i] += CENT
    return floors


def rate_lines(rule: Rule, lines: list[Line], rules: Rules) -> list[LineResult]:
    """One unit's lines in a rate component, each with the points it earned and lost."""
    weights = [rules.role_weight(line.role) for line in lines]
    total_weight = sum(weights, Decimal(0))
    if not lines or total_weight == 0:
        return [LineResult(rule.measure, NOTHING_OWED, "", "", Decimal(1), _cents(rule.weight))]
    achieved = [Decimal(str(line.score)) for line in lines]
    worth = [rule.weight * w / total_weight for w in weights]
    earned_raw = [v * a for v, a in zip(worth, achieved, strict=True)]
    earned = split(_cents(sum(earned_raw, Decimal(0))), earned_raw)
    lost = split(
        _cents(rule.weight) - sum(earned, Decimal(0)),
        [v - e for v, e in zip(worth, earned_raw, strict=True)],
    )
    return [
        LineResult(rule.measure, line.label, line.link, line.role, a, e, lo)
        for line, a, e, lo in zip(lines, achieved, earned, lost, strict=True)
    ]


def deduction_lines(rule: Rule, lines: list[Line]) -> list[LineResult]:
    """One unit's occurrences in a deduction component: P points each, until the cap."""
    room = rule.cap
    results = []
    for line in lines:
        occurrences = Decimal(str(line.score))
        taken = _cents(rule.weight * occurrences)
        label = line.label
        if room is not None:
            if taken > room:
                taken, label = room, label + CAPPED
            room -= taken
        results.append(
            LineResult(rule.measure, label, line.link, line.role, occurrences, -taken, taken)
        )
    return results


def score_units(
    rules: Rules, measured: Mapping[str, Iterable[Line]], groups: Mapping[int, str]
) -> list[UnitResult]:
    """Every unit of `groups` (unit id → "unit" or "city") scored under `rules`, ranked."""
    by_unit: dict[str, dict[int, list[Line]]] = {}
    for rule in rules.components:
        per_unit: dict[int, list[Line]] = defaultdict(list)
        for line in measured.get(rule.measure, ()):
            if line.unit_id in groups:
                per_unit[line.unit_id].append(line)
        by_unit[rule.measure] = per_unit
    results = []
    for unit_id, group in groups.items():
        result = UnitResult(unit_id, group)
        for rule in rules.components:
            lines = by_unit[rule.measure].get(unit_id, [])
            if rule.kind == DEDUCTION:
                result.lines.extend(deduction_lines(rule, lines))
            else:
                result.lines.extend(rate_lines(rule, lines, rules))
        results.append(result)
    rank(results)
    return results


def rank(results: list[UnitResult]) -> None:
    """Competition ranking within each group: 1, 2, 2, 4 …"""
    for group in {r.group for r in results}:
        members = sorted((r for r in results if r.group == group), key=lambda r: -r.total)
        for position, result in enumerate(members, 1):
            tied = position > 1 and result.total == members[position - 2].total
            result.rank = members[position - 2].rank if tied else position


def digest(rules: Rules, results: list[UnitResult]) -> str:
    """A fingerprint of the rules and every line: the same record gives the same digest."""
    payload = {
        "rules": rules.as_json(),
        "units": [
            [r.unit_id, r.group, [[x.measure, x.label, str(x.points)] for x in r.lines]]
            for r in sorted(results, key=lambda r: r.unit_id)
        ],
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()
