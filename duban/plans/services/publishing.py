"""Publishing a plan: every unit of work has exactly one lead (or a note saying why not)."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from duban.audit import services as audit
from duban.directory.models import User
from duban.lib import clock
from duban.plans.models import Assignment, Plan, Task
from duban.plans.services.editing import require_reason

PLAN_EDITABLE = ("title", "filing_deadline", "filing_deadline_text", "report_cadence")


class PublishRefused(audit.DomainError):
    """The plan is not ready; `problems` lists one line per task to fix."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(_("计划尚不能发布：") + "；".join(problems[:5]))


def publish_problems(plan: Plan) -> list[str]:
    """What stands in the way of publishing, one line per task (empty when ready)."""
    tasks = (
        Task.objects.provincial()
        .active()
        .filter(plan=plan)
        .prefetch_related("assignments", "children")
    )
    problems = []
    for task in sorted(tasks, key=lambda t: [int(p) for p in t.path.split(".")]):
        if task.level == 1 or any(not c.withdrawn for c in task.children.all()):
            continue  # areas and tasks split into units of work carry no assignment
        active = [a for a in task.assignments.all() if not a.withdrawn]
        unmapped = [a.name_as_written for a in active if a.unit_id is None]
        leads = [a for a in active if a.role == Assignment.Role.LEAD and a.unit_id]
        if unmapped:
            problems.append(
                _("%(path)s 的“%(names)s”尚未对应到单位")
                % {"path": task.path, "names": "、".join(unmapped)}
            )
        # A document may name several leads (A、B牵头); they share the lead role.
        if not leads and not task.lead_note.strip():
            problems.append(_("%(path)s 须有牵头单位，或写明说明") % {"path": task.path})
    return problems


@transaction.atomic
def plan_publish(*, plan: Plan, by: User, seen_version: int) -> Plan:
    """Publish a draft: checks every unit of work, then freezes the task structure.

    Raises `PublishRefused` listing the tasks to fix, `StaleEdit` on a stale version.
    """
    if plan.status != Plan.Status.DRAFT:
        raise audit.DomainError(_("只有草稿状态的计划可以发布。"))
    problems = publish_problems(plan)
    if problems:
        raise PublishRefused(problems)
    plan.status = Plan.Status.PUBLISHED
    plan.published_at = clock.now()
    plan.published_by = by
    return audit.save(
        plan,
        by=by,
        fields=["status", "published_at", "published_by"],
        seen_version=seen_version,
        reason=_("发布计划"),
    )


@transaction.atomic
def plan_update(*, plan: Plan, by: User, seen_version: int, reason: str = "", **changes) -> Plan:
    """Change the plan's title, filing deadline (and its phrase) or report cadence."""
    unknown = set(changes) - set(PLAN_EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    require_reason(plan, reason)
    deadline = changes.get("filing_deadline")
    if deadline is not None and not isinstance(deadline, date):
        raise ValueError("filing_deadline must be a date")
    for name, value in changes.items():
        setattr(plan, name, value)
    plan.full_clean(exclude=["source", "published_by"])
    return audit.save(plan, by=by, fields=list(changes), seen_version=seen_version, reason=reason)
