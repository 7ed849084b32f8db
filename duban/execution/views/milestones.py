"""Pages for milestones: add a row inline (htmx), edit, withdraw, tick as met."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.audit import services as audit
from duban.execution.forms_plans import MilestoneEditForm, MilestoneForm, MilestoneTickForm
from duban.execution.models import Milestone
from duban.execution.permissions import access_implementation_plan, access_milestone
from duban.execution.services.implementation_plans import submission_gaps
from duban.execution.services.milestones import (
    milestone_add,
    milestone_evidence_attach,
    milestone_tick,
    milestone_update,
    milestone_withdraw,
)
from duban.lib.clock import today


@require_POST
@login_required
def milestone_create(
    request: HttpRequest, implementation_plan_id: int, task_id: int
) -> HttpResponse:
    ip = access_implementation_plan(request.user, implementation_plan_id, write=True)
    commitment = get_object_or_404(ip.commitments.select_related("task"), task_id=task_id)
    form = MilestoneForm(request.POST, prefix=f"m{task_id}")
    if form.is_valid():
        try:
            milestone_add(
                implementation_plan=ip, task=commitment.task, by=request.user, **form.cleaned_data
            )
        except audit.DomainError as error:
            form.add_error(None, str(error))
        else:
            form = MilestoneForm(prefix=f"m{task_id}")
    if not request.htmx:
        if form.errors:
            messages.error(request, " ".join(_error_texts(form)))
        return redirect("execution:plan-edit", ip.pk)
    milestones = Milestone.objects.filter(implementation_plan=ip, task_id=task_id, withdrawn=False)
    context = {
        "ip": ip,
        "section": {"task": commitment.task, "milestones": milestones, "milestone_form": form},
        "today": today(),
        # The list of what still keeps the plan from being submitted changes with each row.
        "gaps": submission_gaps(ip),
        "gaps_out_of_band": True,
    }
    return render(request, "execution/_plan_task_milestones.html", context)


def _error_texts(form) -> list[str]:
    return [str(e) for errors in form.errors.values() for e in errors]


@login_required
def milestone_edit(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = access_milestone(request.user, milestone_id, write=True)
    initial = {f: getattr(milestone, f) for f in MilestoneForm.base_fields} | {
        "version": milestone.version
    }
    form = MilestoneEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        seen_version = data.pop("version")
        try:
            milestone_update(
                milestone=milestone, seen_version=seen_version, by=request.user, **data
            )
        except (audit.StaleEdit, audit.DomainError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("里程碑已保存。"))
            return redirect(_back_to(milestone))
    return render(request, "execution/milestone_form.html", {"milestone": milestone, "form": form})


def _back_to(milestone: Milestone) -> str:
    ip = milestone.implementation_plan
    if ip is not None and ip.status in (ip.Status.DRAFT, ip.Status.RETURNED):
        return reverse("execution:plan-edit", args=[ip.pk])
    if ip is not None:
        return reverse("execution:plan-detail", args=[ip.pk])
    return reverse("execution:workspace")


@require_POST
@login_required
def milestone_withdraw_view(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = access_milestone(request.user, milestone_id, write=True)
    try:
        milestone_withdraw(
            milestone=milestone, seen_version=int(request.POST.get("version") or 0), by=request.user
        )
    except (audit.StaleEdit, audit.DomainError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("里程碑已撤销（记录保留）。"))
    return redirect(_back_to(milestone))


@login_required
def milestone_tick_view(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = access_milestone(request.user, milestone_id, write=True)
    form = MilestoneTickForm(
        request.POST or None, request.FILES or None, initial={"version": milestone.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            _tick(request, milestone, form.cleaned_data)
        except (audit.StaleEdit, audit.DomainError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("已标记完成：%(title)s") % {"title": milestone.title})
            return redirect(_next_or(request, _back_to(milestone)))
    context = {
        "milestone": milestone,
        "form": form,
        "next": request.GET.get("next", ""),
        "evidence": milestone.evidence.filter(withdrawn=False),
    }
    return render(request, "execution/milestone_tick.html", context)


@transaction.atomic
def _tick(request: HttpRequest, milestone: Milestone, data: dict) -> None:
    """The tick and its file stand or fall together: a refused file leaves the milestone open."""
    milestone_tick(
        milestone=milestone,
        met_on=data["met_on"],
        met_note=data["met_note"],
        seen_version=data["version"],
        by=request.user,
    )
    upload = data.get("evidence")
    if upload:
        milestone_evidence_attach(
            milestone=milestone, name=upload.name, content=upload.read(), by=request.user
        )


def _next_or(request: HttpRequest, fallback: str) -> str:
    """The page the form was opened from (workspace, report form), if it is one of ours."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback
