"""Edits of a plan's tasks and assignments.

In a draft, the coordinator edits freely and may split, merge and reorder tasks. Once the plan
is published its structure is frozen; a change of a title, text, deadline or assignment is an
amendment that must give its reason, which the task's history page shows.
"""

import re

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.directory.models import Unit, User
from duban.plans.models import Assignment, Plan, Task, assignment_date
from duban.plans.tree import renumber

TASK_EDITABLE = ("title", "text", "kind", "due_date", "due_text", "lead_note", "weight")
# A title is the first sentence: up to the first 。 or ；.
FIRST_SENTENCE = re.compile(r"^(.*?)[。；]")

AMENDMENT_NEEDS_REASON = gettext_lazy("计划已发布，修改须说明理由。")
STRUCTURE_FROZEN = gettext_lazy(
    "计划已发布，任务结构已冻结：不能再拆分、合并、调整顺序或增删任务。"
)


def require_reason(plan: Plan, reason: str) -> None:
    """After publishing, every change is an amendment and must say why."""
    if plan.status != Plan.Status.DRAFT and not reason.strip():
        raise audit.DomainError(str(AMENDMENT_NEEDS_REASON))


def require_draft(plan: Plan) -> None:
    if plan.status != Plan.Status.DRAFT:
        raise audit.DomainError(str(STRUCTURE_FROZEN))


