"""What the plans app lets people find by words: tasks, units (their tasks in the plan),
source documents and cited documents."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from duban.directory.models import Unit
from duban.directory.permissions import access_unit
from duban.lib import searchable
from duban.plans.models import CitedDocument, Plan, SourceDocument, Task
from duban.plans.permissions import access_plan, access_source, access_task


def _task_title(task: Task) -> str:
    where = f"（{task.region.name}）" if task.region_id else ""
    return f"{task.path} {task.title}{where}"


def _source_title(source: SourceDocument) -> str:
    number = f" {source.doc_number}" if source.doc_number else ""
    return f"{source.title or source.original_name}{number}"


def _unit_tasks(unit: Unit) -> str | None:
    """A unit's page is its tasks in the newest published plan (the directory has no page)."""
    plan = Plan.objects.published().order_by("-year", "-pk").only("pk").first()
    if plan is None:
        return None
    return f"{reverse('plans:unit-tasks', args=[plan.pk])}?unit={unit.pk}"


def register() -> None:
    searchable.register(
        searchable.Kind(
            name="task",
            label=_("任务"),
            position=10,
            rows=lambda: (
                Task.objects.active()
                .select_related("plan", "region")
                .order_by("-plan__year", "region_id", "path")
            ),
            fields=("title", "text", "label"),
            title=_task_title,
            detail=lambda task: task.text,
            link=lambda task: reverse("plans:task-detail", args=[task.pk]),
            readable=searchable.reads(access_task),
        )
    )
    searchable.register(
        searchable.Kind(
            name="unit",
            label=_("单位"),
            position=20,
            rows=lambda: Unit.objects.filter(active=True).select_related("region"),
            fields=("name", "short_name"),
            title=lambda unit: unit.name,
            detail=lambda unit: f"{unit.short_name} · {unit.region.name}",
            link=_unit_tasks,
            readable=searchable.reads(access_unit),
        )
    )
    searchable.register(
        searchable.Kind(
            name="source",
            label=_("来源文件"),
            position=30,
            rows=lambda: SourceDocument.objects.order_by("-uploaded_at"),
            fields=("title", "original_name", "doc_number", "issuer"),
            title=_source_title,
            detail=lambda source: f"{source.issuer} · {source.original_name}",
            link=lambda source: reverse("plans:source-file", args=[source.pk]),
            readable=searchable.reads(access_source),
        )
    )
    searchable.register(
        searchable.Kind(
            name="cited",
            label=_("引用文件"),
            position=40,
            rows=lambda: CitedDocument.objects.select_related("plan").order_by(
                "-plan__year", "number"
            ),
            fields=("number", "title"),
            title=lambda doc: f"{doc.number} {doc.title}".strip(),
            detail=lambda doc: doc.plan.title,
            link=lambda doc: reverse("plans:cited-documents", args=[doc.plan_id]),
            readable=searchable.reads(access_plan, key=lambda doc: doc.plan_id),
        )
    )
