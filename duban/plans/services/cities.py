"""Tasks every city plans its own share of: one city instance of the task per city.

The document asks each city (市州) to draw up its own implementation of the year's reforms; a
task marked `applies_to_cities` gets one instance per city, owned by that city's government.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.directory.models import Region, Unit, User
from duban.plans.models import Assignment, Task, assignment_date


def cities() -> list[Region]:
    return list(Region.objects.filter(level=Region.Level.CITY).order_by("code"))


@transaction.atomic
def task_set_applies_to_cities(
    *, task: Task, applies: bool, by: User, seen_version: int, reason: str = ""
) -> Task:
    """Mark (or unmark) a task as applying to the cities and bring its instances in line."""
    if task.region_id is not None or task.level == 1:
        raise audit.DomainError(_("只有省级的任务可以分解到市州。"))
    task.applies_to_cities = applies
    audit.save(task, by=by, fields=["applies_to_cities"], seen_version=seen_version, reason=reason)
    city_instances_sync(task=task, by=by)
    return task


@transaction.atomic
def city_instances_sync(*, task: Task, by: User) -> list[Task]:
    """One instance per city while the task applies to cities; withdrawn when it no longer does.

    Safe to call any number of times: an existing instance is reused, never duplicated.
    """
    existing = {t.region_id: t for t in task.city_instances.all()}
    if not task.applies_to_cities:
        for instance in existing.values():
            if not instance.withdrawn:
                instance.withdrawn = True
                audit.save(instance, by=by, fields=["withdrawn"], cause=Cause.CASCADE)
        return []
    governments = {u.region_id: u for u in Unit.objects.active().filter(kind=Unit.Kind.GOVERNMENT)}
    instances = []
    for city in cities():
        instance = existing.get(city.pk)
        if instance is None:
            instance = _instance_create(task, city, governments.get(city.pk), by)
        elif instance.withdrawn:
            instance.withdrawn = False
            audit.save(instance, by=by, fields=["withdrawn"], cause=Cause.CASCADE)
        instances.append(instance)
    return instances


def _instance_create(task: Task, city: Region, government: Unit | None, by: User) -> Task:
    instance = audit.save(
        Task(
            plan=task.plan,
            parent=None,
            position=task.position,
            path=task.path,
            level=task.level,
            label=task.label,
            title=task.title,
            text=task.text,
            kind=task.kind,
            due_date=task.due_date,
            due_text=task.due_text,
            origin=task,
            region=city,
            lead_note="" if government else _("该市州政府不在名录中"),
        ),
        by=by,
        cause=Cause.CASCADE,
    )
    if government is not None:
        audit.save(
            Assignment(
                task=instance,
                unit=government,
                name_as_written=government.short_name,
                role=Assignment.Role.LEAD,
                assigned_on=assignment_date(task.plan),
            ),
            by=by,
            cause=Cause.CASCADE,
        )
    return instance
