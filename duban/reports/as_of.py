"""The day a dashboard or a report is seen from: `?as_of=YYYY-MM-DD`, today by default."""

from datetime import date

from django.utils.translation import gettext as _

from duban.lib.clock import today


class BadDate(ValueError):
    """The `as_of` field is not a date, or lies after today."""


def parse_as_of(value: str | None) -> date:
    """`value` as a date no later than today; empty → today. Raises `BadDate` naming the field."""
    if not value:
        return today()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise BadDate(_("查看日期（as_of）格式不正确，应为 YYYY-MM-DD。")) from None
    if day > today():
        # What lies ahead is not yet known: a dashboard never shows a future day's lights.
        raise BadDate(_("查看日期（as_of）不能晚于今天。"))
    return day
