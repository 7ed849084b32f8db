"""Warning lights (红黄绿灯): a pure function of a task's facts, a date and a rule set.

Nothing here reads the database or the clock. A selector gathers a task's milestones and its
lead unit's reports into a `TaskFacts`; `compute_light(facts, as_of, rules)` says which colour
the task shows on `as_of` and why, in sentences the office can read out
(`红灯：里程碑“起草条例”已逾期32天`). What counts as red differs between provinces, so the
rules are data (`rulesets/*.json`, chosen by the `DUBAN_LIGHT_RULES` setting): each entry names
one of the rule kinds registered in `RULE_KINDS` with its thresholds and the colour it gives.
"""

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from duban.execution.progress import period_for, period_label, report_due
from duban.lib.dates import local_date

RULESETS_DIR = Path(__file__).resolve().parent / "rulesets"

# From least to most alarming; aggregation takes the last one present.
COLOURS = ("grey", "done", "green", "yellow", "orange", "red")
SEVERITY = {colour: rank for rank, colour in enumerate(COLOURS)}
# The labels stay plain strings (charts and reports read them); `_()` translates them for display.
LABELS = {
    "red": gettext_noop("红灯"),
    "orange": gettext_noop("橙灯"),
    "yellow": gettext_noop("黄灯"),
    "green": gettext_noop("绿灯"),
    "done": gettext_noop("已完成"),
    "grey": gettext_noop("未开始"),
}
# The rule sets' labels (rulesets/*.json), for the catalog: pages show them translated.
RULE_SET_LABELS = (
    gettext_noop("默认规则：逾期15天红灯，逾期即黄灯，滞后红灯，缺报两期红灯"),
    gettext_noop("从严规则：剩余时间预警、长期未报、进度落后、连续黄灯转红"),
)
# Report statuses as `ProgressReport.Status` spells them, with the words units chose from.
STATUS_LABELS = {
    "not_started": gettext_noop("未启动"),
    "on_track": gettext_noop("按计划推进"),
    "at_risk": gettext_noop("存在风险"),
    "delayed": gettext_noop("滞后"),
    "done": gettext_noop("已完成"),
}


# ---- Inputs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MilestoneFact:
    title: str
    due: date
    met_on: date | None = None


@dataclass(frozen=True)
class ReportFact:
    """One filed report of the task's lead unit; `submitted` is the day it reached the office."""

    period_start: date
    period_end: date
    status: str
    percent: int = 0
    submitted: date | None = None


@dataclass(frozen=True)
class TaskFacts:
    """What the light of one task depends on.

    `start` is when the task's clock starts (the plan year's first day); `accepted_done` is the
    day the coordinator accepted the lead's completion claim, if it did.
    """

    start: date
    due: date | None = None
    cadence: str = "monthly"
    milestones: tuple[MilestoneFact, ...] = ()
    reports: tuple[ReportFact, ...] = ()
    accepted_done: date | None = None
    leads: tuple[int, ...] = ()  # the lead units' ids, first named first (no effect on the light)


# ---- Outputs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Light:
    colour: str
    reasons: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return _(LABELS[self.colour])

    @property
    def title(self) -> str:
        """All reasons in one line, for a badge's tooltip."""
        return _("；").join(self.reasons)

    @property
    def severity(self) -> int:
        return SEVERITY[self.colour]


@dataclass(frozen=True)
class Finding:
    """One rule that fired: the colour it gives, what it is about (`key`), and why."""

    colour: str
    key: tuple
    text: str


# ---- Rule sets ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleSet:
    name: str
    label: str
    rules: tuple[dict, ...]
    aggregate: dict = field(default_factory=lambda: {"method": "worst"})
    disagreement_bands: int = 2
    reminders: dict = field(default_factory=dict)
    escalation: tuple[dict, ...] = ()

    def without(self, kind: str) -> "RuleSet":
        return replace(self, rules=tuple(r for r in self.rules if r["rule"] != kind))


def load_rule_set(name_or_path: str) -> RuleSet:
    """The rule set shipped under `name` (`default`, `strict`) or read from a JSON file path.

    Raises `ValueError` for an unknown rule kind or colour: a typo in a province's rules must
    fail at start-up, not turn every light green.
    """
    return _load_rule_set(str(name_or_path))


@lru_cache(maxsize=16)
def _load_rule_set(name_or_path: str) -> RuleSet:
    path = Path(name_or_path)
    if not path.suffix:
        path = RULESETS_DIR / f"{name_or_path}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for rule in data["rules"]:
        if rule.get("rule") not in RULE_KINDS:
            raise ValueError(f"{path.name}: unknown rule kind {rule.get('rule')!r}")
        if rule.get("colour") not in SEVERITY:
            raise ValueError(f"{path.name}: unknown colour {rule.get('colour')!r}")
    return RuleSet(
        name=data["name"],
        label=data.get("label", data["name"]),
        rules=tuple(data["rules"]),
        aggregate=data.get("aggregate", {"method": "worst"}),
        disagreement_bands=int(data.get("disagreement_bands", 2)),
        reminders=data.get("reminders", {}),
        escalation=tuple(data.get("escalation", ())),
    )


