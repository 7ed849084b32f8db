"""The task page's supervision panel: the light with its reasons and, for those allowed, 催办
(registered with `duban.lib.panels`)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from duban.plans.models import Task
from duban.supervision.permissions import can_urge
from duban.supervision.selectors import lights_for_tasks


def task_panel(request: HttpRequest, task: Task) -> str:
    if task.plan.status != task.plan.Status.PUBLISHED:
        return ""
    context = {
        "task": task,
        "light": lights_for_tasks([task]).get(task.pk),
        "can_urge": can_urge(request.user),
    }
    return render_to_string("supervision/_task_panel.html", context, request=request)
