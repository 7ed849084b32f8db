"""Pages for implementation plans: start, edit, submit; the coordinator files or returns."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.audit import services as audit
from duban.directory.roles import reads_everything
from duban.execution.forms_plans import (
    AttachmentForm,
    CommitmentForm,
    ImplementationPlanForm,
    MilestoneForm,
    ReviewForm,
)
from duban.execution.models import ImplementationPlan, LeaderComment
from duban.execution.permissions import (
    access_implementation_plan,
    access_plan_to_file,
    can_comment,
    can_edit_implementation_plan,
    can_review_implementation_plan,
    can_tick_milestones,
)
from duban.execution.selectors.implementation_plans import (
    drift,
    filing_deadline_of,
    implementation_plan_detail,
    submitted_late,
)
from duban.execution.services.implementation_plans import (
    commitment_update,
    implementation_plan_attach,
    implementation_plan_file,
    implementation_plan_return,
    implementation_plan_start,
    implementation_plan_submit,
    implementation_plan_update,
    submission_gaps,
)
from duban.lib.clock import today
from duban.plans.models import Task


@require_POST
@login_required
def plan_start(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan_to_file(request.user, plan_id)
    implementation_plan = implementation_plan_start(
        plan=plan, unit=request.user.unit, by=request.user
    )
    return redirect("execution:plan-edit", implementation_plan.pk)


@login_required
def plan_detail(request: HttpRequest, implementation_plan_id: int) -> HttpResponse:
    access_implementation_plan(request.user, implementation_plan_id)
    implementation_plan = implementation_plan_detail(implementation_plan_id)
    return render(
        request, "execution/plan_detail.html", _detail_context(request, implementation_plan)
    )


def _detail_context(request: HttpRequest, implementation_plan: ImplementationPlan) -> dict:
    user = request.user
    task_ids = [c.task_id for c in implementation_plan.commitments.all()]
    comments = LeaderComment.objects.filter(task_id__in=task_ids, withdrawn=False).select_related(
        "author"
    )
    comments_by_task: dict[int, list] = {}
    for comment in comments:
        comments_by_task.setdefault(comment.task_id, []).append(comment)
    milestones_by_task: dict[int, list] = {}
    for milestone in implementation_plan.live_milestones:
        milestones_by_task.setdefault(milestone.task_id, []).append(milestone)
    sections = [
        {
            "commitment": c,
            "task": c.task,
            "milestones": milestones_by_task.get(c.task_id, []),
            "comments": comments_by_task.get(c.task_id, []),
        }
        for c in implementation_plan.commitments.all()
    ]
    return {
        "ip": implementation_plan,
        "sections": sections,
        "late": submitted_late(implementation_plan, filing_deadline_of(implementation_plan)),
        "drift": drift(implementation_plan),
        "history": implementation_plan.history.select_related("history_user").order_by(
            "history_date"
        ),
        "today": today(),
        "can_edit": can_edit_implementation_plan(user, implementation_plan),
        "can_tick": can_tick_milestones(user, implementation_plan),
        "can_review": can_review_implementation_plan(user, implementation_plan),
        "can_comment": can_comment(user),
        "reads_everything": reads_everything(user),
        "review_form": ReviewForm(initial={"version": implementation_plan.version}),
    }


@login_required
def plan_edit(request: HttpRequest, implementation_plan_id: int) -> HttpResponse:
    ip = access_implementation_plan(request.user, implementation_plan_id, write=True)
    ip = implementation_plan_detail(ip.pk)
    data = request.POST if request.method == "POST" else None
    form = ImplementationPlanForm(data, initial={"narrative": ip.narrative, "version": ip.version})
    commitment_forms = [
        CommitmentForm(
            data,
            prefix=f"c{c.pk}",
            multi_year=c.task.kind == Task.Kind.MULTI_YEAR,
            form_id="plan-form",
            initial={"criterion": c.criterion, "steps": c.steps, "version": c.version},
        )
        for c in ip.commitments.all()
    ]
    if data is not None and form.is_valid() and all(f.is_valid() for f in commitment_forms):
        try:
            _save_plan(request, ip, form, commitment_forms)
        except (audit.StaleEdit, audit.DomainError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("实施方案已保存。"))
            if "submit" in request.POST:
                return plan_submit(request, ip.pk)
            return redirect("execution:plan-edit", ip.pk)
    return render(request, "execution/plan_edit.html", _edit_context(ip, form, commitment_forms))


def _save_plan(request, ip, form, commitment_forms) -> None:
    """Save what changed; an untouched part of the page leaves no audit row."""
    if form.has_changed():
        implementation_plan_update(
            implementation_plan=ip,
            narrative=form.cleaned_data["narrative"],
            seen_version=form.cleaned_data["version"],
            by=request.user,
        )
    for commitment, commitment_form in zip(ip.commitments.all(), commitment_forms, strict=True):
        if not commitment_form.has_changed():
            continue
        commitment_update(
            commitment=commitment,
            criterion=commitment_form.cleaned_data["criterion"],
            steps=commitment_form.cleaned_data["steps"],
            seen_version=commitment_form.cleaned_data["version"],
            by=request.user,
        )


def _edit_context(ip, form, commitment_forms) -> dict:
    milestones_by_task: dict[int, list] = {}
    for milestone in ip.live_milestones:
        milestones_by_task.setdefault(milestone.task_id, []).append(milestone)
    sections = [
        {
            "commitment": c,
            "task": c.task,
            "form": f,
            "milestones": milestones_by_task.get(c.task_id, []),
            "milestone_form": MilestoneForm(prefix=f"m{c.task_id}"),
        }
        for c, f in zip(ip.commitments.all(), commitment_forms, strict=True)
    ]
    return {
        "ip": ip,
        "form": form,
        "attachment_form": AttachmentForm(),
        "sections": sections,
        "gaps": submission_gaps(ip),
        "today": today(),
    }


@require_POST
@login_required
def plan_submit(request: HttpRequest, implementation_plan_id: int) -> HttpResponse:
    ip = access_implementation_plan(request.user, implementation_plan_id, write=True)
    try:
        implementation_plan_submit(implementation_plan=ip, by=request.user)
    except audit.DomainError as error:
        messages.error(request, str(error))
        return redirect("execution:plan-edit", ip.pk)
    messages.success(request, _("实施方案已报送，等待审核备案。"))
    return redirect("execution:plan-detail", ip.pk)


@require_POST
@login_required
def plan_file(request: HttpRequest, implementation_plan_id: int) -> HttpResponse:
    ip = access_implementation_plan(request.user, implementation_plan_id, review=True)
    return _review(request, ip, implementation_plan_file, _("已备案：%(unit)s"))


@require_POST
@login_required
def plan_return(request: HttpRequest, implementation_plan_id: int) -> HttpResponse:
    ip = access_implementation_plan(request.user, implementation_plan_id, review=True)
    return _review(request, ip, implementation_plan_return, _("已退回：%(unit)s"))


def _review(request, ip, service, done_message) -> HttpResponse:
    """File or return, from the plan's page or the queue; back to where the button was."""
    form = ReviewForm(request.POST)
    back = request.POST.get("next") or ""
    if not form.is_valid():
        messages.error(request, _("请刷新页面后重试。"))
    else:
        try:
            service(
                implementation_plan=ip,
                by=request.user,
                comment=form.cleaned_data["comment"],
                seen_version=form.cleaned_data["version"],
            )
        except (audit.StaleEdit, audit.DomainError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, done_message % {"unit": ip.unit.short_name})
    if back == "queue":
        return redirect("execution:queue")
    return redirect("execution:plan-detail", ip.pk)


@require_POST
@login_required
def plan_attach(request: HttpRequest, implementation_plan_id: int) -> HttpResponse:
    ip = access_implementation_plan(request.user, implementation_plan_id, write=True)
    form = AttachmentForm(request.POST, request.FILES)
    failed, message = True, _("请选择要上传的文件。")
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            implementation_plan_attach(
                implementation_plan=ip, name=upload.name, content=upload.read(), by=request.user
            )
            failed, message = False, _("附件已上传。")
        except audit.DomainError as error:
            message = str(error)
    # Uploaded in place: only the attachments section changes, unsaved text stays on the page.
    if request.htmx:
        return _attachments_fragment(request, ip, message, failed)
    (messages.error if failed else messages.success)(request, message)
    return redirect("execution:plan-edit", ip.pk)


def _attachments_fragment(request, ip, message: str, failed: bool) -> HttpResponse:
    ip = implementation_plan_detail(ip.pk)
    context = {
        "ip": ip,
        "attachment_form": AttachmentForm(),
        "attachment_message": message,
        "attachment_failed": failed,
    }
    return render(request, "execution/_plan_attachments.html", context)
