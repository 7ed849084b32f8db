"""Dates as Chinese official documents write them."""

from datetime import date


def chinese_date(day: date | None) -> str:
    """`2012年12月31日`; "" for no date."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""
