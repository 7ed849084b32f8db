"""The leader's 批示 form, on a task or one of its reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from duban.audit import services as audit
from duban.execution.forms_plans import LeaderCommentForm
from duban.execution.models import LeaderComment
from duban.execution.permissions import access_task_to_comment
from duban.execution.services.comments import leader_comment_create


@login_required
def comment_add(request: HttpRequest, task_id: int) -> HttpResponse:
    task = access_task_to_comment(request.user, task_id)
    report_id = request.GET.get("report") or request.POST.get("report")
    report = get_object_or_404(task.reports, pk=report_id) if report_id else None
    form = LeaderCommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            leader_comment_create(
                task=task, report=report, text=form.cleaned_data["text"], by=request.user
            )
        except audit.DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("批示已发送，承担单位即可看到。"))
            return redirect("execution:queue")
    earlier = LeaderComment.objects.filter(task=task, withdrawn=False).select_related("author")
    context = {"task": task, "report": report, "form": form, "earlier": earlier}
    return render(request, "execution/comment_form.html", context)
