"""Writes on implementation plans (实施方案): start, edit, submit, file (备案) or return.

The workflow is draft → submitted → filed, or submitted → returned (with the coordinator's
comments) → submitted again. Every step is audited, so who did what and when is kept.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.directory.models import Unit, User
from duban.execution.models import Commitment, Evidence, ImplementationPlan, Milestone
from duban.execution.services.evidence import evidence_store
from duban.lib import clock
from duban.plans.models import Assignment, Plan, Task

Status = ImplementationPlan.Status

EDITABLE = (Status.DRAFT, Status.RETURNED)
NOT_EDITABLE = gettext_lazy("实施方案已报送，正在审核；退回后才能修改。")
ALREADY_FILED = gettext_lazy("实施方案已备案，不能再修改总体安排；里程碑时限的调整请申请延期。")


def lead_tasks(*, plan: Plan, unit: Unit):
    """The units of work `unit` leads in `plan`: what its implementation plan must cover.

    A city's own plan items are the city instances (region set) a lead assignment gives it.
    """
    return (
        Task.objects.active()
        .filter(plan=plan, pk__in=Assignment.objects.leads().for_unit(unit).values("task_id"))
        .order_by("region", "path")
    )


@transaction.atomic
def implementation_plan_start(*, plan: Plan, unit: Unit, by: User) -> ImplementationPlan:
    """The unit's draft for `plan`, with one commitment per lead task; returns it if it exists.

    Safe to call twice: a task assigned to the unit since the draft began gets its commitment.
    """
    if plan.status != Plan.Status.PUBLISHED:
        raise audit.DomainError(_("计划尚未发布，不能编制实施方案。"))
    implementation_plan = ImplementationPlan.objects.filter(plan=plan, unit=unit).first()
    if implementation_plan is None:
        implementation_plan = audit.save(
            ImplementationPlan(plan=plan, unit=unit), by=by, reason="实施方案起草"
        )
    have = set(implementation_plan.commitments.values_list("task_id", flat=True))
    for task in lead_tasks(plan=plan, unit=unit):
        if task.pk not in have:
            audit.save(Commitment(implementation_plan=implementation_plan, task=task), by=by)
    return implementation_plan


def _require_editable(implementation_plan: ImplementationPlan) -> None:
    if implementation_plan.status == Status.SUBMITTED:
        raise audit.DomainError(NOT_EDITABLE)
    if implementation_plan.status == Status.FILED:
        raise audit.DomainError(ALREADY_FILED)


@transaction.atomic
def implementation_plan_update(
    *, implementation_plan: ImplementationPlan, narrative: str, seen_version: int, by: User
) -> ImplementationPlan:
    _require_editable(implementation_plan)
    implementation_plan.narrative = narrative.strip()
    return audit.save(implementation_plan, by=by, fields=["narrative"], seen_version=seen_version)


@transaction.atomic
def commitment_update(
    *, commitment: Commitment, criterion: str, steps: str, seen_version: int, by: User
) -> Commitment:
    """What the unit commits to for one task: the completion criterion (年内任务) or this
    year's breakthrough (跨年度任务), and the steps."""
    _require_editable(commitment.implementation_plan)
    commitment.criterion = criterion.strip()
    commitment.steps = steps.strip()
    return audit.save(commitment, by=by, fields=["criterion", "steps"], seen_version=seen_version)


def submission_gaps(implementation_plan: ImplementationPlan) -> list[str]:
    """What still keeps the plan from being submitted, one sentence per gap; empty when ready."""
    gaps = []
    live = Milestone.objects.filter(implementation_plan=implementation_plan, withdrawn=False)
    with_milestones = set(live.values_list("task_id", flat=True))
    for commitment in implementation_plan.commitments.select_related("task"):
        task = commitment.task
        if not commitment.criterion:
            if task.kind == Task.Kind.MULTI_YEAR:
                gaps.append(_("任务 %(path)s 尚未写明今年要取得的突破。") % {"path": task.path})
            else:
                gaps.append(_("任务 %(path)s 尚未写明完成标准。") % {"path": task.path})
        if task.pk not in with_milestones:
            gaps.append(_("任务 %(path)s 至少需要一个里程碑。") % {"path": task.path})
    if not implementation_plan.commitments.exists():
        gaps.append(_("本单位在该计划中没有牵头任务。"))
    return gaps


