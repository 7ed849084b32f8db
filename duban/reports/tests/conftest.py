"""A small plan with a known record, and the demo plan with its year of history.

`small_plan` is the plan of `duban.execution.tests.conftest` (published 2012, monthly reports,
implementation plans due 2012-05-20) with four units of work, as of 2012-09-30:

- 1.1.1 省财政厅 leads, 省发展改革委 co-operates: reports to August, but its milestone
  “完成调研” (due 30 June) is not met — 红灯.
- 1.1.2 省发展改革委: reports to August — 绿灯.
- 2.1.1 省财政厅: reported done in August, accepted — 已完成.
- 2.1.2 省发展改革委: its August report is missing — 黄灯.
"""

from datetime import date

import pytest

from duban.directory.models import Unit
from duban.execution.models import ImplementationPlan, LeaderComment
from duban.execution.tests.conftest import make_plan, make_task
from duban.plans.models import Plan
from duban.supervision.tests.conftest import at, make_milestone, make_report

SEP_30 = date(2012, 9, 30)


@pytest.fixture
def today_is(settings):
    settings.DUBAN_TODAY = SEP_30


@pytest.fixture
def finance_unit(caizheng) -> Unit:
    """省财政厅, the unit of the `caizheng` editor and the `viewer`."""
    return caizheng.unit


@pytest.fixture
def reform_unit(fagai) -> Unit:
    """省发展改革委, the unit of the `fagai` editor (and of the reform office)."""
    return fagai.unit


@pytest.fixture
def small_plan(finance_unit, reform_unit, leader, today_is) -> Plan:
    # The demo's plan is closed for the test: the small plan is the one running.
    Plan.objects.filter(source__isnull=False).update(status=Plan.Status.CLOSED)
    plan = make_plan()
    finance, reform = finance_unit, reform_unit
    red = make_task(plan, "1.1.1", title="深化预算管理制度改革", lead=finance, co=(reform,))
    green = make_task(plan, "1.1.2", title="推进资源性产品价格改革", lead=reform)
    done = make_task(plan, "2.1.1", title="推进省级财政资金整合", lead=finance)
    yellow = make_task(plan, "2.1.2", title="完善价格调节基金制度", lead=reform)
    for month in range(1, 9):
        make_report(red, finance, month, percent=60)
        make_report(red, reform, month, percent=60)  # the co unit's part: no report owed
        make_report(green, reform, month, percent=70)
        if month < 8:
            make_report(yellow, reform, month, percent=50)
            make_report(done, finance, month, percent=80)
    make_report(done, finance, 8, status="done", percent=100, review="accepted")
    # September, due 5 October: two of the four reports owed are in.
    make_report(red, finance, 9, percent=65, review="accepted", submitted=date(2012, 9, 28))
    make_report(green, reform, 9, percent=75, submitted=date(2012, 9, 29))
    make_milestone(red, finance, "完成调研", date(2012, 6, 30))  # overdue
    make_milestone(red, finance, "形成初稿", date(2012, 9, 25))  # overdue
    make_milestone(green, reform, "出台方案", date(2012, 5, 31), met_on=date(2012, 5, 30))
    make_milestone(green, reform, "组织实施", date(2012, 10, 20))  # coming due
    make_milestone(done, finance, "印发文件", date(2012, 7, 31), met_on=date(2012, 8, 10))
    make_milestone(yellow, reform, "完成评估", date(2012, 12, 31))  # later
    # 省财政厅 filed its implementation plan on time; 省发展改革委 never sent one.
    ImplementationPlan.objects.create(
        plan=plan,
        unit=finance,
        status=ImplementationPlan.Status.FILED,
        first_submitted_at=at(date(2012, 5, 15)),
        submitted_at=at(date(2012, 5, 15)),
        filed_at=at(date(2012, 5, 18)),
    )
    comment(red, leader, "请省财政厅抓紧推进，10月底前完成调研。", date(2012, 9, 10))
    comment(green, leader, "进展较好，请继续抓好落实。", date(2012, 8, 1))
    comment(green, leader, "此条批示写于9月30日之后。", date(2012, 10, 8))
    comment(red, leader, "已撤销的批示。", date(2012, 9, 20), withdrawn=True)
    return plan


def comment(task, author, text: str, day: date, *, withdrawn: bool = False) -> LeaderComment:
    """A 批示 made on `day` (the model stamps the real time; move it back)."""
    made = LeaderComment.objects.create(task=task, author=author, text=text, withdrawn=withdrawn)
    LeaderComment.objects.filter(pk=made.pk).update(created_at=at(day))
    return made


@pytest.fixture
def demo_plan(db) -> Plan:
    """The 2012 plan the demo imports from the founding document (loaded for the test session)."""
    plan = Plan.objects.filter(year=2012, source__isnull=False).first()
    if plan is None:
        pytest.skip("the demo does not load the 2012 plan")
    return plan


@pytest.fixture
def demo_history(demo_plan, coordinator, settings, tmp_path, today_is) -> Plan:
    """The demo plan with its year of history as of 2012-09-30 (rolled back after the test)."""
    from duban.execution.demo_plans import demo_execution_history
    from duban.execution.demo_reports import demo_reports_load
    from duban.execution.models import Evidence, ProgressReport

    settings.MEDIA_ROOT = tmp_path / "media"  # the history's evidence files
    Evidence.objects.filter(report__task__plan=demo_plan).delete()
    ProgressReport.objects.filter(task__plan=demo_plan).delete()
    demo_execution_history(plan=demo_plan, coordinator=coordinator)
    demo_reports_load(plan=demo_plan, by=coordinator)
    return demo_plan
