"""Pages for extensions: a unit asks (for a milestone or its task); the coordinator decides."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.audit import services as audit
from duban.execution.forms_plans import ExtensionDecisionForm, ExtensionRequestForm
from duban.execution.permissions import access_extension, access_lead_task, access_milestone
from duban.execution.services.extensions import (
    extension_approve,
    extension_refusal,
    extension_refuse,
    extension_request,
)


@login_required
def extension_request_milestone(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = access_milestone(request.user, milestone_id, write=True)
    return _request(request, task=milestone.task, milestone=milestone)


@login_required
def extension_request_task(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access_lead_task(request.user, task_id)
    return _request(request, task=task, milestone=None)


def _request(request: HttpRequest, *, task, milestone) -> HttpResponse:
    old_due = milestone.due_date if milestone else task.due_date
    # A request that could only be refused is not offered: the page says why instead.
    refusal = extension_refusal(task=task, milestone=milestone)
    if refusal:
        context = {"task": task, "milestone": milestone, "old_due": old_due, "refusal": refusal}
        return render(request, "execution/extension_form.html", context, status=409)
    # A month later is the usual ask; the unit changes it if it needs more or less.
    initial = {"new_due": old_due + timedelta(days=30)} if old_due else {}
    form = ExtensionRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            extension_request(task=task, milestone=milestone, by=request.user, **form.cleaned_data)
        except audit.DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("延期申请已提交，等待审批。"))
            return redirect("execution:workspace")
    context = {"task": task, "milestone": milestone, "old_due": old_due, "form": form}
    return render(request, "execution/extension_form.html", context)


@require_POST
@login_required
def extension_approve_view(request: HttpRequest, extension_id: int) -> HttpResponse:
    extension = access_extension(request.user, extension_id, decide=True)
    return _decide(request, extension, extension_approve, _("已批准延期。"))


@require_POST
@login_required
def extension_refuse_view(request: HttpRequest, extension_id: int) -> HttpResponse:
    extension = access_extension(request.user, extension_id, decide=True)
    return _decide(request, extension, extension_refuse, _("已不予批准。"))


def _decide(request, extension, service, done_message) -> HttpResponse:
    form = ExtensionDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请刷新页面后重试。"))
        return redirect("execution:queue")
    try:
        service(
            extension=extension,
            by=request.user,
            comment=form.cleaned_data["comment"],
            seen_version=form.cleaned_data["version"],
        )
    except (audit.StaleEdit, audit.DomainError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done_message)
    return redirect("execution:queue")
