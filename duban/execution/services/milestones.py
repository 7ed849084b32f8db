"""Writes on milestones: add, edit, withdraw (never delete), and tick as met with the evidence.

Before filing a unit shapes its milestones freely. Once filed (备案) the plan is the baseline:
a due date moves only through an approved extension, and milestones added or withdrawn after
filing are kept and shown as drift.
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duban.audit import services as audit
from duban.directory.models import User
from duban.execution.models import Evidence, ImplementationPlan, Milestone
from duban.execution.services.evidence import evidence_store
from duban.lib.clock import as_of_or_today
from duban.plans.models import Task

Status = ImplementationPlan.Status

UNDER_REVIEW = gettext_lazy("实施方案正在审核，退回后才能修改里程碑。")
MOVE_BY_EXTENSION = gettext_lazy("实施方案已备案，调整完成时限须申请延期，经批准后生效。")


def _require_open(implementation_plan: ImplementationPlan) -> None:
    if implementation_plan.status == Status.SUBMITTED:
        raise audit.DomainError(UNDER_REVIEW)


@transaction.atomic
def milestone_add(
    *,
    implementation_plan: ImplementationPlan,
    task: Task,
    title: str,
    due_date: date,
    by: User,
    deliverable: str = "",
    responsible_person: str = "",
) -> Milestone:
    """A new step for one of the plan's tasks; after filing it is marked as added (drift)."""
    _require_open(implementation_plan)
    if not implementation_plan.commitments.filter(task=task).exists():
        raise audit.DomainError(_("该任务不在本单位的实施方案中。"))
    last = (
        Milestone.objects.filter(implementation_plan=implementation_plan, task=task)
        .order_by("-position")
        .values_list("position", flat=True)
        .first()
    )
    milestone = Milestone(
        implementation_plan=implementation_plan,
        task=task,
        unit=implementation_plan.unit,
        position=(last or 0) + 1,
        title=title.strip(),
        due_date=due_date,
        deliverable=deliverable.strip(),
        responsible_person=responsible_person.strip(),
        added_after_filing=implementation_plan.status == Status.FILED,
    )
    milestone.full_clean()
    return audit.save(milestone, by=by)


@transaction.atomic
def milestone_update(
    *,
    milestone: Milestone,
    title: str,
    due_date: date,
    deliverable: str,
    responsible_person: str,
    seen_version: int,
    by: User,
) -> Milestone:
    """Change a milestone's wording; its due date only while the plan is not yet filed."""
    implementation_plan = milestone.implementation_plan
    if implementation_plan is not None:
        _require_open(implementation_plan)
        filed = implementation_plan.status == Status.FILED
        if filed and due_date != milestone.due_date and not milestone.added_after_filing:
            raise audit.DomainError(MOVE_BY_EXTENSION)
    if milestone.withdrawn:
        raise audit.DomainError(_("已撤销的里程碑不能修改。"))
    milestone.title = title.strip()
    milestone.due_date = due_date
    milestone.deliverable = deliverable.strip()
    milestone.responsible_person = responsible_person.strip()
    milestone.full_clean()
    return audit.save(
        milestone,
        by=by,
        fields=["title", "due_date", "deliverable", "responsible_person"],
        seen_version=seen_version,
    )


@transaction.atomic
def milestone_withdraw(
    *, milestone: Milestone, by: User, seen_version: int, reason: str = ""
) -> Milestone:
    """Take a milestone out of the plan; it stays on record, and after filing shows as dropped."""
    if milestone.implementation_plan is not None:
        _require_open(milestone.implementation_plan)
    if milestone.met_on:
        raise audit.DomainError(_("已完成的里程碑不能撤销。"))
    milestone.withdrawn = True
    return audit.save(
        milestone, by=by, fields=["withdrawn"], seen_version=seen_version, reason=reason
    )


@transaction.atomic
def milestone_tick(
    *,
    milestone: Milestone,
    met_on: date,
    met_note: str,
    by: User,
    seen_version: int,
    as_of: date | None = None,
) -> Milestone:
    """Record that the milestone was met, on which date and with what evidence (材料说明)."""
    if milestone.withdrawn:
        raise audit.DomainError(_("已撤销的里程碑不能标记完成。"))
    if met_on > as_of_or_today(as_of):
        raise audit.DomainError(_("完成日期不能晚于今天。"))
    if not met_note.strip():
        raise audit.DomainError(_("请简要说明完成情况或佐证材料。"))
    milestone.met_on = met_on
    milestone.met_note = met_note.strip()
    return audit.save(
        milestone, by=by, fields=["met_on", "met_note"], seen_version=seen_version, reason="完成"
    )


@transaction.atomic
def milestone_evidence_attach(
    *, milestone: Milestone, name: str, content: bytes, by: User
) -> Evidence:
    """A file proving the milestone was met (the document issued, the minutes)."""
    if milestone.withdrawn:
        raise audit.DomainError(_("已撤销的里程碑不能添加佐证材料。"))
    return evidence_store(name=name, content=content, by=by, milestone=milestone)
