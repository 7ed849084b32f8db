"""On the review screen the coordinator reads the tasks the parser was least sure of first and
jumps from the list to each one. The screen is saved to var/screenshots/review-doubts.png."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

DOCUMENT = Path(__file__).parents[1] / "parsing" / "corpus" / "chuanbei-2024-investment-plan.txt"


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_least_certain_tasks_come_first_and_link_to_their_task(
    page: Page, login, screenshot, console_errors
):
    login(page, "coordinator")
    page.goto("/plans/import/")
    page.get_by_label("文件").set_input_files(DOCUMENT)
    page.get_by_label("计划年度").fill("2024")
    page.get_by_role("button", name="上传并解析").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+/review/$"))

    doubts = page.locator("#doubts li")
    # The projects 1.–3. under task 3． were read as nested: the one doubt of this document.
    expect(doubts).to_have_count(1)
    expect(doubts.first).to_contain_text("同样式编号从1重新开始，已作下一级")
    expect(doubts.first).to_have_attribute("data-path", "1.1.3.1")
    doubts.first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"#task-\d+$"))
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "review-doubts")
    assert console_errors == []
