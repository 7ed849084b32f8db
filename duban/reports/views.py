import tempfile
from datetime import date
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from duban.audit import services as audit
from duban.lib.clock import today
from duban.plans.models import Plan
from duban.reports.as_of import BadDate, parse_as_of
from duban.reports.bulletin import red_bulletin
from duban.reports.figures import ChartFontMissing
from duban.reports.forms import PublicPageForm
from duban.reports.models import PublicPage
from duban.reports.pdf import PdfUnavailable, write_report
from duban.reports.permissions import (
    access_plan_glance,
    access_plan_public_settings,
    access_plan_to_report,
)
from duban.reports.progress_report import progress_report
from duban.reports.public import public_content
from duban.reports.selectors import area_title, tasks_at_a_glance
from duban.reports.services import public_page_update
from duban.supervision.lights import COLOURS, LABELS

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@login_required
def progress_report_download(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The draft report to the provincial government, as of `?as_of=` (today by default)."""
    return _document_download(request, plan_id, progress_report, _("改革工作进展情况报告"))


@login_required
def bulletin_download(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The bulletin (通报) of red lights to the leadership, as of `?as_of=`."""
    return _document_download(request, plan_id, red_bulletin, _("红灯事项通报"))


def _document_download(request: HttpRequest, plan_id: int, build, label: str) -> HttpResponse:
    plan = access_plan_to_report(request.user, plan_id)
    format = request.GET.get("format", "docx")
    if format not in CONTENT_TYPES:
        format = "docx"
    try:
        as_of = date.fromisoformat(request.GET["as_of"]) if request.GET.get("as_of") else today()
    except ValueError:
        messages.error(request, _("日期格式不正确，应为 YYYY-MM-DD。"))
        return redirect("web:home")
    name = f"{plan.year}年{label}（{as_of.isoformat()}）.{format}"
    with tempfile.TemporaryDirectory() as work:
        output = Path(work) / f"report.{format}"
        try:
            write_report(build(plan=plan, as_of=as_of), output, format=format)
        except (PdfUnavailable, ChartFontMissing) as error:
            messages.error(request, str(error))
            return redirect("web:home")
        content = output.read_bytes()
    response = HttpResponse(content, content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
def task_list(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The units of work behind a chart: `?light=red`, `?area=3`, `?as_of=2012-07-31`."""
    plan = access_plan_glance(request.user, plan_id)
    try:
        as_of = parse_as_of(request.GET.get("as_of"))
    except BadDate as error:
        messages.error(request, str(error))
        as_of = today()
    light = request.GET.get("light") or None
    if light is not None and light not in COLOURS:
        messages.error(request, _("亮灯（light）无效：%s") % light)
        light = None
    area = request.GET.get("area") or None
    title = area_title(plan, area) if area else None
    if area and title is None:
        messages.error(request, _("改革领域（area）不存在：%s") % area)
        area = None
    states = tasks_at_a_glance(plan=plan, as_of=as_of, light=light, area=area)
    context = {
        "plan": plan,
        "as_of": as_of,
        "light": light,
        "light_label": _(LABELS[light]) if light else None,
        "area": area,
        "area_title": title,
        "states": states,
    }
    return render(request, "reports/tasks.html", context)


# ---- Public disclosure (政务公开) ------------------------------------------------------------


def public_plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    """A plan's public page, no login: only what the reform office chose, or 404."""
    page = (
        PublicPage.objects.select_related("plan")
        .filter(plan_id=plan_id, published=True)
        .exclude(plan__status=Plan.Status.DRAFT)
        .first()
    )
    if page is None:
        raise Http404
    context = {"plan": page.plan, "content": public_content(page, today())}
    return render(request, "reports/public.html", context)


@login_required
def public_settings(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The reform office chooses whether and what of the plan is published."""
    plan = access_plan_public_settings(request.user, plan_id)
    page = PublicPage.objects.filter(plan=plan).first()
    form = PublicPageForm(request.POST or None, initial=_public_initial(page))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            public_page_update(
                plan=plan,
                published=data["published"],
                fields=data["fields"],
                by=request.user,
                seen_version=data["version"],
            )
        except (audit.DomainError, audit.StaleEdit) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("政务公开设置已保存。"))
            return redirect("reports:public-settings", plan.pk)
    context = {"plan": plan, "page": page, "form": form}
    return render(request, "reports/public_settings.html", context)


def _public_initial(page: PublicPage | None) -> dict:
    if page is None:
        return {"published": False, "fields": [], "version": None}
    return {"published": page.published, "fields": page.fields, "version": page.version}