# ---- Facts as known on a date -------------------------------------------------------------


@dataclass(frozen=True)
class _View:
    """The facts as they stood on `as_of`: later reports and later ticks are not yet known."""

    facts: TaskFacts
    as_of: date
    reports: tuple[ReportFact, ...]  # filed by `as_of`, oldest period first

    @property
    def last_report(self) -> ReportFact | None:
        return self.reports[-1] if self.reports else None

    def unmet_milestones(self) -> Iterator[MilestoneFact]:
        for milestone in self.facts.milestones:
            if milestone.met_on is None or milestone.met_on > self.as_of:
                yield milestone


def _view(facts: TaskFacts, as_of: date) -> _View:
    filed = [r for r in facts.reports if r.submitted is None or r.submitted <= as_of]
    return _View(facts, as_of, tuple(sorted(filed, key=lambda r: r.period_start)))


def late_periods(view: _View) -> list[date]:
    """Starts of the periods whose report was due before `as_of`, from the task's start."""
    facts = view.facts
    starts = []
    start = period_for(facts.start, facts.cadence)[0]
    while True:
        first, last = period_for(start, facts.cadence)
        if view.as_of <= report_due(last):
            break
        if facts.due and first > facts.due:
            break  # nothing is owed for periods after the task's own deadline
        starts.append(first)
        start = last + timedelta(days=1)
    return starts


# ---- Rule kinds -----------------------------------------------------------------------------
# Each takes the view and the rule's parameters and yields what it finds.


def milestone_overdue(view: _View, rule: dict) -> Iterator[Finding]:
    # "passed unmet by more than N days": strictly more, so day N itself is still the lighter one.
    for milestone in view.unmet_milestones():
        overdue = (view.as_of - milestone.due).days
        if overdue > rule["days"]:
            text = _("里程碑“%(title)s”已逾期%(days)s天") % {
                "title": milestone.title,
                "days": overdue,
            }
            yield Finding(rule["colour"], ("milestone", milestone.title, milestone.due), text)


def task_overdue(view: _View, rule: dict) -> Iterator[Finding]:
    due = view.facts.due
    if due is None:
        return
    overdue = (view.as_of - due).days
    if overdue > rule["days"]:
        text = _("任务已超过完成时限（%(date)s）%(days)s天") % {
            "date": local_date(due),
            "days": overdue,
        }
        yield Finding(rule["colour"], ("task-due",), text)


def last_status(view: _View, rule: dict) -> Iterator[Finding]:
    last = view.last_report
    if last is not None and last.status == rule["status"]:
        period = period_label(last.period_start, view.facts.cadence)
        status = _(STATUS_LABELS[last.status])
        text = _("最近一期（%(period)s）进展报告自报“%(status)s”") % {
            "period": period,
            "status": status,
        }
        yield Finding(rule["colour"], ("status",), text)


def _next_due(view: _View) -> tuple[str, date] | None:
    candidates = [
        (_("里程碑“%(title)s”") % {"title": m.title}, m.due) for m in view.unmet_milestones()
    ]
    if view.facts.due:
        candidates.append((_("任务"), view.facts.due))
    upcoming = [(what, due) for what, due in candidates if due >= view.as_of]
    return min(upcoming, key=lambda item: item[1]) if upcoming else None


def status_near_due(view: _View, rule: dict) -> Iterator[Finding]:
    last = view.last_report
    upcoming = _next_due(view)
    if last is None or last.status != rule["status"] or upcoming is None:
        return
    what, due = upcoming
    days_left = (due - view.as_of).days
    if days_left <= rule["within_days"]:
        if days_left == 0:
            when = _("%(what)s今天到期") % {"what": what}
        else:
            when = _("距%(what)s时限仅剩%(days)s天") % {"what": what, "days": days_left}
        status = _(STATUS_LABELS[last.status])
        text = _("自报“%(status)s”，%(when)s") % {"status": status, "when": when}
        yield Finding(rule["colour"], ("status",), text)


def reports_missing(view: _View, rule: dict) -> Iterator[Finding]:
    filed = {r.period_start for r in view.reports}
    missing: list[date] = []
    for start in reversed(late_periods(view)):
        if start in filed:
            break  # only the unbroken run up to now counts; an old gap was caught up on
        missing.append(start)
    if len(missing) < rule["periods"]:
        return
    cadence = view.facts.cadence
    if len(missing) == 1:
        text = _("%(period)s进展报告未报送") % {"period": period_label(missing[0], cadence)}
    else:
        since = period_label(missing[-1], cadence)
        text = _("已连续%(n)s期未报送进展报告（%(since)s起）") % {"n": len(missing), "since": since}
    yield Finding(rule["colour"], ("reports",), text)


