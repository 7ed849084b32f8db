"""Plans, their tasks, the units' assignments and the cities' share, for the reform office's
scripts and the departments' dashboards. Structure writes are the coordinator's (plans/permissions)."""

import tempfile
from datetime import date
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import PermissionDenied
from ninja import File, Query, Router, Schema, Status, UploadedFile
from pydantic import Field

from duban.api.v1.common import Id, LongText, Reason, Version, answers, one_of, paged
from duban.api.v1.parsing import keep_upload
from duban.directory.permissions import access_unit
from duban.plans import selectors, services
from duban.plans.models import Assignment, Plan, Task
from duban.plans.permissions import (
    access_assignment,
    access_plan,
    access_task,
    can_import_plan,
)

router = Router(tags=["plans"])

Year = Annotated[int, Field(ge=2000, le=2100)]


class PlanOut(Schema):
    id: int
    year: int
    title: str
    status: str
    filing_deadline: date | None
    filing_deadline_text: str
    report_cadence: str
    published_at: str | None
    source_id: int | None
    version: int

    @staticmethod
    def resolve_published_at(plan: Plan) -> str | None:
        return plan.published_at.isoformat() if plan.published_at else None


class PlanFilter(Schema):
    year: Year | None = None
    status: one_of(Plan.Status) | None = None


class PlanPatch(Schema):
    version: Version
    reason: Reason = ""
    title: Annotated[str, Field(min_length=1, max_length=255)] | None = None
    filing_deadline: date | None = None
    filing_deadline_text: Annotated[str, Field(max_length=64)] | None = None
    report_cadence: one_of(Plan.Cadence) | None = None


class VersionIn(Schema):
    version: Version


class NameMapIn(Schema):
    name: Reason
    unit_id: Id


class NameMapOut(Schema):
    mapped: int


class TaskOut(Schema):
    id: int
    plan_id: int
    parent_id: int | None
    path: str
    level: int
    label: str
    title: str
    text: str
    kind: str
    due_date: date | None
    due_text: str
    weight: Decimal
    lead_note: str
    applies_to_cities: bool
    region_id: int | None
    origin_id: int | None
    withdrawn: bool
    version: int


class TaskFilter(Schema):
    plan: Id | None = None
    unit: Id | None = Field(None, description="tasks this unit is assigned to (lead or co)")
    parent: Id | None = None
    level: Annotated[int, Field(ge=1, le=9)] | None = None
    region: Id | None = Field(None, description="a city's instances of the plan's tasks")
    withdrawn: bool = False


class TaskPatch(Schema):
    version: Version
    reason: Reason = ""
    title: Annotated[str, Field(min_length=1, max_length=500)] | None = None
    text: LongText | None = None
    kind: one_of(Task.Kind) | None = None
    due_date: date | None = None
    due_text: Annotated[str, Field(max_length=64)] | None = None
    lead_note: Annotated[str, Field(max_length=255)] | None = None
    weight: Annotated[Decimal, Field(ge=0, max_digits=6, decimal_places=2)] | None = None


class SplitIn(Schema):
    version: Version
    offset: Annotated[int, Field(ge=1, le=100000)]


class MoveIn(Schema):
    version: Version
    direction: Annotated[str, Field(pattern="^(up|down)$")]


class CitiesIn(Schema):
    version: Version
    applies: bool
    reason: Reason = ""


class AssignmentOut(Schema):
    id: int
    task_id: int
    unit_id: int | None
    name_as_written: str
    role: str
    position: int
    withdrawn: bool


class AssignmentFilter(Schema):
    task: Id | None = None
    unit: Id | None = None
    role: one_of(Assignment.Role) | None = None
    withdrawn: bool = False


class AssignmentIn(Schema):
    unit_id: Id
    role: one_of(Assignment.Role)
    reason: Reason = ""


class ReasonIn(Schema):
    reason: Reason = ""


class CityCellOut(Schema):
    city: int
    instance: int | None


class CityRowOut(Schema):
    task: int
    path: str
    title: str
    cells: list[CityCellOut]


