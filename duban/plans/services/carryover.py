"""Carry-over (任务结转): next year's draft plan holding what this year's plan left unfinished.

A unit of work is finished when its lead's completion report was accepted (the progress tree's
`done`); every other live unit of work, and every multi-year (跨年度) one whether finished this
year or not, goes into a new draft plan for `to_year` with its lead and co-operating units, its
text, targets and deadline. Each carried task links to the one it comes from (`carried_from`),
so its history — reports, milestones, lights — stays one click away. The areas and tasks above
the carried units of work come along as their parents, renumbered without gaps. The draft is
the coordinator's to edit and publish like an imported one.
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.directory.models import User
from duban.lib import progress
from duban.plans.models import Assignment, Plan, Target, Task
from duban.plans.services.cities import city_instances_sync
from duban.plans.tree import path_key

CARRY_REASON = "结转自%(year)s年计划《%(title)s》"


def carried_units_of_work(plan: Plan) -> list[Task]:
    """The plan's live provincial units of work not accepted as done, and the multi-year ones."""
    # The progress tree owns "done"; imported here, as execution itself imports plans.
    from duban.execution.selectors.progress import plan_progress

    rows = plan_progress(plan=plan).rows
    carried = [
        row.task
        for row in rows
        if not row.children
        and row.task.region_id is None
        and not row.task.withdrawn
        and row.task.level > 1
        and (not row.node.done or row.task.kind == Task.Kind.MULTI_YEAR)
    ]
    return sorted(carried, key=lambda task: path_key(task.path))


@transaction.atomic
def plan_carry_over(*, plan: Plan, to_year: int, by: User) -> Plan:
    """A draft plan for `to_year` holding `plan`'s unfinished and multi-year units of work."""
    _refuse_unless_carriable(plan, to_year)
    reason = CARRY_REASON % {"year": plan.year, "title": plan.title}
    with audit.cause(Cause.PERSON, reason):
        new = Plan(
            year=to_year,
            title=_("%(year)s年结转任务（%(source)s）") % {"year": to_year, "source": plan.title},
            report_cadence=plan.report_cadence,
            region=plan.region,
        )
        new = audit.save(new, by=by, reason=reason)
        _Copier(new, to_year, by, reason).copy(carried_units_of_work(plan))
    return new


def _refuse_unless_carriable(plan: Plan, to_year: int) -> None:
    if plan.status == Plan.Status.DRAFT:
        raise audit.DomainError(_("草稿计划尚未发布，没有可结转的任务。"))
    if to_year <= plan.year:
        raise audit.DomainError(_("结转年度（to_year）须晚于%(year)s年。") % {"year": plan.year})
    if Task.objects.filter(plan__year=to_year, carried_from__plan=plan).exists():
        raise audit.DomainError(
            _("%(year)s年已有结转自本计划的任务，不能重复结转。") % {"year": to_year}
        )


class _Copier:
    """Copies units of work with their parents into the new plan, renumbering as it goes."""

    def __init__(self, plan: Plan, year: int, by: User, reason: str):
        self.plan, self.year, self.by, self.reason = plan, year, by, reason
        self.copies: dict[int, Task] = {}  # old task id → its copy
        self.children: dict[int | None, int] = {}  # new parent id → children so far

    def copy(self, units_of_work: list[Task]) -> None:
        for task in progress.track(units_of_work, "结转任务"):
            copy = self._copy_with_parents(task)
            self._assignments(task, copy)
            self._targets(task, copy)
            if copy.applies_to_cities:
                city_instances_sync(task=copy, by=self.by)

    def _copy_with_parents(self, task: Task) -> Task:
        if task.pk in self.copies:
            return self.copies[task.pk]
        parent = self._copy_with_parents(task.parent) if task.parent_id else None
        key = parent.pk if parent else None
        position = self.children.get(key, 0) + 1
        self.children[key] = position
        copy = Task(
            plan=self.plan,
            parent=parent,
            position=position,
            path=f"{parent.path}.{position}" if parent else str(position),
            level=task.level,
            label="",  # 原文序号: the new plan has no source text yet
            title=task.title,
            text=task.text,
            kind=task.kind,
            due_date=self._due(task),
            due_text=task.due_text if self._due(task) == task.due_date else _("年底前"),
            weight=task.weight,
            lead_note=task.lead_note,
            applies_to_cities=task.applies_to_cities,
            carried_from=task,
        )
        self.copies[task.pk] = audit.save(copy, by=self.by, reason=self.reason)
        return copy

    def _due(self, task: Task) -> date | None:
        # A multi-year task keeps a deadline that lies ahead; the rest are due by the year's end.
        if task.due_date is None or task.due_date.year >= self.year:
            return task.due_date
        return date(self.year, 12, 31)

    def _assignments(self, task: Task, copy: Task) -> None:
        for old in task.assignments.filter(withdrawn=False).order_by("position"):
            assignment = Assignment(
                task=copy,
                unit_id=old.unit_id,
                name_as_written=old.name_as_written,
                role=old.role,
                position=old.position,
            )
            audit.save(assignment, by=self.by, reason=self.reason)

    def _targets(self, task: Task, copy: Task) -> None:
        for old in task.targets.all():
            target = Target(
                task=copy,
                text=old.text,
                value=old.value,
                unit=old.unit,
                comparator=old.comparator,
            )
            audit.save(target, by=self.by, reason=self.reason)
