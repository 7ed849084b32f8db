"""One clock for every date rule and every time stamp, so that a past state can be run and viewed.

`DUBAN_TODAY` fixes the day for a whole deployment (the demo runs as of 2012-09-30): rules read
`today()`, and every service that stamps a time (a report submitted, a plan filed, a 批示 made,
a history row) reads `now()`, which is that day at the current time of day. Without it both
follow the real clock. Tests move the clock with time-machine or pass `as_of` explicitly.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

# Set by `on_day()` for a block of work that belongs to a given day (loading the demo's year).
_day: ContextVar[date | None] = ContextVar("duban_clock_day", default=None)


def _fixed_day() -> date | None:
    return _day.get() or settings.DUBAN_TODAY


def today() -> date:
    return _fixed_day() or timezone.localdate()


@contextmanager
def on_day(day: date) -> Iterator[None]:
    """Run the block as if today were `day`: its rules and its stamps."""
    token = _day.set(day)
    try:
        yield
    finally:
        _day.reset(token)


def now() -> datetime:
    """The current moment; on `DUBAN_TODAY` when set, at the real time of day (aware)."""
    real = timezone.now()
    fixed = _fixed_day()
    if not fixed:
        return real
    local = timezone.localtime(real)
    return local.replace(year=fixed.year, month=fixed.month, day=fixed.day)


def as_of_or_today(as_of: date | None) -> date:
    return as_of or today()


def end_of_day(day: date) -> datetime:
    """The first moment after `day`, local time: stamps before it were made by the end of `day`."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time()))