class CityMatrixOut(Schema):
    cities: list[dict]
    rows: list[CityRowOut]


# ---- plans -------------------------------------------------------------------------------------


@router.get("/plans", response=answers(list[PlanOut]), operation_id="plan_list")
@paged("id")
def plan_list(request, filters: Query[PlanFilter]):
    """The plans the caller may open (drafts are the reform office's alone)."""
    plans = selectors.plans_for(request.user).order_by()
    if filters.year:
        plans = plans.filter(year=filters.year)
    if filters.status:
        plans = plans.filter(status=filters.status)
    return plans


@router.get("/plans/{plan_id}", response=answers(PlanOut), operation_id="plan_read")
def plan_read(request, plan_id: Id):
    return access_plan(request.user, plan_id)


@router.post("/plans", response=answers(PlanOut, 201), operation_id="plan_import")
def plan_import(request, file: File[UploadedFile], year: Year | None = None):
    """Import a policy document or a task table as a draft plan (导入文件, the reform office's)."""
    if not can_import_plan(request.user):
        raise PermissionDenied
    with tempfile.TemporaryDirectory() as folder:
        path = keep_upload(file, folder)
        plan = services.plan_import_file(path=path, year=year, by=request.user)
    return Status(201, plan)


@router.patch("/plans/{plan_id}", response=answers(PlanOut), operation_id="plan_update")
def plan_update(request, plan_id: Id, payload: PlanPatch):
    """Change the plan's title, filing deadline or cadence (a reason once published)."""
    plan = access_plan(request.user, plan_id, write=True)
    changes = payload.dict(exclude_unset=True, exclude={"version", "reason"})
    return services.plan_update(
        plan=plan, by=request.user, seen_version=payload.version, reason=payload.reason, **changes
    )


@router.post("/plans/{plan_id}/publish", response=answers(PlanOut), operation_id="plan_publish")
def plan_publish(request, plan_id: Id, payload: VersionIn):
    plan = access_plan(request.user, plan_id, write=True)
    return services.plan_publish(plan=plan, by=request.user, seen_version=payload.version)


@router.post("/plans/{plan_id}/names", response=answers(NameMapOut), operation_id="plan_name_map")
def plan_name_map(request, plan_id: Id, payload: NameMapIn):
    """Map a department name as written to a unit of the directory, and remember it."""
    plan = access_plan(request.user, plan_id, write=True)
    unit = access_unit(request.user, payload.unit_id)
    mapped = services.name_map_to_unit(plan=plan, name=payload.name, unit=unit, by=request.user)
    return {"mapped": mapped}


@router.get(
    "/plans/{plan_id}/cities", response=answers(CityMatrixOut), operation_id="plan_city_matrix"
)
def plan_city_matrix(request, plan_id: Id):
    """The tasks every city carries out, × the cities, with each city's instance."""
    return selectors.city_matrix(access_plan(request.user, plan_id))


# ---- tasks -------------------------------------------------------------------------------------


@router.get("/tasks", response=answers(list[TaskOut]), operation_id="task_list")
@paged("id")
def task_list(request, filters: Query[TaskFilter]):
    tasks = Task.objects.filter(plan__in=selectors.plans_for(request.user).order_by())
    tasks = tasks.filter(withdrawn=filters.withdrawn).order_by()
    if filters.plan:
        tasks = tasks.filter(plan_id=filters.plan)
    if filters.unit:
        tasks = tasks.filter(assignments__unit_id=filters.unit, assignments__withdrawn=False)
    if filters.parent:
        tasks = tasks.filter(parent_id=filters.parent)
    if filters.level:
        tasks = tasks.filter(level=filters.level)
    if filters.region:
        tasks = tasks.filter(region_id=filters.region)
    return tasks.distinct()


@router.get("/tasks/{task_id}", response=answers(TaskOut), operation_id="task_read")
def task_read(request, task_id: Id):
    return access_task(request.user, task_id)


