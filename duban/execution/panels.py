"""The task page's execution panel: milestones, reports by unit and period, evidence,
extensions and 批示 (registered with `duban.lib.panels`)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from duban.execution.models import Extension, LeaderComment, Milestone, ProgressReport
from duban.execution.permissions import can_comment_task
from duban.lib.clock import today
from duban.plans.models import Task


def task_panel(request: HttpRequest, task: Task) -> str:
    reports = (
        ProgressReport.objects.filter(task=task)
        .exclude(review=ProgressReport.Review.DRAFT)
        .select_related("unit")
        .prefetch_related("evidence")
        .order_by("-period_start", "unit__name")
    )
    context = {
        "task": task,
        "today": today(),
        "milestones": Milestone.objects.filter(task=task, withdrawn=False)
        .select_related("unit")
        .order_by("due_date", "position"),
        "reports": reports,
        "extensions": Extension.objects.filter(task=task)
        .select_related("unit", "milestone")
        .order_by("-requested_at"),
        "comments": LeaderComment.objects.filter(task=task, withdrawn=False)
        .select_related("author")
        .order_by("-created_at"),
        "can_comment": can_comment_task(request.user, task),
    }
    return render_to_string("execution/_task_panel.html", context, request=request)
