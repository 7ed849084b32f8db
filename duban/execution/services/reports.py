"""Writes on progress reports: fill in (save a draft or submit), accept, return (退回).

The review cycle is draft → submitted → accepted, or submitted → returned (with the reason) →
submitted again. A unit edits its report while it is a draft or returned; the coordinator's
acceptance of a completion claim (已完成) is what makes a task count as done.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duban.audit import services as audit
from duban.directory.models import Unit, User
from duban.directory.selectors import unit_recipients
from duban.execution.models import ProgressReport
from duban.execution.progress import default_percent, period_for, period_label
from duban.execution.selectors.review import is_unproblematic
from duban.execution.services.evidence import evidence_attach
from duban.lib import clock
from duban.lib.clock import as_of_or_today
from duban.notifications.services import notify
from duban.plans.models import Task

Review = ProgressReport.Review

NOT_ASSIGNED = gettext_lazy("本单位未承担该任务，不能报送进展。")
NOT_A_PERIOD = gettext_lazy("报告期不正确：请从本单位工作台或报告列表进入填报。")
NOT_YET = gettext_lazy("报告期尚未开始，不能提前报送。")
NOT_EDITABLE = gettext_lazy("进展报告已报送，正在审核；被退回后才能修改。")
ALREADY_ACCEPTED = gettext_lazy("进展报告已采纳，不能再修改。")
REASON_NEEDED = gettext_lazy(
    "完成进度与“{status}”的默认值 {default}% 不同，请在“进度说明”中写明理由。"
)
NOT_SUBMITTED = gettext_lazy("只有已报送、待审核的报告才能采纳或退回。")
RETURN_NEEDS_REASON = gettext_lazy("退回报告须写明理由，以便报送单位修改。")


@dataclass(frozen=True)
class ReportContent:
    """What a unit writes in a report; the form and the ledger both produce one."""

    status: str
    percent: int | None  # None: take the status's default
    percent_reason: str = ""
    work_done: str = ""
    problems: str = ""
    next_steps: str = ""


def _apply(report: ProgressReport, content: ReportContent) -> None:
    """Copy `content` onto `report`, enforcing the default-percent rule."""
    default = default_percent(content.status, report.period_end)
    percent = default if content.percent is None else content.percent
    reason = content.percent_reason.strip()
    if percent != default and not reason:
        status_label = ProgressReport.Status(content.status).label
        raise audit.DomainError(REASON_NEEDED.format(status=status_label, default=default))
    report.status = content.status
    report.percent = percent
    report.percent_reason = reason if percent != default else ""
    report.work_done = content.work_done.strip()
    report.problems = content.problems.strip()
    report.next_steps = content.next_steps.strip()


def _require_assigned(task: Task, unit: Unit) -> None:
    if not task.assignments.live().for_unit(unit).exists() or task.withdrawn:
        raise audit.DomainError(NOT_ASSIGNED)


def _require_editable(report: ProgressReport) -> None:
    if report.review == Review.SUBMITTED:
        raise audit.DomainError(NOT_EDITABLE)
    if report.review == Review.ACCEPTED:
        raise audit.DomainError(ALREADY_ACCEPTED)


FIELDS = ["status", "percent", "percent_reason", "work_done", "problems", "next_steps"]


@transaction.atomic
def progress_report_save(
    *,
    task: Task,
    unit: Unit,
    period_start: date,
    content: ReportContent,
    seen_version: int | None = None,
    submit: bool = False,
    as_of: date | None = None,
    by: User,
) -> ProgressReport:
    """Create or change `unit`'s report on `task` for the period starting `period_start`.

    With `submit` the report goes to the coordinator (已报送) in the same transaction. Raises
    `DomainError` (not assigned, not editable, a percent off the default without a reason) or
    `StaleEdit` when the report changed since the user loaded it (`seen_version`); when the
    report does not exist yet, `seen_version` must be None (someone else may have started it).
    """
    _require_assigned(task, unit)
    start, end = period_for(period_start, task.plan.report_cadence)
    if start != period_start or start.year != task.plan.year:
        raise audit.DomainError(NOT_A_PERIOD)
    # A period is reported during or after it, never ahead of time.
    if start > as_of_or_today(as_of):
        raise audit.DomainError(NOT_YET)
    report = ProgressReport.objects.filter(task=task, unit=unit, period_start=start).first()
    if report is None:
        if seen_version is not None:
            raise audit.StaleEdit(_("此报告已被删除或不存在，请刷新页面后重试。"))
        report = ProgressReport(task=task, unit=unit, period_start=start, period_end=end)
        _apply(report, content)
        audit.save(report, by=by, reason="进展报告填写")
    else:
        if seen_version is None:
            raise audit.StaleEdit(_("本期报告已由他人开始填写，请刷新页面后在其基础上修改。"))
        _require_editable(report)
        _apply(report, content)
        audit.save(report, by=by, fields=FIELDS, seen_version=seen_version)
    if submit:
        progress_report_submit(report=report, by=by)
    return report


@transaction.atomic
def progress_report_file(
    *,
    task: Task,
    unit: Unit,
    period_start: date,
    content: ReportContent,
    files: list[tuple[str, bytes]] = (),
    seen_version: int | None = None,
    submit: bool = False,
    by: User,
) -> ProgressReport:
    """Save the report with its evidence files and, with `submit`, send it — all or nothing.

    The files are attached before the report is submitted, so the office never reviews a report
    whose evidence is still on its way; any refusal (a file, the percent rule, a stale version)
    leaves nothing saved.
    """
    report = progress_report_save(
        task=task,
        unit=unit,
        period_start=period_start,
        content=content,
        seen_version=seen_version,
        by=by,
    )
    for name, data in files:
        evidence_attach(report=report, name=name, content=data, by=by)
    if submit:
        progress_report_submit(report=report, by=by)
    return report


@transaction.atomic
def progress_report_submit(*, report: ProgressReport, by: User) -> ProgressReport:
    """Send a draft or a returned report to the coordinator for review."""
    _require_editable(report)
    report.review = Review.SUBMITTED
    report.submitted_at = clock.now()
    return audit.save(report, by=by, fields=["review", "submitted_at"], reason="进展报告报送")


def _review(report: ProgressReport, *, review: str, comment: str, seen_version: int, by: User):
    if report.review != Review.SUBMITTED:
        raise audit.DomainError(NOT_SUBMITTED)
    report.review = review
    report.review_comment = comment.strip()
    report.reviewed_at = clock.now()
    report.reviewed_by = by
    fields = ["review", "review_comment", "reviewed_at", "reviewed_by"]
    audit.save(report, by=by, fields=fields, seen_version=seen_version, reason=review)
    _tell_the_unit(report, by=by)
    return report


def _tell_the_unit(report: ProgressReport, *, by: User) -> None:
    """The reporting unit hears the office's answer (queued on commit, like every message)."""
    task = report.task
    period = period_label(report.period_start, task.plan.report_cadence)
    notify(
        users=unit_recipients([report.unit_id]).get(report.unit_id, []),
        kind=f"report.{report.review}",
        title=f"{task.path} {period}进展报告{report.get_review_display()}",
        body=report.review_comment,
        link=reverse("execution:report-detail", args=[report.pk]),
        by=by,
    )


