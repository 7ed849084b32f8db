"""Warning lights (derived, never stored), the scan's reminders, 催办 notices and their
签收, and the reform office's judgements."""

from datetime import date, datetime
from typing import Annotated

from ninja import Query, Router, Schema, Status
from pydantic import Field

from duban.api.v1.common import Id, Text, Version, answers, one_of, paged
from duban.plans.permissions import access_plan, access_task
from duban.supervision.models import Judgement, Reminder, Step, Urge
from duban.supervision.permissions import (
    access_reminder,
    access_task_to_supervise,
    access_unit_to_urge,
    access_urge,
    readable_unit_notices,
)
from duban.supervision.selectors import lights_for_tasks, supervised_tasks
from duban.supervision.services import judgement_record, urge_acknowledge, urge_send

router = Router(tags=["supervision"])


class LightOut(Schema):
    task_id: int
    colour: str
    label: str
    reasons: list[str]


class ReminderOut(Schema):
    id: int
    kind: str
    target: str
    target_key: str
    unit_id: int
    task_id: int | None
    milestone_id: int | None
    plan_id: int
    title: str
    due_date: date
    fire_date: date
    days_overdue: int
    queued: bool


class ReminderFilter(Schema):
    unit: Id | None = None
    plan: Id | None = None
    task: Id | None = None
    kind: one_of(Reminder.Kind) | None = None
    queued: bool | None = None


class UrgeOut(Schema):
    id: int
    unit_id: int
    task_id: int | None
    step: str
    message: str
    sent_at: datetime
    acknowledged_at: datetime | None
    ack_note: str
    version: int


class UrgeFilter(Schema):
    unit: Id | None = None
    task: Id | None = None
    acknowledged: bool | None = None


ManualStep = Annotated[str, Field(pattern=f"^({Step.URGE}|{Step.WARNING}|{Step.BULLETIN})$")]


class UrgeIn(Schema):
    unit_id: Id
    task_id: Id | None = None
    step: ManualStep = Step.URGE
    message: Text


class AcknowledgeIn(Schema):
    version: Version
    note: Text = ""


class JudgementIn(Schema):
    level: one_of(Judgement.Level)
    reason: Text


class JudgementOut(Schema):
    id: int
    task_id: int
    level: int
    reason: str
    at: datetime


def _light(task_id: int, light) -> dict:
    return {
        "task_id": task_id,
        "colour": light.colour,
        "label": str(light.label),
        "reasons": [str(r) for r in light.reasons],
    }


@router.get("/plans/{plan_id}/lights", response=answers(list[LightOut]), operation_id="plan_lights")
def plan_lights(request, plan_id: Id):
    """Every supervised task's warning light today (红黄绿灯), with its reasons."""
    plan = access_plan(request.user, plan_id)
    lights = lights_for_tasks(supervised_tasks(plan))
    return [_light(task_id, light) for task_id, light in lights.items()]


@router.get("/tasks/{task_id}/light", response=answers(LightOut), operation_id="task_light")
def task_light(request, task_id: Id):
    task = access_task(request.user, task_id)
    return _light(task.pk, lights_for_tasks([task])[task.pk])


@router.get("/reminders", response=answers(list[ReminderOut]), operation_id="reminder_list")
@paged("-id")
def reminder_list(request, filters: Query[ReminderFilter]):
    """Reminders the daily scan sent: the caller's unit's, or all for the office and leaders."""
    found = readable_unit_notices(request.user, Reminder.objects.all())
    for name in ("unit", "plan", "task", "kind"):
        if value := getattr(filters, name):
            found = found.filter(**{name: value})
    if filters.queued is not None:
        found = found.filter(queued=filters.queued)
    return found.order_by()


@router.get("/reminders/{reminder_id}", response=answers(ReminderOut), operation_id="reminder_read")
def reminder_read(request, reminder_id: Id):
    return access_reminder(request.user, reminder_id)


@router.get("/urges", response=answers(list[UrgeOut]), operation_id="urge_list")
@paged("-id")
def urge_list(request, filters: Query[UrgeFilter]):
    found = readable_unit_notices(request.user, Urge.objects.all())
    if filters.unit:
        found = found.filter(unit_id=filters.unit)
    if filters.task:
        found = found.filter(task_id=filters.task)
    if filters.acknowledged is not None:
        found = found.filter(acknowledged_at__isnull=not filters.acknowledged)
    return found.order_by()


@router.get("/urges/{urge_id}", response=answers(UrgeOut), operation_id="urge_read")
def urge_read(request, urge_id: Id):
    return access_urge(request.user, urge_id)


@router.post("/urges", response=answers(UrgeOut, 201), operation_id="urge_send")
def urge_send_endpoint(request, payload: UrgeIn):
    """Send a 催办 notice to a unit, on one of its tasks or on its work as a whole."""
    task = access_task_to_supervise(request.user, payload.task_id) if payload.task_id else None
    unit = access_unit_to_urge(request.user, payload.unit_id)
    sent = urge_send(
        unit=unit, task=task, step=payload.step, message=payload.message, by=request.user
    )
    return Status(201, sent)


@router.post(
    "/urges/{urge_id}/acknowledge", response=answers(UrgeOut), operation_id="urge_acknowledge"
)
def urge_acknowledge_endpoint(request, urge_id: Id, payload: AcknowledgeIn):
    """签收: an editor of the urged unit acknowledges the notice."""
    urge = access_urge(request.user, urge_id, acknowledge=True)
    return urge_acknowledge(
        urge=urge, note=payload.note, seen_version=payload.version, by=request.user
    )


@router.post(
    "/tasks/{task_id}/judgements",
    response=answers(JudgementOut, 201),
    operation_id="judgement_record",
)
def judgement_record_endpoint(request, task_id: Id, payload: JudgementIn):
    """The reform office's delivery-confidence judgement (研判) of a task."""
    task = access_task_to_supervise(request.user, task_id)
    made = judgement_record(task=task, level=payload.level, reason=payload.reason, by=request.user)
    return Status(201, made)
