"""Who reaches which plan, task and source document (DESIGN §1).

- the coordinator runs every plan, drafts included;
- leaders read every published plan; admins read it; neither writes;
- editors and viewers read the published plan (their unit's tasks highlighted); only the
  coordinator writes to a plan's structure, so their writes are refused;
- a draft is the coordinator's alone: 404 for everyone else, as if it did not exist.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from duban.directory.models import User
from duban.directory.roles import is_coordinator
from duban.plans.models import Assignment, Plan, SourceDocument, Task

# ---- What a page offers: one `can_*` per button, the same rules the `access_*` below apply ----


def can_import_plan(user: User) -> bool:
    """导入文件 — bringing a new plan document in — is the reform office's."""
    return is_coordinator(user)


def can_review_plan(user: User, plan: Plan) -> bool:
    """The reform office reviews a plan against its source (对照审核), draft or published."""
    return is_coordinator(user)


def can_change_plan(user: User, plan: Plan) -> bool:
    """The reform office changes a plan's structure, e.g. by re-importing its task table."""
    return is_coordinator(user)


def can_edit_task(user: User, task: Task) -> bool:
    """The reform office edits (or, once published, revises) a task that is not withdrawn."""
    return is_coordinator(user) and not task.withdrawn


def can_carry_over(user: User, plan: Plan) -> bool:
    """The reform office carries a published (or closed) plan's unfinished tasks into next year."""
    return is_coordinator(user) and plan.status != Plan.Status.DRAFT


def access_plan_to_carry_over(user: User, plan_id: int) -> Plan:
    """The plan, if `user` may carry it over; else 404 (unseen) or 403."""
    plan = access_plan(user, plan_id, write=True)
    if not can_carry_over(user, plan):
        raise PermissionDenied
    return plan


def _check_plan(user: User, plan: Plan, *, write: bool) -> None:
    # The coordinator does everything in a plan.
    if is_coordinator(user):
        return
    # A draft is visible to the coordinator only.
    if plan.status == Plan.Status.DRAFT:
        raise Http404
    # Everyone else reads the published plan and writes nothing in it.
    if write:
        raise PermissionDenied


def access_plan(user: User, plan_id: int, *, write: bool = False) -> Plan:
    """The plan, if `user` may see it (and change it, with `write`); else 404 or 403."""
    plan = get_object_or_404(Plan.objects.select_related("source"), pk=plan_id)
    _check_plan(user, plan, write=write)
    return plan


def access_task(user: User, task_id: int, *, write: bool = False) -> Task:
    """The task, under the same rules as its plan; else 404 or 403."""
    task = get_object_or_404(
        Task.objects.select_related("plan", "parent", "region", "origin"), pk=task_id
    )
    _check_plan(user, task.plan, write=write)
    # A withdrawn task is history only: it can be read, never changed.
    if write and task.withdrawn:
        raise PermissionDenied
    return task


def access_source(user: User, source_id: int) -> SourceDocument:
    """The uploaded source document; the coordinator's, and readable with any plan it fed."""
    source = get_object_or_404(SourceDocument, pk=source_id)
    # The coordinator uploaded it and reviews it.
    if is_coordinator(user):
        return source
    # Others read it once a plan built from it is published.
    if source.plans.exclude(status=Plan.Status.DRAFT).exists():
        return source
    raise Http404


def access_assignment(user: User, assignment_id: int, *, write: bool = False) -> Assignment:
    """The assignment (a unit's share of a task), under the rules of its task; else 404/403."""
    assignment = get_object_or_404(Assignment.objects.select_related("unit"), pk=assignment_id)
    assignment.task = access_task(user, assignment.task_id, write=write)
    return assignment
