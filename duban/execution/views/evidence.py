"""Evidence files: add to a report (htmx row), download, withdraw."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.audit import services as audit
from duban.execution.forms_reports import EvidenceForm
from duban.execution.permissions import access_evidence, access_progress_report
from duban.execution.services.evidence import evidence_attach, evidence_withdraw


def _evidence_panel(request, report, form, status=200) -> HttpResponse:
    context = {
        "report": report,
        "evidence": report.evidence.filter(withdrawn=False).order_by("uploaded_at"),
        "evidence_form": form,
        "can_write": True,
    }
    return render(request, "execution/_report_evidence.html", context, status=status)


@require_POST
@login_required
def evidence_add(request: HttpRequest, report_id: int) -> HttpResponse:
    """Attach files to a report; htmx swaps the evidence panel, a plain post goes back."""
    report = access_progress_report(request.user, report_id, write=True)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            for name, content in form.cleaned_data["files"]:
                evidence_attach(report=report, name=name, content=content, by=request.user)
            form = EvidenceForm()
        except audit.DomainError as error:
            form.add_error("files", str(error))
    status = 422 if form.errors else 200
    if request.headers.get("HX-Request"):
        return _evidence_panel(request, report, form, status=status)
    for error in form.errors.get("files", []):
        messages.error(request, error)
    return redirect("execution:report-detail", report.pk)


@login_required
def evidence_download(request: HttpRequest, evidence_id: int) -> FileResponse:
    evidence = access_evidence(request.user, evidence_id)
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )


@require_POST
@login_required
def evidence_withdraw_view(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = access_evidence(request.user, evidence_id, write=True)
    try:
        evidence_withdraw(evidence=evidence, by=request.user)
        messages.success(request, _("已撤销“{name}”。").format(name=evidence.original_name))
    except audit.DomainError as error:
        messages.error(request, str(error))
    if evidence.report_id:
        return redirect("execution:report-detail", evidence.report_id)
    return redirect("execution:report-list")
