"""Report pages: what a unit owes, filling in a report, reading it, reviewing it, plan progress."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.audit import services as audit
from duban.directory.roles import is_editor, reads_everything
from duban.execution.forms_reports import EvidenceForm, ProgressReportForm, ReviewForm
from duban.execution.models import ProgressReport
from duban.execution.permissions import (
    access_progress_report,
    access_report_slot,
    access_unit_reports,
    can_review_report,
)
from duban.execution.progress import (
    DEFAULT_PERCENT_RULES,
    ROLLUP_FORMULA,
    default_percent,
    period_for,
    report_due,
)
from duban.execution.selectors import reports as selectors
from duban.execution.selectors.missing import missing_report_tally
from duban.execution.selectors.progress import plan_progress
from duban.execution.services.reports import (
    ReportContent,
    progress_report_accept,
    progress_report_file,
    progress_report_return,
    progress_report_submit,
)
from duban.execution.views.review import next_to_review
from duban.lib.clock import today
from duban.plans import selectors as plan_selectors
from duban.plans.models import Plan
from duban.plans.permissions import access_plan

Review = ProgressReport.Review


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    """A unit's reports: owed (late first), returned, recently filed; the office sees the plans."""
    if reads_everything(request.user):
        return render(request, "execution/report_plans.html", _plans_context())
    unit = access_unit_reports(request.user)
    owed = selectors.reports_owed(unit=unit)
    context = {
        "unit": unit,
        "late": [o for o in owed if o.late],
        "current": [o for o in owed if not o.late],
        "returned": selectors.returned_reports(unit=unit),
        "recent": selectors.recent_reports(unit=unit),
        "as_of": today(),
        "is_editor": is_editor(request.user),
    }
    return render(request, "execution/report_list.html", context)


LIST_PAGE = 50  # rows of each list on the reports page; the counts are of all of them


def _plans_context() -> dict:
    """Each published plan with its reports waiting for review and its late ones."""
    as_of = today()
    rows = []
    for plan in Plan.objects.published():
        waiting = list(selectors.reports_awaiting_review(plan=plan))
        # The count is of all of them; the list shows the first page, like the waiting ones.
        late_count = missing_report_tally(plan=plan, as_of=as_of).total
        late = selectors.missing_reports(plan=plan, as_of=as_of, limit=LIST_PAGE)
        rows.append({"plan": plan, "waiting": waiting, "late": late, "late_count": late_count})
    return {"rows": rows, "as_of": as_of}


def _content(form: ProgressReportForm) -> ReportContent:
    data = form.cleaned_data
    fields = ("status", "percent", "percent_reason", "work_done", "problems", "next_steps")
    return ReportContent(**{name: data[name] for name in fields})


def _save(request, form, *, task, unit, period_start) -> ProgressReport | None:
    """Save (and with the 报送 button, submit) the report and its files; None if refused."""
    try:
        report = progress_report_file(
            task=task,
            unit=unit,
            period_start=period_start,
            content=_content(form),
            files=form.cleaned_data["files"],
            seen_version=form.cleaned_data["version"],
            submit="submit" in request.POST,
            by=request.user,
        )
    except (audit.DomainError, audit.StaleEdit) as error:
        form.add_error(None, str(error))
        return None
    done = _("进展报告已报送，等待审核。") if "submit" in request.POST else _("草稿已保存。")
    messages.success(request, done)
    return report


def _form_page(
    request, form, *, task, assignment_role, period_start, period_end, report, last, status
):
    context = {
        "form": form,
        "task": task,
        "role": assignment_role,
        "period_start": period_start,
        "period_end": period_end,
        "due": report_due(period_end),
        "report": report,
        "defaults": _defaults(period_end),
        "last": last,
        "milestones": selectors.task_milestones(task_id=task.pk, unit_id=request.user.unit_id),
    }
    return render(request, "execution/report_form.html", context, status=status)


def _defaults(period_end: date) -> list[tuple[str, int]]:
    """The default percent of each status at this period's end, for the form's help table."""
    labels = dict(ProgressReport.Status.choices)
    return [(labels[s], default_percent(s, period_end)) for s in DEFAULT_PERCENT_RULES]


def _initial_from(report: ProgressReport | None, period_end: date) -> dict:
    """A new report starts from the last one; a percent that was the default follows the clock."""
    if report is None:
        return {"status": ProgressReport.Status.ON_TRACK}
    initial = {
        "status": report.status,
        "work_done": report.work_done,
        "problems": report.problems,
        "next_steps": report.next_steps,
    }
    if report.percent_reason:
        initial.update(percent=report.percent, percent_reason=report.percent_reason)
    return initial


@login_required
def report_fill(request: HttpRequest, task_id: int, period: str) -> HttpResponse:
    """Fill in the unit's report on a task for a period; it starts from the last report."""
    assignment = access_report_slot(request.user, task_id)
    task = assignment.task
    try:
        period_start, period_end = period_for(date.fromisoformat(period), task.plan.report_cadence)
    except ValueError:
        raise Http404 from None
    existing = ProgressReport.objects.filter(
        task=task, unit_id=request.user.unit_id, period_start=period_start
    ).first()
    if existing is not None:
        return redirect("execution:report-edit", existing.pk)
    if request.method == "POST":
        form = ProgressReportForm(request.POST, request.FILES)
        if form.is_valid():
            saved = _save(request, form, task=task, unit=assignment.unit, period_start=period_start)
            if saved is not None:
                return redirect("execution:report-detail", saved.pk)
    # Read once: the new report starts from it, and the page shows it beside the form.
    last = selectors.last_report_before(
        task_id=task.pk, unit_id=request.user.unit_id, period_start=period_start
    )
    if request.method != "POST":
        form = ProgressReportForm(initial=_initial_from(last, period_end))
    return _form_page(
        request,
        form,
        task=task,
        assignment_role=assignment.get_role_display(),
        period_start=period_start,
        period_end=period_end,
        report=None,
        last=last,
        status=422 if form.errors else 200,
    )


