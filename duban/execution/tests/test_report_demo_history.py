"""The demo's report history on the 2012 plan: deterministic, realistic, idempotent."""

import io
from collections import Counter
from datetime import date

import docx
import pytest

from duban.execution.demo_reports import chart_png, clauses, demo_reports_load, narrative
from duban.execution.models import Evidence, ProgressReport
from duban.execution.selectors.progress import plan_progress
from duban.execution.selectors.reports import missing_reports, reports_owed
from duban.plans.models import Plan

SEP_30 = date(2012, 9, 30)


@pytest.fixture
def demo_plan(db) -> Plan:
    """The 2012 plan the demo imports from the founding document (loaded for the test session)."""
    plan = Plan.objects.filter(year=2012, source__isnull=False).first()
    if plan is None:
        pytest.skip("the demo does not load the 2012 plan")
    return plan


@pytest.fixture
def history(demo_plan, coordinator, media_root) -> str:
    """Loads the history afresh, even when `duban demo load` already did (rolled back after)."""
    Evidence.objects.filter(report__task__plan=demo_plan).delete()
    ProgressReport.objects.filter(task__plan=demo_plan).delete()
    return demo_reports_load(plan=demo_plan, by=coordinator)


def test_it_fills_january_to_september_with_a_realistic_mix(demo_plan, history):
    reports = ProgressReport.objects.filter(task__plan=demo_plan)
    months = set(reports.values_list("period_start__month", flat=True))
    assert months == set(range(1, 10))
    statuses = Counter(reports.values_list("status", flat=True))
    assert statuses["on_track"] > sum(statuses.values()) * 0.8  # most are on track
    assert statuses["at_risk"] and statuses["delayed"] and statuses["not_started"]
    done = reports.filter(status="done", review="accepted")
    assert 1 <= done.values("task").distinct().count() <= 5  # a few tasks completed
    assert reports.filter(review="returned").count() == 1


def test_some_reports_are_late_and_septembers_are_half_in(demo_plan, history):
    late = missing_reports(plan=demo_plan, as_of=SEP_30)
    assert 3 <= len({(o.task.pk, o.unit.pk) for o in late}) <= 20
    september = ProgressReport.objects.filter(task__plan=demo_plan, period_start__month=9)
    august = ProgressReport.objects.filter(task__plan=demo_plan, period_start__month=8)
    assert 0.3 * august.count() < september.count() < 0.9 * august.count()


def test_the_editors_have_something_to_file(demo_plan, history, caizheng):
    owed = reports_owed(unit=caizheng.unit, as_of=SEP_30)
    assert owed and any(o.period_start.month == 9 for o in owed)


def test_the_evidence_files_are_real(demo_plan, history):
    files = Evidence.objects.filter(report__task__plan=demo_plan)
    kinds = Counter(files.values_list("content_type", flat=True))
    assert set(kinds) == {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "image/png",
    }
    word = files.filter(original_name__endswith=".docx").first()
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.file.read())).paragraphs)
    assert word.report.task.title in text


def snapshot(plan):
    return list(
        ProgressReport.objects.filter(task__plan=plan)
        .order_by("task__path", "unit_id", "period_start")
        .values_list("task__path", "unit_id", "period_start", "status", "percent", "work_done")
    )


def test_it_runs_once_and_gives_the_same_history_every_time(demo_plan, coordinator, history):
    first = snapshot(demo_plan)
    assert history.startswith(f"reports 2012: {len(first)} reports")
    assert demo_reports_load(plan=demo_plan, by=coordinator) == "reports 2012: present"
    Evidence.objects.filter(report__task__plan=demo_plan).delete()
    ProgressReport.objects.filter(task__plan=demo_plan).delete()
    demo_reports_load(plan=demo_plan, by=coordinator)
    assert snapshot(demo_plan) == first


def test_the_roll_up_shows_a_plan_under_way(demo_plan, history):
    assert 40 < plan_progress(plan=demo_plan).percent < 90


def test_narratives_come_from_the_tasks_own_text(demo_plan):
    task = demo_plan.tasks.filter(text__contains="股份制改革").first()
    parts = clauses(task)
    assert "进一步深化股份制改革" in parts
    texts = narrative(task, 8, "delayed")
    assert any(part in texts["work_done"] for part in parts)
    assert "滞后" in texts["problems"] and texts["next_steps"].startswith("已向省政府")


def test_the_chart_is_a_valid_png():
    png = chart_png(60)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png.endswith(b"IEND\xaeB`\x82")
