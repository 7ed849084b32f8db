"""The report ledger: download what the unit owes as .xlsx, upload it back filled in."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from duban.directory.roles import is_editor
from duban.execution.forms_reports import LedgerUploadForm
from duban.execution.permissions import access_unit_reports
from duban.execution.services.ledger import LedgerRejected, ledger_download, ledger_upload
from duban.lib.clock import today

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _editor_unit(user):
    unit = access_unit_reports(user)
    # The ledger is for filling in: the unit's viewers read reports on the pages instead.
    if not is_editor(user):
        raise PermissionDenied
    return unit


@login_required
def ledger_download_view(request: HttpRequest) -> HttpResponse:
    unit = _editor_unit(request.user)
    as_of = today()
    response = HttpResponse(ledger_download(unit=unit, as_of=as_of), content_type=XLSX)
    name = f"{unit.short_name or unit.name}进展台账{as_of:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


@login_required
def ledger_upload_view(request: HttpRequest) -> HttpResponse:
    unit = _editor_unit(request.user)
    errors = []
    if request.method == "POST":
        form = LedgerUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                saved = ledger_upload(
                    unit=unit, content=form.cleaned_data["file"].read(), by=request.user
                )
                messages.success(request, _("台账已导入，报送 {n} 份报告。").format(n=len(saved)))
                return redirect("execution:report-list")
            except LedgerRejected as rejected:
                errors = rejected.errors
    else:
        form = LedgerUploadForm()
    status = 422 if errors or form.errors else 200
    context = {"form": form, "errors": errors, "unit": unit}
    return render(request, "execution/ledger_upload.html", context, status=status)