@router.patch("/tasks/{task_id}", response=answers(TaskOut), operation_id="task_update")
def task_update(request, task_id: Id, payload: TaskPatch):
    """Edit a task (a draft's freely; a published plan's with a reason)."""
    task = access_task(request.user, task_id, write=True)
    changes = payload.dict(exclude_unset=True, exclude={"version", "reason"})
    return services.task_update(
        task=task, by=request.user, seen_version=payload.version, reason=payload.reason, **changes
    )


@router.post("/tasks/{task_id}/split", response=answers(TaskOut), operation_id="task_split")
def task_split(request, task_id: Id, payload: SplitIn):
    """Split a draft task's text in two at `offset` (a character index)."""
    task = access_task(request.user, task_id, write=True)
    return services.task_split(
        task=task, offset=payload.offset, by=request.user, seen_version=payload.version
    )


@router.post("/tasks/{task_id}/merge", response=answers(TaskOut), operation_id="task_merge")
def task_merge(request, task_id: Id, payload: VersionIn):
    """Merge a draft task with the next one at its level."""
    task = access_task(request.user, task_id, write=True)
    return services.task_merge_with_next(task=task, by=request.user, seen_version=payload.version)


@router.post("/tasks/{task_id}/move", response=answers(TaskOut), operation_id="task_move")
def task_move(request, task_id: Id, payload: MoveIn):
    task = access_task(request.user, task_id, write=True)
    direction = -1 if payload.direction == "up" else 1
    return services.task_move(
        task=task, direction=direction, by=request.user, seen_version=payload.version
    )


@router.put("/tasks/{task_id}/cities", response=answers(TaskOut), operation_id="task_cities_set")
def task_cities_set(request, task_id: Id, payload: CitiesIn):
    """Whether every city carries this task out (市州分解); instances follow."""
    task = access_task(request.user, task_id, write=True)
    return services.task_set_applies_to_cities(
        task=task,
        applies=payload.applies,
        by=request.user,
        seen_version=payload.version,
        reason=payload.reason,
    )


# ---- assignments -------------------------------------------------------------------------------


@router.get("/assignments", response=answers(list[AssignmentOut]), operation_id="assignment_list")
@paged("id")
def assignment_list(request, filters: Query[AssignmentFilter]):
    plans = selectors.plans_for(request.user).order_by()
    assignments = Assignment.objects.filter(task__plan__in=plans, withdrawn=filters.withdrawn)
    if filters.task:
        assignments = assignments.filter(task_id=filters.task)
    if filters.unit:
        assignments = assignments.filter(unit_id=filters.unit)
    if filters.role:
        assignments = assignments.filter(role=filters.role)
    return assignments.order_by()


@router.get(
    "/assignments/{assignment_id}", response=answers(AssignmentOut), operation_id="assignment_read"
)
def assignment_read(request, assignment_id: Id):
    return access_assignment(request.user, assignment_id)


@router.post(
    "/tasks/{task_id}/assignments",
    response=answers(AssignmentOut, 201),
    operation_id="assignment_add",
)
def assignment_add(request, task_id: Id, payload: AssignmentIn):
    task = access_task(request.user, task_id, write=True)
    unit = access_unit(request.user, payload.unit_id)
    assignment = services.assignment_add(
        task=task, unit=unit, role=payload.role, by=request.user, reason=payload.reason
    )
    return Status(201, assignment)


@router.post(
    "/assignments/{assignment_id}/withdraw",
    response=answers(AssignmentOut),
    operation_id="assignment_remove",
)
def assignment_remove(request, assignment_id: Id, payload: ReasonIn):
    assignment = access_assignment(request.user, assignment_id, write=True)
    return services.assignment_remove(assignment=assignment, by=request.user, reason=payload.reason)


@router.post(
    "/assignments/{assignment_id}/lead",
    response=answers(AssignmentOut),
    operation_id="assignment_make_lead",
)
def assignment_make_lead(request, assignment_id: Id, payload: ReasonIn):
    """Make this unit the task's lead (牵头); the former lead becomes a co unit."""
    assignment = access_assignment(request.user, assignment_id, write=True)
    return services.assignment_set_role(
        assignment=assignment, role=Assignment.Role.LEAD, by=request.user, reason=payload.reason
    )
