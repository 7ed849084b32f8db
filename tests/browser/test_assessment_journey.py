"""The year-end assessment in the browser: the reform office sets the weights and computes; a
unit reads its own breakdown and objects; the office answers, locks the version and exports
the table. Pages are saved to var/screenshots/ for people to look at.
"""

from datetime import date

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from duban.assessment.models import Assessment, Objection
from duban.execution.tests.conftest import make_plan, make_task
from duban.plans.models import Plan

pytestmark = pytest.mark.browser


@pytest.fixture
def plan(demo_accounts):
    """A 2012 plan with 1.1.1 led by 省财政厅 (省发展改革委 co-operating) and a multi-year 1.1.2
    led by 省发展改革委; the demo's plan is closed for the journey."""
    Plan.objects.filter(source__isnull=False).update(status=Plan.Status.CLOSED)
    plan = make_plan()
    finance, reform = demo_accounts["caizheng"].unit, demo_accounts["fagai"].unit
    make_task(plan, "1.1.1", title="深化预算管理制度改革", lead=finance, co=(reform,))
    make_task(
        plan, "1.1.2", title="推进资源性产品价格改革", lead=reform, kind="multi_year", due_date=None
    )
    return plan


def open_assessment(page: Page) -> None:
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="年度考核").click()


def test_weights_objection_answer_lock_and_export(
    page: Page, login, screenshot, console_errors, plan, tmp_path
):
    login(page, "coordinator")
    open_assessment(page)
    page.get_by_role("link", name="设置考核方案").click()
    page.get_by_label("进展报告按时报送").fill("30")
    page.get_by_label("红灯扣分").fill("1")
    screenshot(page, "assessment_scheme")
    page.get_by_role("button", name="保存方案").click()
    expect(page.locator(".message--success")).to_contain_text("考核方案已保存")

    page.locator("#ratings form").filter(has_text="1.1.2").get_by_label("突破程度").fill("0.5")
    page.locator("#ratings form").filter(has_text="1.1.2").get_by_label("评定理由").fill(
        "完成价格改革方案起草"
    )
    page.locator("#ratings form").filter(has_text="1.1.2").get_by_role(
        "button", name="保存评定"
    ).click()
    expect(page.locator("#ratings")).to_contain_text("已评定 0.50")
    page.get_by_label("考核截止日期").fill("2012-12-31")
    page.get_by_role("button", name="计算").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("第1版")
    expect(page.locator("thead").first).to_contain_text("进展报告按时报送")
    screenshot(page, "assessment_ranking_draft")
    page.get_by_role("button", name="退出").click()

    # 省财政厅 reads its own breakdown before publication and objects to one component.
    login(page, "caizheng")
    open_assessment(page)
    page.locator("#own-scores a").first.click()
    expect(page.locator("#breakdown")).to_contain_text("进展报告按时报送")
    total = page.locator("#score-total").inner_text()
    screenshot(page, "assessment_breakdown_caizheng")
    page.get_by_label("考核项目").select_option(label="进展报告按时报送")
    page.get_by_label("异议理由").fill("1月份报告已于2月3日通过纸质件报送，请核实。")
    page.get_by_role("button", name="提出异议").click()
    expect(page.locator(".message--success")).to_contain_text("异议已提交")
    page.get_by_role("button", name="退出").click()

    # The office answers it, then locks and exports the version.
    login(page, "coordinator")
    open_assessment(page)
    page.locator("#objections a").first.click()
    page.get_by_label("答复").fill("经核实，纸质件不作为按时报送依据，维持原分。")
    page.get_by_role("button", name="答复").click()
    expect(page.locator("#objection-answer")).to_contain_text("维持原分")
    assert Objection.objects.get().status == "answered"
    open_assessment(page)
    page.locator("#versions a").first.click()
    page.get_by_role("button", name="锁定结果").click()
    expect(page.locator("h1 [data-status]")).to_have_text("已锁定")
    assert Assessment.objects.get(plan=plan).status == "locked"
    expect(page.get_by_role("button", name="锁定结果")).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("link", name="导出考核结果表").click()
    path = tmp_path / "assessment.xlsx"
    download.value.save_as(path)
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[3]][:4] == ["排名", "单位", "类别", "总分"]
    assert sheet.max_row == 3 + 2  # 省财政厅 and 省发展改革委
    finance_row = next(
        r for r in sheet.iter_rows(min_row=4, values_only=True) if r[1] == "甘肃省财政厅"
    )
    assert f"{finance_row[3]:.2f}" == total
    screenshot(page, "assessment_ranking_locked")
    assert console_errors == []
    assert date(2012, 12, 31) == Assessment.objects.get().as_of