@transaction.atomic
def implementation_plan_submit(
    *, implementation_plan: ImplementationPlan, by: User, seen_version: int | None = None
) -> ImplementationPlan:
    """Send a draft or returned plan to the reform office; the first submission date is kept,
    since a plan first submitted after the filing deadline counts as late."""
    if implementation_plan.status not in EDITABLE:
        raise audit.DomainError(_("只有草稿或被退回的实施方案可以报送。"))
    gaps = submission_gaps(implementation_plan)
    if gaps:
        raise audit.DomainError(" ".join(gaps))
    now = clock.now()
    fields = ["status", "submitted_at"]
    implementation_plan.status = Status.SUBMITTED
    implementation_plan.submitted_at = now
    if implementation_plan.first_submitted_at is None:
        implementation_plan.first_submitted_at = now
        fields.append("first_submitted_at")
    return audit.save(
        implementation_plan, by=by, fields=fields, seen_version=seen_version, reason="报送"
    )


def baseline_of(implementation_plan: ImplementationPlan) -> list[dict]:
    """The milestones as filed: what later extensions, additions and withdrawals are shown against."""
    milestones = (
        Milestone.objects.filter(implementation_plan=implementation_plan, withdrawn=False)
        .select_related("task")
        .order_by("task__path", "due_date", "position")
    )
    return [
        {
            "id": m.pk,
            "task": m.task.path,
            "title": m.title,
            "due": m.due_date.isoformat(),
        }
        for m in milestones
    ]


@transaction.atomic
def implementation_plan_file(
    *,
    implementation_plan: ImplementationPlan,
    by: User,
    comment: str = "",
    seen_version: int | None = None,
) -> ImplementationPlan:
    """File (备案) a submitted plan: its milestones become the baseline every change is shown against."""
    if implementation_plan.status != Status.SUBMITTED:
        raise audit.DomainError(_("只有已报送的实施方案可以备案。"))
    implementation_plan.status = Status.FILED
    implementation_plan.filed_at = clock.now()
    implementation_plan.filed_by = by
    implementation_plan.review_comment = comment.strip()
    implementation_plan.baseline = baseline_of(implementation_plan)
    audit.save(
        implementation_plan,
        by=by,
        fields=["status", "filed_at", "filed_by", "review_comment", "baseline"],
        seen_version=seen_version,
        reason="备案",
    )
    for milestone in implementation_plan.milestones.filter(withdrawn=False):
        milestone.baseline_due = milestone.due_date
        audit.save(
            milestone, by=by, fields=["baseline_due"], cause=Cause.CASCADE, reason="实施方案备案"
        )
    return implementation_plan


@transaction.atomic
def implementation_plan_return(
    *,
    implementation_plan: ImplementationPlan,
    by: User,
    comment: str,
    seen_version: int | None = None,
) -> ImplementationPlan:
    """Return a submitted plan to its unit with the coordinator's comments on what to change."""
    if implementation_plan.status != Status.SUBMITTED:
        raise audit.DomainError(_("只有已报送的实施方案可以退回。"))
    if not comment.strip():
        raise audit.DomainError(_("退回实施方案须写明修改意见。"))
    implementation_plan.status = Status.RETURNED
    implementation_plan.review_comment = comment.strip()
    return audit.save(
        implementation_plan,
        by=by,
        fields=["status", "review_comment"],
        seen_version=seen_version,
        reason="退回",
    )


@transaction.atomic
def implementation_plan_attach(
    *, implementation_plan: ImplementationPlan, name: str, content: bytes, by: User
) -> Evidence:
    """Attach a file (the unit's signed plan, a table) while the plan is still the unit's to edit."""
    _require_editable(implementation_plan)
    return evidence_store(
        name=name, content=content, by=by, implementation_plan=implementation_plan
    )