def _share_elapsed(facts: TaskFacts, day: date) -> float | None:
    if facts.due is None or facts.due <= facts.start:
        return None
    span = (facts.due - facts.start).days
    return min(1.0, max(0.0, (day - facts.start).days / span))


def time_remaining(view: _View, rule: dict) -> Iterator[Finding]:
    elapsed = _share_elapsed(view.facts, view.as_of)
    last = view.last_report
    if elapsed is None or elapsed >= 1.0:
        return  # past the deadline the overdue rules speak
    if last is not None and last.status != "not_started":
        return  # "with no report": a task that reports progress is judged by its reports
    if 1 - elapsed <= rule["share_left"]:
        days_left = (view.facts.due - view.as_of).days
        share = round(rule["share_left"] * 100)
        text = _("剩余时间不足%(share)s%%（还剩%(days)s天），尚无实质进展报告") % {
            "share": share,
            "days": days_left,
        }
        yield Finding(rule["colour"], ("time",), text)


def silence(view: _View, rule: dict) -> Iterator[Finding]:
    last = view.last_report
    since = (last.submitted or last.period_end) if last else view.facts.start
    days = (view.as_of - since).days
    if days > rule["days"]:
        if last:
            text = _("已%(days)s天未报送进展报告") % {"days": days}
        else:
            text = _("已%(days)s天未报送进展报告（本年度尚未报送）") % {"days": days}
        yield Finding(rule["colour"], ("silence",), text)


def trajectory(view: _View, rule: dict) -> Iterator[Finding]:
    last = view.last_report
    if last is None:
        return
    elapsed = _share_elapsed(view.facts, last.period_end)
    if elapsed is None:
        return
    expected = round(elapsed * 100)
    lag = expected - last.percent
    if lag > rule["lag_points"]:
        text = _("自报进度%(percent)s%%，低于时间进度%(expected)s%%（落后%(lag)s个百分点）") % {
            "percent": last.percent,
            "expected": expected,
            "lag": lag,
        }
        yield Finding(rule["colour"], ("trajectory",), text)


def repeated(view: _View, rule: dict, rules: RuleSet) -> Iterator[Finding]:
    """The light stayed at `at_least` or worse on `times` checkpoints: now and earlier period ends."""
    base = rules.without("repeated")
    floor = SEVERITY[rule["at_least"]]
    checkpoints = [view.as_of]
    day = view.as_of
    while len(checkpoints) < rule["times"]:
        day = period_for(day, view.facts.cadence)[0] - timedelta(days=1)
        if day < view.facts.start:
            return
        checkpoints.append(day)
    if all(compute_light(view.facts, c, base).severity >= floor for c in checkpoints):
        label = _(LABELS[rule["at_least"]])
        text = _("连续%(times)s期为%(light)s或更重") % {"times": rule["times"], "light": label}
        yield Finding(rule["colour"], ("repeated",), text)


RuleKind = Callable[..., Iterable[Finding]]
RULE_KINDS: dict[str, RuleKind] = {
    "milestone_overdue": milestone_overdue,
    "task_overdue": task_overdue,
    "last_status": last_status,
    "status_near_due": status_near_due,
    "reports_missing": reports_missing,
    "time_remaining": time_remaining,
    "silence": silence,
    "trajectory": trajectory,
    "repeated": repeated,
}
# Rule kinds that look at the light itself on earlier dates, so they need the whole rule set.
NEEDS_RULE_SET = {"repeated"}


# ---- The light ------------------------------------------------------------------------------


def compute_light(facts: TaskFacts, as_of: date, rules: RuleSet) -> Light:
    """The task's light on `as_of` under `rules`, with one reason per thing that is wrong."""
    if facts.accepted_done and facts.accepted_done <= as_of:
        accepted = local_date(facts.accepted_done)
        return Light("done", (_("已完成：牵头单位报告完成，%(date)s已采纳") % {"date": accepted},))
    if as_of < facts.start:
        return Light("grey", (_("未开始：任务自%(date)s起计") % {"date": local_date(facts.start)},))
    view = _view(facts, as_of)
    worst_by_key: dict[tuple, Finding] = {}
    for rule in rules.rules:
        kind = RULE_KINDS[rule["rule"]]
        found = kind(view, rule, rules) if rule["rule"] in NEEDS_RULE_SET else kind(view, rule)
        for finding in found:
            # One sentence per thing: a milestone 32 days late is red, not also yellow.
            held = worst_by_key.get(finding.key)
            if held is None or SEVERITY[finding.colour] > SEVERITY[held.colour]:
                worst_by_key[finding.key] = finding
    if not worst_by_key:
        return Light("green", (_("绿灯：按计划推进，无逾期、无缺报"),))
    findings = sorted(worst_by_key.values(), key=lambda f: -SEVERITY[f.colour])
    reasons = tuple(
        _("%(light)s：%(why)s") % {"light": _(LABELS[f.colour]), "why": f.text} for f in findings
    )
    return Light(findings[0].colour, reasons)


