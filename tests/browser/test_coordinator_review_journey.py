"""The filing cycle in the browser: a department drafts and submits its 实施方案 from its
workspace without a manual; the reform office returns it with a comment, then files it.

Pages are saved to var/screenshots/ (workspace, plan form, queue, filed plan) for people to look at.
"""

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from duban.directory.models import User
from duban.execution.models import ImplementationPlan
from duban.execution.services.implementation_plans import implementation_plan_submit
from duban.execution.tests.conftest import make_plan, make_task, ready_plan
from duban.plans.models import Plan

pytestmark = pytest.mark.browser


@pytest.fixture
def plan(demo_accounts):
    """The 2012 plan with one task led by 省财政厅 (with 省发展改革委) and one multi-year task.

    The demo's imported plan is closed for the journey, so the workspace shows this one only.
    """
    Plan.objects.filter(source__isnull=False).update(status=Plan.Status.CLOSED)
    plan = make_plan()
    finance = demo_accounts["caizheng"].unit
    make_task(
        plan, "1.1.1", title="深化预算管理制度改革", lead=finance, co=(demo_accounts["fagai"].unit,)
    )
    make_task(
        plan,
        "1.1.2",
        title="推进省以下财政体制改革",
        lead=finance,
        kind="multi_year",
        due_date=None,
    )
    return plan


def test_an_editor_drafts_and_submits_a_plan_from_the_workspace(
    page: Page, login, screenshot, console_errors, plan
):
    login(page, "caizheng")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="本单位工作台").click()
    expect(page.locator("#plans-to-file")).to_contain_text("2012年5月20日前报送")
    screenshot(page, "workspace_caizheng")

    page.get_by_role("button", name="开始编制").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("省财政厅2012年度改革实施方案")
    page.get_by_label("总体安排").fill("成立改革工作领导小组，分三步推进。")
    page.locator("#task-{} textarea".format(_task_pk(plan, "1.1.1"))).first.fill(
        "年底前出台预算管理办法"
    )
    page.get_by_label("今年要取得的突破").fill("完成试点方案并在两个市州启动试点")
    page.get_by_role("button", name="保存草稿").click()
    expect(page.locator("#messages")).to_contain_text("已保存")

    for path, title, due in [
        ("1.1.1", "完成调研", "2012-06-30"),
        ("1.1.2", "形成试点方案", "2012-09-30"),
    ]:
        block = page.locator(f"#milestones-{_task_pk(plan, path)}")
        block.get_by_label("节点").fill(title)
        block.get_by_label("完成时限").fill(due)
        block.get_by_label("成果形式").fill("调研报告")
        block.get_by_role("button", name="添加").click()
        # htmx swaps the block in place: the new row is there, the form is empty again.
        expect(page.locator(f"#milestones-{_task_pk(plan, path)} tbody")).to_contain_text(title)
        expect(
            page.locator(f"#milestones-{_task_pk(plan, path)}").get_by_label("节点")
        ).to_have_value("")
    screenshot(page, "plan_edit_caizheng")

    page.get_by_role("button", name="保存并报送").click()
    expect(page.locator("#messages")).to_contain_text("已报送")
    expect(page.locator(".facts")).to_contain_text("已报送")
    assert ImplementationPlan.objects.get(plan=plan).status == ImplementationPlan.Status.SUBMITTED
    assert console_errors == []


def _task_pk(plan, path: str) -> int:
    return plan.tasks.get(path=path).pk


def test_the_coordinator_returns_a_plan_with_a_comment_then_files_it(
    page: Page, login, screenshot, console_errors, plan, demo_accounts
):
    editor = demo_accounts["caizheng"]
    ip = ready_plan(plan, plan.tasks.get(path="1.1.1"), editor)
    # The multi-year task needs its breakthrough and a milestone too.
    from duban.execution.services.implementation_plans import commitment_update
    from duban.execution.services.milestones import milestone_add

    second = ip.commitments.get(task__path="1.1.2")
    commitment_update(
        commitment=second, criterion="启动试点", steps="", seen_version=second.version, by=editor
    )
    milestone_add(
        implementation_plan=ip,
        task=second.task,
        title="形成试点方案",
        due_date=date(2012, 9, 30),
        by=editor,
    )
    implementation_plan_submit(implementation_plan=ip, by=editor)

    login(page, "coordinator")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="审核督办").click()
    review = page.locator("#awaiting-review")
    expect(review).to_contain_text("省财政厅")
    screenshot(page, "queue_coordinator")

    review.get_by_label("审核意见").fill("请把调研节点细化到具体处室和成果。")
    review.get_by_role("button", name="退回修改").click()
    expect(page.locator("#messages")).to_contain_text("已退回：省财政厅")
    expect(page.locator("#awaiting-review")).to_contain_text("没有待审核的实施方案")

    # The department sees the comment on its workspace and sends the plan again.
    ip.refresh_from_db()
    assert ip.review_comment == "请把调研节点细化到具体处室和成果。"
    implementation_plan_submit(implementation_plan=ip, by=User.objects.get(username="caizheng"))

    page.reload()
    page.locator("#awaiting-review").get_by_role("link", name="查看全文").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("省财政厅2012年度改革实施方案")
    page.locator(".panel--review").get_by_role("button", name="备案").click()
    expect(page.locator("#messages")).to_contain_text("已备案：省财政厅")
    expect(page.locator(".facts")).to_contain_text("已备案")
    expect(page).to_have_url(re.compile(rf"/work/implementation-plans/{ip.pk}/$"))
    screenshot(page, "plan_detail_filed")
    assert console_errors == []
