"""Plans and tasks for the execution tests, built by hand until the plans app's services land.

`make_plan()` gives a published 2012 plan whose implementation plans are due on 2012-05-20
(文件写“5月中旬前报省政府备案”); `make_task()` adds a unit of work with its lead and co units.
Fixtures below are shared by every execution test module; add new ones, never rewrite these.
"""

from datetime import date

import pytest

from duban.directory.models import Region, Unit
from duban.plans.models import Assignment, Plan, Task

FILING_DEADLINE = date(2012, 5, 20)


def make_plan(
    *,
    year: int = 2012,
    title: str = "关于2012年经济体制改革的意见",
    status: str = Plan.Status.PUBLISHED,
    filing_deadline: date | None = FILING_DEADLINE,
    report_cadence: str = Plan.Cadence.MONTHLY,
) -> Plan:
    return Plan.objects.create(
        year=year,
        title=title,
        status=status,
        filing_deadline=filing_deadline,
        filing_deadline_text="5月中旬前",
        report_cadence=report_cadence,
    )


def make_task(
    plan: Plan,
    path: str,
    *,
    title: str = "",
    lead: Unit | None = None,
    co: tuple[Unit, ...] = (),
    kind: str = Task.Kind.WITHIN_YEAR,
    due_date: date | None = date(2012, 12, 31),
    region: Region | None = None,
    origin: Task | None = None,
) -> Task:
    """A unit of work (level 3) under its area and task; parents are created as needed."""
    parent = None
    parts = path.split(".")
    for depth in range(1, len(parts)):
        prefix = ".".join(parts[:depth])
        parent, _ = Task.objects.get_or_create(
            plan=plan,
            path=prefix,
            region=None,
            defaults={
                "parent": parent,
                "position": int(parts[depth - 1]),
                "level": depth,
                "title": f"改革领域 {prefix}",
            },
        )
    task = Task.objects.create(
        plan=plan,
        parent=parent,
        path=path,
        position=int(parts[-1]),
        level=len(parts),
        title=title or f"改革任务 {path}",
        kind=kind,
        due_date=due_date,
        due_text="年底前" if due_date else "",
        region=region,
        origin=origin,
    )
    if lead is not None:
        Assignment.objects.create(task=task, unit=lead, role=Assignment.Role.LEAD, position=1)
    for position, unit in enumerate(co, start=2):
        Assignment.objects.create(task=task, unit=unit, role=Assignment.Role.CO, position=position)
    return task


@pytest.fixture
def finance_unit(caizheng) -> Unit:
    """省财政厅, the unit of the `caizheng` editor and the `viewer`."""
    return caizheng.unit


@pytest.fixture
def reform_unit(fagai) -> Unit:
    """省发展改革委, the unit of the `fagai` editor."""
    return fagai.unit


@pytest.fixture
def lanzhou_unit(lanzhou) -> Unit:
    """兰州市人民政府, the city of the `lanzhou` editor."""
    return lanzhou.unit


@pytest.fixture
def plan_2012(no_demo_plan) -> Plan:
    """A published 2012 plan, the only open one (the demo's is closed); due 2012-05-20."""
    return make_plan()


@pytest.fixture
def finance_task(plan_2012, finance_unit, reform_unit) -> Task:
    """1.1.1, led by 省财政厅 with 省发展改革委 co-operating; due at the end of 2012."""
    return make_task(
        plan_2012, "1.1.1", title="深化预算管理制度改革", lead=finance_unit, co=(reform_unit,)
    )


@pytest.fixture
def reform_task(plan_2012, reform_unit, finance_unit) -> Task:
    """1.2.1, led by 省发展改革委 with 省财政厅 co-operating; a multi-year task."""
    return make_task(
        plan_2012,
        "1.2.1",
        title="推进资源性产品价格改革",
        lead=reform_unit,
        co=(finance_unit,),
        kind=Task.Kind.MULTI_YEAR,
    )


def ready_plan(plan: Plan, task: Task, editor):
    """`editor`'s draft for `plan` with a criterion and one milestone (2012-06-30) for `task`."""
    # Imported here: the builders above must not depend on the services they help test.
    from duban.execution.services.implementation_plans import (
        commitment_update,
        implementation_plan_start,
    )
    from duban.execution.services.milestones import milestone_add

    ip = implementation_plan_start(plan=plan, unit=editor.unit, by=editor)
    commitment = ip.commitments.get(task=task)
    commitment_update(
        commitment=commitment,
        criterion="年底前出台实施办法",
        steps="调研、起草、报批",
        seen_version=commitment.version,
        by=editor,
    )
    milestone_add(
        implementation_plan=ip, task=task, title="完成调研", due_date=date(2012, 6, 30), by=editor
    )
    return ip


@pytest.fixture
def filed_plan(plan_2012, finance_task, caizheng, coordinator):
    """省财政厅's plan for 1.1.1, submitted and filed, with one milestone due 2012-06-30."""
    from duban.execution.services.implementation_plans import (
        implementation_plan_file,
        implementation_plan_submit,
    )

    ip = ready_plan(plan_2012, finance_task, caizheng)
    implementation_plan_submit(implementation_plan=ip, by=caizheng)
    return implementation_plan_file(implementation_plan=ip, by=coordinator)


# ---- Progress reports ---------------------------------------------------------------------------


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, not to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def file_report(coordinator):
    """Files a report through the services: `file_report(task, editor, date(2012, 3, 1), ...)`.

    `status` defaults to 按计划推进 with its default percent; `review` is where the report ends:
    draft, submitted (default), accepted or returned (by the `coordinator`).
    """
    from duban.execution.models import ProgressReport
    from duban.execution.services.reports import (
        ReportContent,
        progress_report_accept,
        progress_report_return,
        progress_report_save,
    )

    Review = ProgressReport.Review

    def build(
        task,
        editor,
        period_start,
        *,
        status="on_track",
        percent=None,
        reason="",
        work_done="按计划推进各项工作。",
        review=Review.SUBMITTED,
    ):
        report = progress_report_save(
            task=task,
            unit=editor.unit,
            period_start=period_start,
            content=ReportContent(
                status=status, percent=percent, percent_reason=reason, work_done=work_done
            ),
            submit=review != Review.DRAFT,
            by=editor,
        )
        if review == Review.ACCEPTED:
            progress_report_accept(report=report, seen_version=report.version, by=coordinator)
        if review == Review.RETURNED:
            progress_report_return(
                report=report,
                reason="佐证材料不足，请补充。",
                seen_version=report.version,
                by=coordinator,
            )
        return report

    return build


@pytest.fixture
def no_demo_plan(demo_accounts):
    """Closes the demo's imported plans for one test, so only the test's own plans owe reports.

    It asks for the demo first: after a browser test has flushed the database, the demo is
    loaded again inside this test, and must be there before it is closed.
    """
    Plan.objects.filter(source__isnull=False).update(status=Plan.Status.CLOSED)
