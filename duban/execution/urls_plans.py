"""URLs for implementation plans, milestones, extensions, 批示, the workspace and the queue."""

from django.urls import path

from duban.execution.views import (
    comments,
    extensions,
    implementation_plans,
    milestones,
    queue,
    workspace,
)

urlpatterns = [
    # The unit's workspace and the reform office's queue.
    path("", workspace.workspace, name="workspace"),
    path("queue/", queue.queue, name="queue"),
    # Implementation plans (实施方案): a unit starts one for a plan, edits, submits; review.
    path(
        "plans/<int:plan_id>/implementation-plan/",
        implementation_plans.plan_start,
        name="plan-start",
    ),
    path(
        "implementation-plans/<int:implementation_plan_id>/",
        implementation_plans.plan_detail,
        name="plan-detail",
    ),
    path(
        "implementation-plans/<int:implementation_plan_id>/edit/",
        implementation_plans.plan_edit,
        name="plan-edit",
    ),
    path(
        "implementation-plans/<int:implementation_plan_id>/submit/",
        implementation_plans.plan_submit,
        name="plan-submit",
    ),
    path(
        "implementation-plans/<int:implementation_plan_id>/file/",
        implementation_plans.plan_file,
        name="plan-file",
    ),
    path(
        "implementation-plans/<int:implementation_plan_id>/attachments/",
        implementation_plans.plan_attach,
        name="plan-attach",
    ),
    path(
        "implementation-plans/<int:implementation_plan_id>/return/",
        implementation_plans.plan_return,
        name="plan-return",
    ),
    # Milestones: added inline on the plan, edited, withdrawn, ticked as met.
    path(
        "implementation-plans/<int:implementation_plan_id>/tasks/<int:task_id>/milestones/",
        milestones.milestone_create,
        name="milestone-add",
    ),
    path("milestones/<int:milestone_id>/edit/", milestones.milestone_edit, name="milestone-edit"),
    path(
        "milestones/<int:milestone_id>/withdraw/",
        milestones.milestone_withdraw_view,
        name="milestone-withdraw",
    ),
    path(
        "milestones/<int:milestone_id>/tick/", milestones.milestone_tick_view, name="milestone-tick"
    ),
    # Extensions (延期申请): asked for a milestone or a task's deadline; decided in the queue.
    path(
        "milestones/<int:milestone_id>/extension/",
        extensions.extension_request_milestone,
        name="extension-request",
    ),
    path(
        "tasks/<int:task_id>/extension/",
        extensions.extension_request_task,
        name="extension-request-task",
    ),
    path(
        "extensions/<int:extension_id>/approve/",
        extensions.extension_approve_view,
        name="extension-approve",
    ),
    path(
        "extensions/<int:extension_id>/refuse/",
        extensions.extension_refuse_view,
        name="extension-refuse",
    ),
    # Leaders' comments (批示).
    path("tasks/<int:task_id>/comments/", comments.comment_add, name="comment-add"),
]