@transaction.atomic
def progress_report_accept(
    *, report: ProgressReport, seen_version: int, comment: str = "", by: User
) -> ProgressReport:
    """Accept (采纳) a submitted report; an accepted 已完成 from the lead makes the task done."""
    return _review(
        report, review=Review.ACCEPTED, comment=comment, seen_version=seen_version, by=by
    )


BULK_NEEDS_REASON = gettext_lazy("批量采纳须写明一条采纳意见。")
BULK_ONLY_UNPROBLEMATIC = gettext_lazy(
    "批量采纳只适用于按计划推进、未报问题的报告；请逐份审核：{reports}"
)


@transaction.atomic
def progress_report_accept_many(
    *, reports: list[ProgressReport], comment: str, by: User
) -> list[ProgressReport]:
    """Accept several unproblematic reports with one comment, all or none.

    Refuses (`DomainError`) without a comment, or when any report names problems, departs from
    the default percent or claims completion or delay; `StaleEdit` if one changed meanwhile.
    """
    if not comment.strip():
        raise audit.DomainError(BULK_NEEDS_REASON)
    refused = [r for r in reports if not is_unproblematic(r)]
    if refused:
        names = "、".join(f"{r.task.path} {r.unit.short_name or r.unit.name}" for r in refused)
        raise audit.DomainError(BULK_ONLY_UNPROBLEMATIC.format(reports=names))
    for report in reports:
        _review(report, review=Review.ACCEPTED, comment=comment, seen_version=report.version, by=by)
    return reports


@transaction.atomic
def progress_report_return(
    *, report: ProgressReport, reason: str, seen_version: int, by: User
) -> ProgressReport:
    """Return (退回) a submitted report to its unit with the reason; the unit edits and resubmits."""
    if not reason.strip():
        raise audit.DomainError(RETURN_NEEDS_REASON)
    return _review(report, review=Review.RETURNED, comment=reason, seen_version=seen_version, by=by)
