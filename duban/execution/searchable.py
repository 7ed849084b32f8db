"""What the execution app lets people find by words: progress reports and uploaded files."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from duban.execution.models import Evidence, ProgressReport
from duban.execution.permissions import (
    access_evidence,
    access_progress_report,
    reports_a_unit_may_read,
)
from duban.lib import searchable


def _report_title(report: ProgressReport) -> str:
    period = date_format(report.period_start, "YEAR_MONTH_FORMAT")
    return f"{report.unit.short_name} · {report.task.path} {report.task.title} · {period}"


def _report_text(report: ProgressReport) -> str:
    return "\n".join(t for t in (report.work_done, report.problems, report.next_steps) if t)


def _evidence_of(evidence: Evidence) -> str:
    record = evidence.report or evidence.milestone or evidence.implementation_plan
    return str(record) if record else ""


def register() -> None:
    searchable.register(
        searchable.Kind(
            name="report",
            label=_("进展报告"),
            position=50,
            rows=lambda: ProgressReport.objects.select_related("task", "unit").order_by(
                "-period_start", "task__path", "unit__name"
            ),
            fields=("work_done", "problems", "next_steps"),
            title=_report_title,
            detail=_report_text,
            link=lambda report: reverse("execution:report-detail", args=[report.pk]),
            readable=searchable.reads(access_progress_report),
            narrow=reports_a_unit_may_read,
        )
    )
    searchable.register(
        searchable.Kind(
            name="evidence",
            label=_("附件"),
            position=60,
            rows=lambda: (
                Evidence.objects.filter(withdrawn=False)
                .select_related("report__task", "report__unit", "milestone__task")
                .select_related("implementation_plan__unit", "implementation_plan__plan")
                .order_by("-uploaded_at")
            ),
            fields=("original_name",),
            title=lambda evidence: evidence.original_name,
            detail=_evidence_of,
            link=lambda evidence: reverse("execution:evidence-download", args=[evidence.pk]),
            readable=searchable.reads(access_evidence),
        )
    )
