"""When a due item is reminded of: a pure function of its due date, a date and the rule set.

The rule set's `reminders` says how many days before the due date (default 7 and 1), whether
on the day itself, and how often once overdue (weekly). A scan on `as_of` sends the latest
reminder that has come due and is at most `catch_up_days` old, so a worker that was down for
a day still sends it, and a stale one is never sent late.
"""

from datetime import date, timedelta

BEFORE_DUE = "before_due"
DUE_TODAY = "due_today"
OVERDUE_WEEKLY = "overdue_weekly"


def fire_dates(due: date, as_of: date, config: dict) -> list[tuple[str, date]]:
    """Every (kind, day) a reminder of this item is scheduled for, up to `as_of`."""
    fires = [(BEFORE_DUE, due - timedelta(days=d)) for d in config.get("before_due_days", [7, 1])]
    if config.get("on_due_date", True):
        fires.append((DUE_TODAY, due))
    every = config.get("overdue_every_days", 7)
    if every and as_of > due:
        for k in range(1, (as_of - due).days // every + 1):
            fires.append((OVERDUE_WEEKLY, due + timedelta(days=k * every)))
    return sorted((kind, day) for kind, day in fires if day <= as_of)


def reminder_due(due: date, as_of: date, config: dict) -> tuple[str, date] | None:
    """The reminder a scan on `as_of` should make sure exists, or None."""
    fires = fire_dates(due, as_of, config)
    if not fires:
        return None
    kind, day = max(fires, key=lambda fire: fire[1])
    if (as_of - day).days > config.get("catch_up_days", 7):
        return None
    return kind, day


def due_phrase(due: date, as_of: date) -> str:
    """`将于10月5日到期（还有5天）`, `今天到期`, `已逾期25天`."""
    days = (due - as_of).days
    if days > 0:
        return f"将于{due.month}月{due.day}日到期（还有{days}天）"
    if days == 0:
        return "今天到期"
    return f"已逾期{-days}天（{due.month}月{due.day}日到期）"
