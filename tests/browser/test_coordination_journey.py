"""Coordination in the browser: 省财政厅 raises an issue on its task, 省发展改革委 answers, the
reform office puts it on a joint meeting's agenda, sends the notice, holds the meeting and records
a decision; 省财政厅 finds the decision in its workspace, reports on it, and sees it turn red once
it is overdue. The notice and minutes are opened in LibreOffice and rendered to PNG.

Pages and documents are saved to var/screenshots/ (coordination-*.png) for people to look at.
"""

import shutil
import subprocess
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from duban.coordination.models import CoordinationIssue, Outcome
from duban.execution.tests.conftest import make_plan, make_task
from duban.plans.models import Plan
from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

TITLE = "预算编制所需的投资项目库数据无法共享"
DECISION = "省发展改革委向省财政厅开放投资项目库数据接口"


@pytest.fixture
def task(demo_accounts, settings):
    """As of 2012-09-30: 1.1.1 led by 省财政厅 with 省发展改革委; the demo's plan is closed."""
    settings.DUBAN_TODAY = date(2012, 9, 30)
    Plan.objects.filter(source__isnull=False).update(status=Plan.Status.CLOSED)
    plan = make_plan()
    finance, reform = demo_accounts["caizheng"].unit, demo_accounts["fagai"].unit
    return make_task(plan, "1.1.1", title="深化预算管理制度改革", lead=finance, co=(reform,))


def switch_to(page: Page, login, username: str) -> None:
    page.context.clear_cookies()
    login(page, username)


def render_docx(download, name: str) -> None:
    """Save the download, let LibreOffice open it (PDF) and keep page 1 as a PNG."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    docx = SCREENSHOTS / f"{name}.docx"
    download.save_as(docx)
    work = SCREENSHOTS / "lo-profile"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{work}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(SCREENSHOTS),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = SCREENSHOTS / f"{name}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(SCREENSHOTS / name)],
        check=True,
        timeout=60,
    )


def raise_issue(page: Page, task) -> None:
    page.goto(f"/plans/tasks/{task.pk}/")
    page.get_by_role("link", name="提出协调事项").click()
    page.get_by_label("事项", exact=True).fill(TITLE)
    page.get_by_label("存在问题").fill("两套系统不联通，项目支出预算无法按期编制。")
    page.get_by_label("省发展改革委", exact=True).check()
    page.get_by_label("紧急程度").select_option(label="紧急")
    page.get_by_role("button", name="提出").click()
    expect(page.locator("h1")).to_contain_text(TITLE)


def answer(page: Page, issue) -> None:
    page.goto(f"/coordination/issues/{issue.pk}/")
    page.get_by_label("答复意见").fill("同意开放接口，10月中旬前完成联调。")
    page.get_by_role("button", name="答复").click()
    expect(page.locator("#thread")).to_contain_text("同意开放接口")


def prepare_meeting(page: Page, issue, screenshot) -> None:
    page.goto("/coordination/")
    page.get_by_role("link", name="筹备2012年联席会议").click()
    page.get_by_label("会议名称").fill("预算管理改革联席会议")
    page.get_by_label("会议日期").fill("2012-09-28")
    page.get_by_label("会议地点").fill("省发展改革委三楼会议室")
    page.get_by_label("主持人").fill("省发展改革委副主任 张明")
    page.get_by_role("button", name="下一步：确定议题和参会单位").click()
    page.locator(f'button[data-agenda="{issue.pk}"]').click()
    expect(page.locator("#agenda")).to_contain_text(TITLE)
    # The suggested units come ticked, each with its reason.
    expect(page.locator(".suggestions")).to_contain_text("点名需协调")
    page.locator('button[data-action="save-units"]').click()
    expect(page.locator("#participants")).to_contain_text("省财政厅")
    screenshot(page, "coordination-meeting-draft")


def hold_meeting(page: Page, issue, screenshot):
    page.locator('button[data-action="convene"]').click()
    expect(page.locator("h1")).to_contain_text("已发通知")
    with page.expect_download() as notice:
        page.get_by_role("link", name="会议通知（Word）").click()
    page.locator('button[data-action="start"]').click()
    page.get_by_label("议题", exact=True).select_option(index=1)
    page.get_by_label("内容", exact=True).fill(DECISION)
    page.get_by_label("责任单位").select_option(label="省财政厅")
    page.get_by_label("完成时限").fill("2012-10-15")
    page.get_by_label(TITLE).check()
    page.get_by_role("button", name="记录", exact=True).click()
    expect(page.locator("#outcomes")).to_contain_text(DECISION)
    page.locator('button[data-action="close"]').click()
    expect(page.locator("h1")).to_contain_text("已结束")
    with page.expect_download() as minutes:
        page.get_by_role("link", name="会议纪要（Word）").click()
    screenshot(page, "coordination-meeting-closed")
    return notice.value, minutes.value


def test_an_issue_is_settled_by_a_joint_meeting_and_its_decision_chased(
    page: Page, task, login, screenshot, settings, console_errors
):
    login(page, "caizheng")
    raise_issue(page, task)
    issue = CoordinationIssue.objects.get(title=TITLE)

    switch_to(page, login, "fagai")
    answer(page, issue)

    switch_to(page, login, "coordinator")
    prepare_meeting(page, issue, screenshot)
    notice, minutes = hold_meeting(page, issue, screenshot)
    issue.refresh_from_db()
    assert issue.status == CoordinationIssue.Status.DECIDED

    switch_to(page, login, "caizheng")
    page.goto("/work/")
    owed = page.locator("#decisions-owed")
    expect(owed).to_contain_text(DECISION)
    expect(owed.locator(".badge")).to_have_text("绿灯")
    owed.get_by_role("link", name="报送进展").click()
    page.get_by_label("进展情况").fill("接口联调中，预计10月12日完成。")
    page.get_by_role("button", name="报送进展").click()
    expect(page.locator("#progress")).to_contain_text("接口联调中")
    screenshot(page, "coordination-decision")

    # A month and a half later, still not done: the decision is red, in the workspace too.
    settings.DUBAN_TODAY = date(2012, 11, 1)
    page.goto("/work/")
    expect(page.locator("#decisions-owed .badge")).to_have_text("红灯")
    expect(page.locator("#decisions-owed .owed-item--late")).to_have_count(1)
    screenshot(page, "coordination-workspace-red")
    assert Outcome.objects.get(text=DECISION).owner_unit.short_name == "省财政厅"
    assert console_errors == []

    if shutil.which("soffice"):
        render_docx(notice, "coordination-notice")
        render_docx(minutes, "coordination-minutes")


def test_the_coordinator_sees_the_collaboration_network(
    page: Page, task, login, console_errors, screenshot
):
    login(page, "coordinator")
    page.goto("/coordination/collaboration/")
    expect(page.locator("#network svg")).to_have_count(1)
    expect(page.locator("#matrix")).to_be_visible()
    screenshot(page, "coordination-collaboration")
    assert console_errors == []
