"""Dates as Chinese official documents write them, and as the page's language writes them."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import get_language


def chinese_date(day: date | None) -> str:
    """`2012年12月31日`; "" for no date."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def local_date(day: date | None) -> str:
    """A date on a page: `2012年12月31日` in Chinese, the language's own way otherwise
    (`Dec. 31, 2012` in English). Documents and exports keep `chinese_date` in every language."""
    if not day:
        return ""
    if (get_language() or "zh-hans").startswith("zh"):
        return chinese_date(day)
    return date_format(day, "DATE_FORMAT")