# ---- Units, cities and areas ----------------------------------------------------------------

# Points per colour for the weighted mix; grey tasks have not started and are left out.
WEIGHTED_POINTS = {"done": 0, "green": 0, "yellow": 1, "orange": 2, "red": 3}


def _counts(lights: Sequence[Light]) -> str:
    parts = []
    for colour in reversed(COLOURS):
        n = sum(1 for light in lights if light.colour == colour)
        if n:
            parts.append(_("%(light)s%(n)s项") % {"light": _(LABELS[colour]), "n": n})
    return _("、").join(parts) + _("（共%(n)s项任务）") % {"n": len(lights)}


def aggregate(
    lights: Sequence[Light], *, weights: Sequence[float] | None = None, method: dict | None = None
) -> Light:
    """One light for a unit, a city or an area from its tasks' lights.

    `worst` (the default) shows the most alarming colour; `weighted` scores each task
    (yellow 1, orange 2, red 3) by its weight and compares the mean with the rule set's
    `yellow_at`/`orange_at`/`red_at`, so one red among twenty greens does not paint a unit red.
    """
    method = method or {"method": "worst"}
    if not lights:
        return Light("grey", (_("未开始：没有任务"),))
    summary = _counts(lights)
    started = [(light, w) for light, w in zip(lights, weights or [1.0] * len(lights), strict=True)]
    started = [(light, w) for light, w in started if light.colour != "grey"]
    if not started:
        return Light("grey", (_("未开始：%(summary)s") % {"summary": summary},))
    if all(light.colour == "done" for light, _weight in started):
        return Light("done", (_("已完成：%(summary)s") % {"summary": summary},))
    if method["method"] == "worst":
        colour = max((light.colour for light, _weight in started), key=SEVERITY.__getitem__)
        reason = _("%(light)s：%(why)s") % {"light": _(LABELS[colour]), "why": summary}
        return Light(colour, (reason,))
    total = sum(w for _light, w in started) or 1.0
    score = sum(WEIGHTED_POINTS[light.colour] * w for light, w in started) / total
    colour = "green"
    for candidate in ("yellow", "orange", "red"):
        if score >= method[f"{candidate}_at"]:
            colour = candidate
    reason = _("%(light)s：加权得分%(score).2f，%(summary)s") % {
        "light": _(LABELS[colour]),
        "score": score,
        "summary": summary,
    }
    return Light(colour, (reason,))


# ---- Disagreement between what the unit says, the light and the coordinator's judgement -----

# Each view in three bands: 0 on course, 1 at risk, 2 off course.
STATUS_BANDS = {"on_track": 0, "done": 0, "at_risk": 1, "delayed": 2}
LIGHT_BANDS = {"green": 0, "done": 0, "yellow": 1, "orange": 1, "red": 2}
JUDGEMENT_BANDS = {5: 0, 4: 0, 3: 1, 2: 2, 1: 2}
JUDGEMENT_LABELS = {
    5: gettext_noop("确定能按期完成"),
    4: gettext_noop("较有把握"),
    3: gettext_noop("存在不确定性"),
    2: gettext_noop("把握不大"),
    1: gettext_noop("难以按期完成"),
}


def disagreement(
    *, self_status: str | None, light: Light, judgement: int | None, bands: int
) -> str | None:
    """Why the task is flagged, or None: the three views lie `bands` or more bands apart."""
    seen = [
        band
        for band in (
            STATUS_BANDS.get(self_status),
            LIGHT_BANDS.get(light.colour),
            JUDGEMENT_BANDS.get(judgement),
        )
        if band is not None
    ]
    # Most tasks are not flagged: the views are put in words only for those that are.
    if len(seen) < 2 or max(seen) - min(seen) < bands:
        return None
    views = []
    if self_status in STATUS_BANDS:
        status = _(STATUS_LABELS[self_status])
        views.append(_("自报“%(status)s”") % {"status": status})
    if light.colour in LIGHT_BANDS:
        views.append(_("计算为%(light)s") % {"light": light.label})
    if judgement in JUDGEMENT_BANDS:
        judged = _(JUDGEMENT_LABELS[judgement])
        views.append(_("研判为“%(judged)s”") % {"judged": judged})
    return _("判断不一致：") + _("，").join(views)
