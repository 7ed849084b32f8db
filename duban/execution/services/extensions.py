"""Writes on extensions (延期申请): a unit asks before the date falls due, the coordinator decides.

An approved extension moves the milestone's (or the task's) due date; the filed baseline is
left as it was, so the move shows as drift.
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.directory.models import User
from duban.execution.models import Extension, Milestone
from duban.lib import clock
from duban.lib.clock import as_of_or_today
from duban.lib.dates import chinese_date
from duban.plans.models import Task

Status = Extension.Status


# A deadline moves within the span a reform plan looks ahead to: its year and the four after
# (multi-year tasks run 2–3 years, 力争用2-3年时间); a date beyond is a typing slip.
HORIZON_YEARS = 5


def extension_horizon(task: Task) -> date:
    return date(task.plan.year + HORIZON_YEARS - 1, 12, 31)


def extension_refusal(
    *, task: Task, milestone: Milestone | None, as_of: date | None = None
) -> str | None:
    """Why no request for this due date could be granted now, whatever the unit types; None
    when one may be asked. The form is not offered while there is a reason."""
    today = as_of_or_today(as_of)
    old_due = milestone.due_date if milestone else task.due_date
    if old_due is None:
        return _("该任务没有完成时限，无需申请延期。")
    if milestone is not None and (milestone.met_on or milestone.withdrawn):
        return _("已完成或已撤销的里程碑无需延期。")
    if today > old_due:
        return _("延期须在时限到期前申请；该时限已于%(due)s到期。") % {"due": chinese_date(old_due)}
    if old_due >= extension_horizon(task):
        return _("该时限已是年度计划允许的最晚时限，不能再延期。")
    pending = Extension.objects.filter(task=task, milestone=milestone, status=Status.REQUESTED)
    if pending.exists():
        return _("已有一份延期申请在等待审批。")
    return None


@transaction.atomic
def extension_request(
    *,
    task: Task,
    milestone: Milestone | None,
    new_due: date,
    reason: str,
    by: User,
    as_of: date | None = None,
) -> Extension:
    """Ask to move a milestone's due date (or, with no milestone, the task's) to `new_due`.

    Only before the date falls due, only later than it is, and one open request at a time.
    """
    old_due = milestone.due_date if milestone else task.due_date
    if refusal := extension_refusal(task=task, milestone=milestone, as_of=as_of):
        raise audit.DomainError(refusal)
    if new_due <= old_due:
        raise audit.DomainError(_("申请的新时限须晚于原时限。"))
    horizon = extension_horizon(task)
    if new_due > horizon:
        raise audit.DomainError(
            _("申请的新时限不能晚于%(horizon)s（年度计划起%(years)s年内）。")
            % {"horizon": f"{horizon.year}年12月31日", "years": HORIZON_YEARS}
        )
    if not reason.strip():
        raise audit.DomainError(_("请写明申请延期的理由。"))
    extension = Extension(
        task=task,
        milestone=milestone,
        unit=milestone.unit if milestone else by.unit,
        requested_by=by,
        reason=reason.strip(),
        old_due=old_due,
        new_due=new_due,
    )
    return audit.save(extension, by=by, reason="申请延期")


def _decide(extension: Extension, *, status: str, comment: str, by: User, seen_version) -> None:
    if extension.status != Status.REQUESTED:
        raise audit.DomainError(_("该延期申请已经审批。"))
    extension.status = status
    extension.decided_by = by
    extension.decided_at = clock.now()
    extension.decision_comment = comment.strip()
    audit.save(
        extension,
        by=by,
        fields=["status", "decided_by", "decided_at", "decision_comment"],
        seen_version=seen_version,
        reason=str(Status(status).label),
    )


@transaction.atomic
def extension_approve(
    *, extension: Extension, by: User, comment: str = "", seen_version: int | None = None
) -> Extension:
    """Approve: the due date moves to the new one; the filed baseline stays as it was."""
    _decide(extension, status=Status.APPROVED, comment=comment, by=by, seen_version=seen_version)
    target = extension.milestone or extension.task
    target.due_date = extension.new_due
    audit.save(target, by=by, fields=["due_date"], cause=Cause.CASCADE, reason="延期获批")
    return extension


@transaction.atomic
def extension_refuse(
    *, extension: Extension, by: User, comment: str, seen_version: int | None = None
) -> Extension:
    """Refuse with the reason; the due date stays."""
    if not comment.strip():
        raise audit.DomainError(_("不批准延期须写明理由。"))
    _decide(extension, status=Status.REFUSED, comment=comment, by=by, seen_version=seen_version)
    return extension
