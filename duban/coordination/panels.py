"""The coordination panels shown on other apps' pages (registered with `duban.lib.panels`)."""

from django.template.loader import render_to_string

from duban.coordination.permissions import can_raise_issue
from duban.coordination.selectors import decisions_of_unit, task_coordination
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
