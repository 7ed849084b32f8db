"""Formatting every page shares: dates in the page's language, percentages, warning-light badges, role names.

Templates only display; anything that turns a value into text for people belongs here.
"""

from datetime import date, datetime
from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from duban.directory.models import User
from duban.lib.dates import local_date

register = template.Library()

# 红黄绿灯: the light keys the supervision rules produce, with the words the office uses.
LIGHT_LABELS = {
    "red": _("红灯"),
    "orange": _("橙灯"),
    "yellow": _("黄灯"),
    "green": _("绿灯"),
    "done": _("已完成"),
    "grey": _("未开始"),
}


@register.filter
def cn_date(value: date | datetime | None) -> str:
    """`2012年5月20日`, the way official documents write dates, in Chinese; the page's language's
    own way otherwise (`May 20, 2012`). An aware datetime is shown on its local (Asia/Shanghai)
    calendar day."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    return local_date(value)


@register.filter
def percent(value: int | float | Decimal | None, digits: int = 0) -> str:
    """A number already in percent (a report's 0–100) as `45%`; `digits` decimals if asked.

    A missing value shows as a dash, never as `0%`: no report is not the same as no progress.
    """
    if value in (None, ""):
        return "—"
    return f"{float(value):.{int(digits)}f}%"


@register.filter
def light_badge(key: str | None) -> SafeString:
    """The badge of a warning light; no light yet (`None`) is the grey `未开始`.

    An unknown key raises `ValueError`: a misspelt light must fail loudly, not show as grey.
    """
    key = key or "grey"
    if key not in LIGHT_LABELS:
        raise ValueError(f"Unknown warning light {key!r}; expected one of {sorted(LIGHT_LABELS)}.")
    return format_html('<span class="badge badge-{}">{}</span>', key, LIGHT_LABELS[key])


@register.filter
def role_label(role: str | None) -> str:
    """The display name of a role key (`coordinator` → `统筹协调`); empty for no role."""
    if not role:
        return ""
    return str(User.Role(role).label)


@register.simple_tag
def demo_accounts() -> dict:
    """The demo accounts and their password, for the login page of a demo deployment."""
    # Imported here: the demo module loads data services no other page needs.
    from duban.web.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    return {"accounts": DEMO_ACCOUNTS, "password": DEMO_PASSWORD}


@register.filter
def cell(column, task_id: int) -> str:
    """What another app shows for `task_id` in a column of the plan's task lists (plans.badges)."""
    return column.cell(task_id)
