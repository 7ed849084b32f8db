"""Monthly reporting in the browser: a department files its September report with evidence from
its workspace without a manual; the reform office returns it with a reason, the unit sees why,
fixes it and files again; everyone reads the plan's progress with its formula.

Pages are saved to var/screenshots/ (workspace, report form, report page, report list,
progress) for people to look at.
"""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from duban.execution.models import Evidence, ProgressReport
from duban.execution.services.reports import (
    ReportContent,
    progress_report_accept,
    progress_report_save,
)
from duban.execution.tests.conftest import make_plan, make_task
from duban.plans.models import Plan

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def plan(demo_accounts, settings, tmp_path):
    """As of 2012-09-30: 省财政厅 leads 1.1.1 (reported to August) and 1.1.2 (never reported).

    The demo's imported plan is closed for the journey, so only these tasks are owed.
    """
    settings.DUBAN_TODAY = date(2012, 9, 30)
    settings.MEDIA_ROOT = tmp_path / "media"
    Plan.objects.filter(source__isnull=False).update(status=Plan.Status.CLOSED)
    plan = make_plan()
    finance, reform = demo_accounts["caizheng"].unit, demo_accounts["fagai"].unit
    budget = make_task(plan, "1.1.1", title="深化预算管理制度改革", lead=finance, co=(reform,))
    make_task(plan, "1.1.2", title="推进省以下财政体制改革", lead=finance, kind="multi_year")
    # 1.1.1 is up to date to August; the coordinator accepted each month.
    for month in range(1, 9):
        report = progress_report_save(
            task=budget,
            unit=finance,
            period_start=date(2012, month, 1),
            content=ReportContent(
                status="on_track",
                percent=None,
                work_done="起草《甘肃省省级预算管理办法》（征求意见稿），征求省直部门意见。",
                next_steps="修改完善办法，报省政府常务会议审议。",
            ),
            submit=True,
            as_of=date(2012, 9, 30),
            by=demo_accounts["caizheng"],
        )
        progress_report_accept(
            report=report, seen_version=report.version, by=demo_accounts["coordinator"]
        )
    return plan


def test_an_editor_files_a_monthly_report_with_evidence(
    page: Page, login, screenshot, console_errors, plan, tmp_path
):
    login(page, "caizheng")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="本单位工作台").click()
    owed = page.locator("#reports-owed")
    expect(owed).to_contain_text("深化预算管理制度改革")
    expect(owed.locator("tr", has_text="1.1.2")).to_contain_text("逾期")  # never reported
    screenshot(page, "reports_workspace_caizheng")

    # 1.1.1 owes September only: the workspace's 填报 opens it.
    owed.locator("tr", has_text="1.1.1").get_by_role("link", name="填报").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("填报进展报告")
    expect(page.locator(".report-head")).to_contain_text("2012年9月")
    # The new report starts from August's: only what changed needs typing.
    expect(page.get_by_label("本期工作进展")).to_have_value(
        "起草《甘肃省省级预算管理办法》（征求意见稿），征求省直部门意见。"
    )
    expect(page.get_by_label("完成进度（%）")).to_have_attribute("placeholder", "默认 75%")
    page.get_by_label("存在风险").check()
    expect(page.get_by_label("完成进度（%）")).to_have_attribute("placeholder", "默认 65%")
    page.get_by_label("本期工作进展").fill("《甘肃省省级预算管理办法》已经省政府常务会议审议通过。")
    page.get_by_label("存在问题").fill("部分市州配套办法尚未出台。")
    evidence = tmp_path / "常务会议纪要.pdf"
    evidence.write_bytes(PDF)
    page.get_by_label("佐证材料").set_input_files(str(evidence))
    screenshot(page, "report_form_caizheng")
    page.get_by_role("button", name="报送", exact=True).click()

    expect(page.locator("#messages")).to_contain_text("进展报告已报送，等待审核")
    expect(page.locator(".report-card")).to_contain_text("存在风险")
    expect(page.locator("#evidence")).to_contain_text("常务会议纪要.pdf")
    screenshot(page, "report_detail_caizheng")
    report = ProgressReport.objects.get(period_start=date(2012, 9, 1), task__path="1.1.1")
    assert report.review == "submitted" and report.percent == 65
    assert Evidence.objects.get(report=report).size == len(PDF)
    assert console_errors == []


def test_a_returned_report_comes_back_with_its_reason(
    page: Page, login, screenshot, console_errors, plan, demo_accounts
):
    budget = plan.tasks.get(path="1.1.1")
    report = progress_report_save(
        task=budget,
        unit=demo_accounts["caizheng"].unit,
        period_start=date(2012, 9, 1),
        content=ReportContent(status="on_track", percent=None, work_done="按计划推进。"),
        submit=True,
        by=demo_accounts["caizheng"],
    )
    login(page, "coordinator")
    page.goto(f"/work/reports/{report.pk}/")
    page.get_by_label("审核意见").fill("请写明办法审议的具体时间，并附会议纪要。")
    screenshot(page, "report_review_coordinator")
    page.get_by_role("button", name="退回").click()
    expect(page.locator("#messages")).to_contain_text("已退回该报告")

    page.context.clear_cookies()
    login(page, "caizheng")
    page.goto("/work/reports/")
    returned = page.locator(".panel", has_text="被退回的报告")
    expect(returned).to_contain_text("请写明办法审议的具体时间")
    screenshot(page, "report_list_caizheng")
    returned.get_by_role("link", name="修改后重报").click()
    expect(page.locator(".return-note")).to_contain_text("请写明办法审议的具体时间")
    page.get_by_label("本期工作进展").fill("9月18日省政府常务会议审议通过预算管理办法。")
    page.get_by_role("button", name="报送", exact=True).click()
    expect(page.locator(".report-card")).to_contain_text("已报送")
    assert console_errors == []


def test_the_progress_page_shows_the_formula_and_the_tree(
    page: Page, login, screenshot, console_errors, plan
):
    login(page, "leader")
    page.goto(f"/work/progress/{plan.pk}/")
    expect(page.locator(".formula")).to_contain_text("Σ(wᵢ × Pᵢ) ÷ Σwᵢ")
    expect(page.locator(".progress-table")).to_contain_text("深化预算管理制度改革")
    screenshot(page, "progress_plan_leader")
    assert console_errors == []
