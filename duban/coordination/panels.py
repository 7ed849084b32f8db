"""The coordination panels shown on other apps' pages (registered with `duban.lib.panels`) and
the plan tree's 协调 column (registered with `duban.plans.badges`)."""

from django.template.loader import render_to_string
from django.utils.html import format_html

from duban.coordination.models import CoordinationIssue
from duban.coordination.permissions import can_raise_issue
from duban.coordination.selectors import OPEN, decisions, decisions_of_unit, task_coordination
from duban.directory.roles import is_editor, is_viewer
from duban.lib.clock import today


def task_panel(request, task) -> str:
    """On the task page: issues raised on the task, decisions touching it, and their history."""
    record = task_coordination(task, as_of=today())
    can_raise = can_raise_issue(request.user, task)
    if not (record.issues or record.decisions or can_raise):
        return ""
    context = {"record": record, "task": task, "can_raise": can_raise}
    return render_to_string("coordination/_task_panel.html", context, request=request)


def workspace_panel(request, _obj=None) -> str:
    """On a unit's workspace: the meeting decisions it owns or supports, with their lights."""
    user = request.user
    if not (user.unit_id and (is_editor(user) or is_viewer(user))):
        return ""
    rows = decisions_of_unit(user.unit, as_of=today())
    if not rows:
        return ""
    return render_to_string("coordination/_workspace_panel.html", {"rows": rows}, request=request)


def issue_cells(tasks) -> dict[int, str]:
    """task id → a badge counting its open issues and unfinished decisions; empty when none."""
    ids = [task.pk for task in tasks]
    issues: dict[int, int] = {}
    for task_id in CoordinationIssue.objects.filter(task_id__in=ids, status__in=OPEN).values_list(
        "task_id", flat=True
    ):
        issues[task_id] = issues.get(task_id, 0) + 1
    owed: dict[int, int] = {}
    for task_id in (
        decisions().filter(tasks__in=ids, met_on__isnull=True).values_list("tasks", flat=True)
    ):
        owed[task_id] = owed.get(task_id, 0) + 1
    cells = {}
    for task_id in set(issues) | set(owed):
        text = "、".join(
            part
            for part in (
                f"协调{issues[task_id]}" if task_id in issues else "",
                f"议定{owed[task_id]}" if task_id in owed else "",
            )
            if part
        )
        cells[task_id] = format_html('<span class="badge badge-yellow">{}</span>', text)
    return cells