@transaction.atomic
def task_update(*, task: Task, by: User, seen_version: int, reason: str = "", **changes) -> Task:
    """Change a task's own fields; refused with `StaleEdit` if `seen_version` is not current."""
    unknown = set(changes) - set(TASK_EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    require_reason(task.plan, reason)
    changed = [name for name, value in changes.items() if getattr(task, name) != value]
    for name in changed:
        setattr(task, name, changes[name])
    task.full_clean(exclude=["plan", "parent", "region", "origin"], validate_constraints=False)
    return audit.save(task, by=by, fields=changed, seen_version=seen_version, reason=reason)


@transaction.atomic
def assignment_add(*, task: Task, unit: Unit, role: str, by: User, reason: str = "") -> Assignment:
    """Assign `unit` to `task`; a new lead takes over from the current one, who becomes co."""
    require_reason(task.plan, reason)
    if task.assignments.filter(unit=unit, withdrawn=False).exists():
        raise audit.DomainError(_("%(unit)s已承担该任务。") % {"unit": unit.name})
    if role == Assignment.Role.LEAD:
        _demote_leads(task, by, reason)
    last = task.assignments.order_by("-position").values_list("position", flat=True).first()
    assignment = Assignment(
        task=task,
        unit=unit,
        name_as_written=unit.short_name,
        role=role,
        position=(last or 0) + 1,
        assigned_on=assignment_date(task.plan),
    )
    return audit.save(assignment, by=by, reason=reason)


@transaction.atomic
def assignment_remove(*, assignment: Assignment, by: User, reason: str = "") -> Assignment:
    """Withdraw a unit's share of a task (kept, hidden, audited)."""
    require_reason(assignment.task.plan, reason)
    assignment.withdrawn = True
    return audit.save(assignment, by=by, fields=["withdrawn"], reason=reason)


@transaction.atomic
def assignment_set_role(
    *, assignment: Assignment, role: str, by: User, reason: str = ""
) -> Assignment:
    """Make a unit the lead (the former lead becomes co) or a co-operating unit."""
    require_reason(assignment.task.plan, reason)
    if role == Assignment.Role.LEAD:
        _demote_leads(assignment.task, by, reason, keep=assignment.pk)
    fields = assignment.take_role(role)
    return audit.save(assignment, by=by, fields=fields, reason=reason)


def _demote_leads(task: Task, by: User, reason: str, keep: int | None = None) -> None:
    leads = task.assignments.leads().exclude(pk=keep)
    for lead in leads:
        lead.role = Assignment.Role.CO
        audit.save(lead, by=by, fields=["role"], cause=Cause.CASCADE, reason=reason)


@transaction.atomic
def task_split(*, task: Task, offset: int, by: User, seen_version: int) -> Task:
    """Split the text at `offset` into this task and a new next sibling; returns the new one.

    Both keep the task's assignments, deadline and kind; the coordinator then adjusts each.
    """
    require_draft(task.plan)
    text = task.text
    if not 0 < offset < len(text):
        raise audit.DomainError(_("拆分位置须在任务内容之中。"))
    head, tail = text[:offset].strip(), text[offset:].strip()
    if task.source_start is not None:
        task.source_end = task.source_start + offset
    task.text = head
    audit.save(task, by=by, fields=["text", "source_end"], seen_version=seen_version)
    Task.objects.filter(plan=task.plan, parent=task.parent, position__gt=task.position).update(
        position=F("position") + 1
    )
    sibling = audit.save(
        Task(
            plan=task.plan,
            parent=task.parent,
            position=task.position + 1,
            path=f"~new{task.pk}",
            level=task.level,
            title=first_sentence(tail),
            text=tail,
            kind=task.kind,
            due_date=task.due_date,
            due_text=task.due_text,
            lead_note=task.lead_note,
            source_start=task.source_end,
            source_end=_old_end(task, text),
        ),
        by=by,
    )
    for assignment in task.assignments.filter(withdrawn=False):
        assignment.pk = None
        assignment.task = sibling
        audit.save(assignment, by=by, cause=Cause.CASCADE)
    renumber(plan=task.plan, parent=task.parent, by=by, reason=_("拆分任务"))
    sibling.refresh_from_db()
    return sibling


def _old_end(task: Task, old_text: str) -> int | None:
    if task.source_start is None:
        return None
    return task.source_start + len(old_text)


def first_sentence(text: str) -> str:
    found = FIRST_SENTENCE.match(text)
    return (found.group(1) if found else text)[:500].strip()


@transaction.atomic
def task_merge_with_next(*, task: Task, by: User, seen_version: int) -> Task:
    """Join the next sibling into this task: its text appended, its units added (as co when
    this task already has a lead), its children moved under this task. The sibling goes.
    """
    require_draft(task.plan)
    following = (
        Task.objects.provincial()
        .filter(plan=task.plan, parent=task.parent, position__gt=task.position)
        .order_by("position")
        .first()
    )
    if following is None:
        raise audit.DomainError(_("这是同级的最后一项任务，没有可合并的下一项。"))
    task.text = f"{task.text}{following.text}"
    if following.source_end is not None:
        task.source_end = max(task.source_end or 0, following.source_end)
    audit.save(task, by=by, fields=["text", "source_end"], seen_version=seen_version)
    _take_assignments(task, following, by)
    last_child = task.children.count()
    for offset, child in enumerate(following.children.order_by("position"), 1):
        child.parent, child.position = task, last_child + offset
        audit.save(child, by=by, fields=["parent", "position"], cause=Cause.CASCADE)
    following.cited_documents.clear()
    # A draft's task that never went out is removed; its history keeps the record.
    following._history_user = by
    following.delete()
    renumber(plan=task.plan, parent=task.parent, by=by, reason=_("合并任务"))
    renumber(plan=task.plan, parent=task, by=by, reason=_("合并任务"))
    task.refresh_from_db()
    return task


def _take_assignments(task: Task, following: Task, by: User) -> None:
    has_lead = task.assignments.leads().exists()
    position = task.assignments.count()
    for assignment in following.assignments.filter(withdrawn=False).order_by("position"):
        if (
            assignment.unit_id
            and task.assignments.filter(unit_id=assignment.unit_id, withdrawn=False).exists()
        ):
            continue
        position += 1
        role = Assignment.Role.CO if has_lead else assignment.role
        audit.save(
            Assignment(
                task=task,
                unit_id=assignment.unit_id,
                name_as_written=assignment.name_as_written,
                role=role,
                position=position,
                assigned_on=assignment.assigned_on,
            ),
            by=by,
            cause=Cause.CASCADE,
        )


@transaction.atomic
def task_move(*, task: Task, direction: int, by: User, seen_version: int) -> Task:
    """Move a task one place up (`direction=-1`) or down (`+1`) among its siblings."""
    require_draft(task.plan)
    siblings = list(
        Task.objects.provincial().filter(plan=task.plan, parent=task.parent).order_by("position")
    )
    index = next(i for i, t in enumerate(siblings) if t.pk == task.pk)
    other = index + direction
    if direction not in (-1, 1) or not 0 <= other < len(siblings):
        raise audit.DomainError(_("已经是同级的第一项或最后一项。"))
    claimed = Task.objects.filter(pk=task.pk, version=seen_version).exists()
    if not claimed:
        raise audit.StaleEdit(_("此记录已被他人修改，请刷新页面后重试。"))
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, 1):
        Task.objects.filter(pk=sibling.pk).update(position=position)
    renumber(plan=task.plan, parent=task.parent, by=by, reason=_("调整任务顺序"))
    task.refresh_from_db()
    return task
