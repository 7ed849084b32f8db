"""Reporting periods, due dates, default percents and the progress roll-up: pure functions.

Nothing here reads the database or the clock; callers pass dates (`as_of`) and plain values,
so every rule can be checked by hand against a calendar.
"""

import calendar
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, gettext_lazy

# A period's report is due on the 5th day after the period ends (月报次月5日前报送).
REPORT_DUE_DAYS = 5

MONTHLY = "monthly"
QUARTERLY = "quarterly"

# Report statuses, spelled as `ProgressReport.Status` values so this module imports no model.
NOT_STARTED = "not_started"
ON_TRACK = "on_track"
AT_RISK = "at_risk"
DELAYED = "delayed"
DONE = "done"

# The default percent of each status, as data the office can read in the form's help:
# `None` is "the share of the task's year that has elapsed at the period's end, rounded to 5";
# an int is a fixed percent; the offset is added to the elapsed share (then kept within 0–100).
DEFAULT_PERCENT_RULES: dict[str, tuple[int | None, int]] = {
    NOT_STARTED: (0, 0),  # 未启动：0%
    ON_TRACK: (None, 0),  # 按计划推进：年度时间进度
    AT_RISK: (None, -10),  # 存在风险：时间进度减10个百分点
    DELAYED: (None, -20),  # 滞后：时间进度减20个百分点
    DONE: (100, 0),  # 已完成：100%
}


def period_for(day: date, cadence: str) -> tuple[date, date]:
    """The reporting period (first day, last day) that contains `day`: its month or quarter."""
    if cadence == MONTHLY:
        first_month = day.month
        months = 1
    elif cadence == QUARTERLY:
        first_month = (day.month - 1) // 3 * 3 + 1
        months = 3
    else:
        raise ValueError(f"Unknown report cadence {cadence!r}")
    last_month = first_month + months - 1
    last_day = calendar.monthrange(day.year, last_month)[1]
    return date(day.year, first_month, 1), date(day.year, last_month, last_day)


def period_label(period_start: date, cadence: str) -> str:
    """`2012年第3季度`, `2012年7月`: the period as reports and reminders name it; in another
    page language `Q3 2012`, `July 2012`."""
    if not (get_language() or "zh-hans").startswith("zh"):
        if cadence == QUARTERLY:
            quarter = (period_start.month - 1) // 3 + 1
            return gettext("%(year)s年第%(quarter)s季度") % {
                "year": period_start.year,
                "quarter": quarter,
            }
        return date_format(period_start, "YEAR_MONTH_FORMAT")
    if cadence == QUARTERLY:
        return f"{period_start.year}年第{(period_start.month - 1) // 3 + 1}季度"
    return f"{period_start.year}年{period_start.month}月"


def periods_of_year(
    year: int, cadence: str, *, until: date, since: date | None = None
) -> Iterator[tuple[date, date]]:
    """The periods of `year` from January (or the one containing `since`, when work was
    assigned later in the year) up to the one containing `until` (none after it)."""
    start = date(year, 1, 1)
    if since is not None and since.year == year:
        start = period_for(since, cadence)[0]
    elif since is not None and since.year > year:
        return
    while start <= until and start.year == year:
        period = period_for(start, cadence)
        yield period
        start = period[1] + timedelta(days=1)


def report_due(period_end: date) -> date:
    return period_end + timedelta(days=REPORT_DUE_DAYS)


def is_late(period_end: date, as_of: date) -> bool:
    """A report not yet filed is late once its due date has passed."""
    return as_of > report_due(period_end)


def elapsed_share(day: date) -> int:
    """The share of `day`'s year elapsed at the end of `day`, in percent, rounded to 5."""
    days_in_year = 366 if calendar.isleap(day.year) else 365
    share = day.timetuple().tm_yday / days_in_year * 100
    return min(100, int(5 * round(share / 5)))


def default_percent(status: str, period_end: date) -> int:
    """The percent a report with `status` shows unless the unit gives another one and a reason."""
    fixed, offset = DEFAULT_PERCENT_RULES[status]
    value = fixed if fixed is not None else elapsed_share(period_end) + offset
    return max(0, min(100, value))


# ---- Roll-up: task → area → plan ----------------------------------------------------------

# Translated when shown, not here: the page renders it in the reader's language.
ROLLUP_FORMULA = gettext_lazy(
    "P(上级) = Σ(wᵢ × Pᵢ) ÷ Σwᵢ，i 为未撤销的下级；工作单元的 P 取牵头单位最新报告"
)


@dataclass
class Node:
    """One row of the plan tree for the roll-up.

    A node without children is a unit of work: `reported` is its lead's latest percent (None if
    it has not reported, counted as 0) and `done` says whether the coordinator accepted a
    completion claim. A node with children takes the weighted mean of its non-withdrawn ones.
    """

    key: int
    weight: Decimal
    withdrawn: bool = False
    reported: float | None = None
    done: bool = False
    children: list["Node"] = field(default_factory=list)
    # Filled in by `roll_up`:
    percent: float = 0.0
    share: float = 0.0  # the normalised weight among non-withdrawn siblings, 0–1


def normalised_weights(weights: Sequence[Decimal]) -> list[float]:
    """Each weight divided by their sum; equal shares when every weight is zero."""
    total = sum(weights, Decimal(0))
    if not weights:
        return []
    if total <= 0:
        return [1 / len(weights)] * len(weights)
    return [float(w / total) for w in weights]


def roll_up(node: Node) -> float:
    """Fill `percent` (and the children's `share`) over the tree under `node`; return it."""
    counted = [child for child in node.children if not child.withdrawn]
    for child in node.children:
        child.share = 0.0
        roll_up(child)
    if not node.children:
        node.percent = 100.0 if node.done else float(node.reported or 0)
        return node.percent
    shares = normalised_weights([child.weight for child in counted])
    for child, share in zip(counted, shares, strict=True):
        child.share = share
    node.percent = sum(child.percent * child.share for child in counted)
    node.done = bool(counted) and all(child.done for child in counted)
    return node.percent
