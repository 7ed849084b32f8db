"""What meeting decisions make units owe, and how they count in the assessment.

- the owner unit of a decision or action of a closed meeting owes it by its deadline until it
  reports it done (registered with `duban.lib.owed` as target "decision": supervision reminds,
  escalates and queues it like a milestone);
- each decision due by the assessment date scores 1 for its owner (role "lead") and its co units
  (role "co") when it was met on time, 0 when it was missed or met late (measure
  "decisions_on_time" of `duban.lib.measures`).
"""

from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from duban.coordination.selectors import decisions
from duban.lib import measures, owed
from duban.lib.measures import Line
from duban.lib.owed import DueItem

DECISION = "decision"


def _first_task(outcome) -> int | None:
    tasks = sorted(task.pk for task in outcome.tasks.all())
    return tasks[0] if tasks else None


def due_decisions(*, as_of: date, lookahead_days: int = 0, unit_id: int | None = None):
    """Every decision still owed on `as_of`: not reported done by then."""
    owing = decisions().filter(Q(met_on__isnull=True) | Q(met_on__gt=as_of), due_date__isnull=False)
    if unit_id is not None:
        owing = owing.filter(owner_unit_id=unit_id)
    return [
        DueItem(
            target=DECISION,
            key=f"decision:{o.pk}",
            unit_id=o.owner_unit_id,
            plan_id=o.meeting.plan_id,
            title=f"联席会议议定事项“{o.text[:60]}”",
            due=o.due_date,
            link=reverse("coordination:decision-detail", args=[o.pk]),
            task_id=_first_task(o),
        )
        for o in owing
    ]


def _label(outcome, score: float) -> str:
    met = f"{outcome.met_on:%Y-%m-%d}办结" if outcome.met_on else "未办结"
    verdict = "按期" if score else "逾期"
    return f"{outcome.meeting.title} 议定事项“{outcome.text[:40]}” {outcome.due_date:%Y-%m-%d}前，{met}（{verdict}）"


def decision_lines(*, plan, as_of: date):
    """One line per unit per decision that was due by `as_of` or met by then."""
    lines = []
    for o in decisions().filter(meeting__plan=plan, due_date__isnull=False):
        met = o.met_on is not None and o.met_on <= as_of
        if not met and o.due_date >= as_of:
            continue  # not yet due and not yet done: it counts neither way yet
        score = 1.0 if met and o.met_on <= o.due_date else 0.0
        link = reverse("coordination:decision-detail", args=[o.pk])
        task_id = _first_task(o)
        label = _label(o, score)
        lines.append(Line(o.owner_unit_id, "lead", score, label, link, task_id))
        for unit in o.co_units.all():
            lines.append(Line(unit.pk, "co", score, label, link, task_id))
    return lines


def register() -> None:
    owed.register(DECISION, _("会议议定事项"), due_decisions)
    measures.register(
        "decisions_on_time",
        _("会议议定事项按期办结"),
        decision_lines,
        description=_("联席会议议定事项在完成时限内报告办结的比例；牵头与配合单位分别计。"),
    )
