"""The coordinator imports a document, maps an unknown department, fixes a task the parser kept
as one, publishes the plan and exports its task decomposition table.

The review screen and the plan tree are saved to var/screenshots/ for people to look at.
"""

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# Two areas and three tasks; 省改革试点协调中心 is not in the directory, and 2.1 holds two tasks
# in one paragraph (the pilots, then their evaluation) that the parser cannot tell apart.
DOCUMENT = """甘肃省人民政府关于2013年试点改革工作的意见
甘政发〔2013〕1号

各市、自治州人民政府，省政府各部门：

一、深化财税体制改革
（一）推进预算公开。年底前全面公开省级部门预算。（省财政厅牵头，省审计厅配合）
（二）完善转移支付制度。6月底前出台办法。（省财政厅负责）
二、推进试点工作
（一）开展综合改革试点。选择三个县开展试点。建立试点评估制度，年内形成评估报告。（省改革试点协调中心、省发展改革委负责）

甘肃省人民政府
2013年3月1日
"""


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_coordinator_imports_fixes_publishes_and_exports(
    page: Page, login, screenshot, console_errors, tmp_path
):
    source = tmp_path / "2013年试点改革工作意见.txt"
    source.write_text(DOCUMENT, encoding="utf-8")
    page.on("dialog", lambda dialog: dialog.accept())
    login(page, "coordinator")

    # Import: the nav entry, the upload form, then the review screen.
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="导入文件").click()
    page.get_by_label("文件").set_input_files(source)
    page.get_by_label("计划年度").fill("2013")
    page.get_by_role("button", name="上传并解析").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+/review/$"))
    expect(page.locator(".source-text mark")).to_have_count(3)

    # The unknown department is listed; map it to a unit of the directory.
    row = page.locator("tr[data-name='省改革试点协调中心']")
    expect(row).to_be_visible()
    row.get_by_label("单位全称", exact=True).fill("甘肃省财政厅")
    row.get_by_role("button", name="确认对应").click()
    expect(page.locator("tr[data-name='省改革试点协调中心']")).to_have_count(0)

    # Split 2.1 after its second sentence: the evaluation becomes task 2.2.
    task = page.locator("article[data-path='2.1']")
    option = task.locator("select[name=offset] option", has_text="三个县开展试点")
    task.locator("select[name=offset]").select_option(option.get_attribute("value"))
    task.get_by_role("button", name="拆分").click()
    expect(page.locator("article[data-path='2.2'] .review-task__title")).to_have_text(
        "建立试点评估制度，年内形成评估报告"
    )
    expect(page.locator("article[data-path='2.1'] .review-task__title")).to_have_text(
        "开展综合改革试点"
    )

    # An in-place edit (htmx): retitle 1.2.
    page.locator("article[data-path='1.2']").get_by_role("button", name="编辑").click()
    page.get_by_label("标题").fill("完善省对下转移支付制度")
    page.get_by_role("button", name="保存").click()
    expect(page.locator("article[data-path='1.2'] .review-task__title")).to_have_text(
        "完善省对下转移支付制度"
    )
    page.locator("article[data-path='2.2'] .review-task__path").click()
    expect(page.locator(".source-text mark.is-current")).to_contain_text("建立试点评估制度")
    screenshot(page, "plan_review")

    # Publish, then the plan tree.
    page.get_by_role("button", name="发布计划").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+/$"))
    expect(page.locator(".plan-head .badge")).to_have_text("已发布")
    expect(page.locator(".plan-tree__row")).to_have_count(4)
    screenshot(page, "plan_tree")

    # Export the task decomposition table.
    with page.expect_download() as download:
        page.get_by_role("link", name="导出任务分解表").click()
    assert download.value.suggested_filename.endswith("任务分解表.xlsx")
    saved = Path(tmp_path / download.value.suggested_filename)
    download.value.save_as(saved)
    sheet = load_workbook(saved).active
    rows = {
        r[0]: r
        for r in sheet.iter_rows(min_row=4, values_only=True)
        if r[0] and re.match(r"^\d+\.\d+$", str(r[0]))
    }
    assert sorted(rows) == ["1.1", "1.2", "2.1", "2.2"]
    assert rows["1.2"][1] == "完善省对下转移支付制度"
    assert rows["2.2"][3] == "省财政厅"
    assert rows["1.1"][3:5] == ("省财政厅", "省审计厅")
    assert console_errors == []


def test_the_2012_plan_reads_beside_its_source(page: Page, login, screenshot, console_errors):
    login(page, "coordinator")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="年度计划").click()
    page.get_by_role("link", name="甘肃省2012年经济体制改革重点工作意见").click()
    expect(page.locator(".plan-summary")).to_contain_text("9 个改革领域")
    expect(page.locator(".plan-summary")).to_contain_text("45 个工作单元")
    screenshot(page, "plan_tree_2012")
    page.get_by_role("link", name="对照审核").click()
    page.locator("article[data-path='1.1'] .review-task__path").click()
    expect(page.locator(".source-text mark.is-current")).to_contain_text("深化省属国有企业改革重组")
    screenshot(page, "plan_review_2012")
    assert console_errors == []