@login_required
def report_edit(request: HttpRequest, report_id: int) -> HttpResponse:
    """Change a draft or a returned report (and submit it)."""
    report = access_progress_report(request.user, report_id, write=True)
    if report.review in (Review.SUBMITTED, Review.ACCEPTED):
        messages.warning(request, _("报告已报送或已采纳，不能修改；被退回后才能修改。"))
        return redirect("execution:report-detail", report.pk)
    if request.method == "POST":
        form = ProgressReportForm(request.POST, request.FILES)
        if form.is_valid():
            saved = _save(
                request, form, task=report.task, unit=report.unit, period_start=report.period_start
            )
            if saved is not None:
                return redirect("execution:report-detail", saved.pk)
    else:
        initial = _initial_from(report, report.period_end) | {"version": report.version}
        initial.update(percent=report.percent, percent_reason=report.percent_reason)
        form = ProgressReportForm(initial=initial)
    return _form_page(
        request,
        form,
        task=report.task,
        assignment_role="",
        period_start=report.period_start,
        period_end=report.period_end,
        report=report,
        last=selectors.last_report_before(
            task_id=report.task_id, unit_id=request.user.unit_id, period_start=report.period_start
        ),
        status=422 if form.errors else 200,
    )


@login_required
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    """The report with the other units' parts for the same period beside it, and its review."""
    report = access_progress_report(request.user, report_id)
    context = {
        "report": report,
        "parts": [r for r in selectors.period_reports(report=report) if r.pk != report.pk],
        "evidence": report.evidence.filter(withdrawn=False).order_by("uploaded_at"),
        "history": selectors.report_history(task_id=report.task_id, unit_id=report.unit_id),
        "can_write": _may(access_progress_report, request.user, report.pk, write=True),
        "can_review": can_review_report(request.user, report),
        "review_form": ReviewForm(initial={"version": report.version}),
        "queue_filters": [(k, v) for k, v in request.GET.items() if k != "page"],
        "evidence_form": EvidenceForm(),
    }
    return render(request, "execution/report_detail.html", context)


def _may(access, user, object_id, **flags) -> bool:
    try:
        access(user, object_id, **flags)
    except Exception:  # Http404 or PermissionDenied: the action is not this user's
        return False
    return True


@require_POST
@login_required
def report_submit(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_progress_report(request.user, report_id, write=True)
    try:
        progress_report_submit(report=report, by=request.user)
        messages.success(request, _("进展报告已报送，等待审核。"))
    except audit.DomainError as error:
        messages.error(request, str(error))
    return redirect("execution:report-detail", report.pk)


def _review(request: HttpRequest, report_id: int, service, done: str) -> HttpResponse:
    report = access_progress_report(request.user, report_id, review=True)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("审核表单有误，请刷新页面后重试。"))
        return redirect("execution:report-detail", report.pk)
    try:
        service(report, form.cleaned_data["comment"], form.cleaned_data["version"], request.user)
        messages.success(request, done)
    except (audit.DomainError, audit.StaleEdit) as error:
        messages.error(request, str(error))
        return redirect("execution:report-detail", report.pk)
    # 采纳并审核下一份: on to the next report of the queue the reviewer filtered.
    if request.POST.get("and_next"):
        return redirect(next_to_review(request.POST))
    return redirect("execution:report-detail", report.pk)


@require_POST
@login_required
def report_accept(request: HttpRequest, report_id: int) -> HttpResponse:
    def accept(report, comment, version, by):
        progress_report_accept(report=report, comment=comment, seen_version=version, by=by)

    return _review(request, report_id, accept, _("已采纳该报告。"))


@require_POST
@login_required
def report_return(request: HttpRequest, report_id: int) -> HttpResponse:
    def send_back(report, comment, version, by):
        progress_report_return(report=report, reason=comment, seen_version=version, by=by)

    return _review(request, report_id, send_back, _("已退回该报告，报送单位将看到退回理由。"))


@login_required
def plan_progress_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The plan → area → task tree with rolled-up percents; the formula is on the page.

    Every signed-in role reads it: the plan is a published document and the roll-up shows
    percents only, never a unit's narrative.
    """
    # A draft plan's progress is the coordinator's only, like the plan itself: access_plan.
    plan = access_plan(request.user, plan_id)
    progress = plan_progress(plan=plan)
    # The whole plan rolls up; a large one is shown an area at a time (the areas' rows always).
    rows, shown = progress.rows, None
    if len(rows) > plan_selectors.WHOLE_TREE_UP_TO:
        areas = [row.task.path for row in rows if row.depth == 1]
        shown = request.GET.get("area") if request.GET.get("area") in areas else areas[0]
        rows = [r for r in rows if r.depth == 1 or r.task.path.split(".")[0] == shown]
    context = {
        "progress": progress,
        "rows": rows,
        "shown_area": shown,
        "formula": ROLLUP_FORMULA,
        "total_width": int(5 * round(progress.percent / 5)),
    }
    return render(request, "execution/progress_plan.html", context)
