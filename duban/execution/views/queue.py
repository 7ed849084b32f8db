"""审核督办: the reform office's queue — review plans and extensions, see what is late."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from duban.execution.forms_plans import ExtensionDecisionForm, ReviewForm
from duban.execution.permissions import (
    can_comment,
    can_review_submissions,
    can_see_review_queue,
)
from duban.execution.selectors.queue import coordinator_queue, current_plan
from duban.execution.views.workspace import as_of_from
from duban.plans.models import Plan


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not can_see_review_queue(request.user):
        raise PermissionDenied
    plan_id = request.GET.get("plan")
    plan = get_object_or_404(Plan.objects.published(), pk=plan_id) if plan_id else current_plan()
    context = {
        "queue": coordinator_queue(plan=plan, as_of=as_of_from(request)) if plan else None,
        "plans": Plan.objects.published().order_by("-year"),
        "can_review": can_review_submissions(request.user),
        "can_comment": can_comment(request.user),
        "review_form": ReviewForm(),
        "decision_form": ExtensionDecisionForm(),
    }
    return render(request, "execution/queue.html", context)
