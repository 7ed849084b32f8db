"""What the assessment makes someone owe: the coordinator's answer to each open objection.

Registered with `duban.lib.owed` on start-up; supervision reminds and queues it like any other
owed work. The reform office (the coordinators' unit) owes the answer within ANSWER_DAYS.
"""

from datetime import date, timedelta

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from duban.assessment.selectors import open_objections
from duban.directory.models import User
from duban.lib import owed
from duban.lib.owed import DueItem

OBJECTION = "objection"
# 考核异议 are answered within ten days of being filed.
ANSWER_DAYS = 10


def _reform_office_id() -> int | None:
    return (
        User.objects.filter(role=User.Role.COORDINATOR, is_active=True, unit__isnull=False)
        .values_list("unit_id", flat=True)
        .order_by("pk")
        .first()
    )


def due_objections(*, as_of: date, lookahead_days: int = 0, unit_id: int | None = None):
    office = _reform_office_id()
    if office is None or (unit_id is not None and unit_id != office):
        return []
    return [
        DueItem(
            target=OBJECTION,
            key=f"objection:{o.pk}",
            unit_id=office,
            plan_id=o.score.assessment.plan_id,
            title=f"答复{o.score.unit.short_name}对考核结果的异议",
            due=o.filed_on + timedelta(days=ANSWER_DAYS),
            link=reverse("assessment:objection-detail", args=[o.pk]),
        )
        for o in open_objections()
        if o.filed_on <= as_of
    ]


def register() -> None:
    owed.register(OBJECTION, _("考核异议"), due_objections)
