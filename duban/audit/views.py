"""The audit administrator's pages: search the audit trail, export what the search found."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from duban.audit.forms import AuditSearchForm
from duban.audit.permissions import can_read_audit
from duban.audit.selectors import AuditFilter, audit_search


def _filter(request: HttpRequest) -> tuple[AuditSearchForm, AuditFilter | None]:
    if not can_read_audit(request.user):
        raise PermissionDenied
    form = AuditSearchForm(request.GET or None)
    if not request.GET:
        return form, AuditFilter()
    if not form.is_valid():
        return form, None
    return form, AuditFilter(
        **{
            k: v or AuditFilter.__dataclass_fields__[k].default
            for k, v in form.cleaned_data.items()
        }
    )


@require_GET
@login_required
def search(request: HttpRequest) -> HttpResponse:
    form, f = _filter(request)
    if f is None:
        return render(request, "audit/search.html", {"form": form, "page": None}, status=422)
    page = Paginator(audit_search(f), 100).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "audit/search.html", context)


class _Echo:
    def write(self, value):
        return value


COLUMNS = (
    "id",
    "at",
    "kind",
    "actor_name",
    "object_label",
    "object_id",
    "history_id",
    "action",
    "detail",
    "ip",
    "hash",
    "prev_hash",
)


@require_GET
@login_required
def export(request: HttpRequest) -> HttpResponse:
    """The found entries as CSV (UTF-8 with BOM, so that Excel reads the Chinese right)."""
    form, f = _filter(request)
    if f is None:
        return render(request, "audit/search.html", {"form": form, "page": None}, status=422)
    writer = csv.writer(_Echo())
    header = [
        _("编号"),
        _("时间"),
        _("类别"),
        _("操作人"),
        _("对象类型"),
        _("对象编号"),
        _("历史记录编号"),
        _("操作"),
        _("说明"),
        _("来源地址"),
        _("哈希"),
        _("前一条哈希"),
    ]

    def rows():
        yield "\ufeff" + writer.writerow(header)
        for entry in audit_search(f).iterator(chunk_size=2000):
            values = [getattr(entry, c) for c in COLUMNS]
            values[1] = timezone.localtime(entry.at).isoformat()
            yield writer.writerow(values)

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit.csv"'
    return response
