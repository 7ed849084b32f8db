"""Writes on leaders' comments (批示): on a task, or on one report of it."""

from django.db import transaction
from django.utils.translation import gettext as _

from duban.audit import services as audit
from duban.directory.models import User
from duban.execution.models import LeaderComment, ProgressReport
from duban.plans.models import Task


@transaction.atomic
def leader_comment_create(
    *, task: Task, text: str, by: User, report: ProgressReport | None = None
) -> LeaderComment:
    """A leader's 批示 on `task` (and `report`, if given); the task's units see it at once."""
    if by.role != User.Role.LEADER:
        raise audit.DomainError(_("只有领导可以作出批示。"))
    if report is not None and report.task_id != task.pk:
        raise audit.DomainError(_("该进展报告不属于这项任务。"))
    if not text.strip():
        raise audit.DomainError(_("批示内容不能为空。"))
    return audit.save(LeaderComment(task=task, report=report, author=by, text=text.strip()), by=by)


@transaction.atomic
def leader_comment_withdraw(*, comment: LeaderComment, by: User) -> LeaderComment:
    """Withdraw a 批示 written by mistake; only its author may, and it stays on record."""
    if comment.author_id != by.pk:
        raise audit.DomainError(_("只能撤销本人的批示。"))
    comment.withdrawn = True
    return audit.save(comment, by=by, fields=["withdrawn"], reason="撤销批示")
