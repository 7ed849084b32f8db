"""进展报告审核: the reform office's review queue — filters, pages, accept and next, bulk accept."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.audit import services as audit
from duban.execution.models import ProgressReport
from duban.execution.permissions import can_review_submissions, can_see_review_queue
from duban.execution.selectors.queue import current_plan
from duban.execution.selectors.review import ReviewFilters, is_unproblematic, reports_to_review
from duban.execution.services.reports import progress_report_accept_many
from duban.plans.filters import registered
from duban.plans.models import Plan, Task

PER_PAGE = 25
FILTER_KEYS = ("plan", "unit", "area", "status", "period")


def filters_from(params) -> ReviewFilters:
    unit = params.get("unit", "")
    return ReviewFilters(
        unit=int(unit) if unit.isdigit() else None,
        area=params.get("area", "").strip(),
        status=params.get("status", "").strip(),
        period=params.get("period", "").strip() if _is_day(params.get("period", "")) else "",
        task_filters={f.name: params.get(f.name, "") for f in registered()},
    )


def _is_day(text: str) -> bool:
    parts = text.split("-")
    return len(parts) == 3 and all(p.isdigit() for p in parts)


def _plan(params) -> Plan | None:
    plan_id = params.get("plan", "")
    if plan_id.isdigit():
        return get_object_or_404(Plan.objects.published(), pk=plan_id)
    return current_plan()


def query_of(params) -> str:
    """The filters as a query string, to come back to the same queue after a review."""
    keys = (*FILTER_KEYS, *(f.name for f in registered()))
    return urlencode({k: params[k] for k in keys if params.get(k)})


def next_to_review(params) -> str:
    """The first report still waiting in the queue the reviewer filtered, else the queue."""
    plan = _plan(params)
    found = reports_to_review(plan=plan, filters=filters_from(params)).first() if plan else None
    query = query_of(params)
    if found is None:
        return reverse("execution:review-queue") + (f"?{query}" if query else "")
    return reverse("execution:report-detail", args=[found.pk]) + (f"?{query}" if query else "")


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    if not can_see_review_queue(request.user):
        raise PermissionDenied
    plan = _plan(request.GET)
    reports = reports_to_review(plan=plan, filters=filters_from(request.GET)) if plan else []
    page = Paginator(reports, PER_PAGE).get_page(request.GET.get("page"))
    for report in page:
        report.unproblematic = is_unproblematic(report)
    context = {
        "plan": plan,
        "page": page,
        "query": query_of(request.GET),
        "chosen": request.GET,
        "choices": _choices(plan),
        "task_filters": [(f, request.GET.get(f.name, "")) for f in registered()],
        "can_review": can_review_submissions(request.user),
    }
    return render(request, "execution/review_queue.html", context)


def _choices(plan: Plan | None) -> dict:
    if plan is None:
        return {}
    waiting = ProgressReport.objects.filter(task__plan=plan, review=ProgressReport.Review.SUBMITTED)
    units = waiting.values_list("unit_id", "unit__name").distinct().order_by("unit__name")
    periods = waiting.values_list("period_start", flat=True).distinct().order_by("period_start")
    areas = Task.objects.filter(plan=plan, level=1, region__isnull=True, withdrawn=False)
    return {
        "units": list(units),
        "periods": list(periods),
        "areas": list(areas.order_by("position").values_list("path", "title")),
        "statuses": ProgressReport.Status.choices,
    }


@require_POST
@login_required
def review_accept_many(request: HttpRequest) -> HttpResponse:
    if not can_review_submissions(request.user):
        raise PermissionDenied
    plan = _plan(request.POST)
    ids = [int(i) for i in request.POST.getlist("report") if i.isdigit()]
    reports = list(
        ProgressReport.objects.filter(task__plan=plan, pk__in=ids).select_related("task", "unit")
    )
    if not reports:
        messages.error(request, _("请先勾选要采纳的报告。"))
    else:
        try:
            progress_report_accept_many(
                reports=reports, comment=request.POST.get("comment", ""), by=request.user
            )
            messages.success(request, _("已采纳 %(n)d 份报告。") % {"n": len(reports)})
        except (audit.DomainError, audit.StaleEdit) as error:
            messages.error(request, str(error))
    query = query_of(request.POST)
    return redirect(reverse("execution:review-queue") + (f"?{query}" if query else ""))
