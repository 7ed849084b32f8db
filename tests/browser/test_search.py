"""Search from the header: 财政 finds the tasks and 省财政厅, with the word marked, and a result
opens its page. The page fits a phone. Saved as var/screenshots/search_{390,1366}.png."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 768)])
def test_search_from_the_header_and_open_a_task(
    page: Page, login, screenshot, console_errors, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    login(page, "caizheng")
    page.get_by_role("searchbox", name="搜索").fill("财政")
    page.get_by_role("searchbox", name="搜索").press("Enter")
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_contain_text("财政")
    units = page.locator('[data-kind="unit"]')
    expect(units).to_contain_text("甘肃省财政厅")
    tasks = page.locator('[data-kind="task"] .search-hit__title')
    expect(tasks.first).to_be_visible()
    expect(page.locator('[data-kind="task"] mark').first).to_have_text("财政")
    assert page.evaluate("document.documentElement.scrollWidth") == width
    screenshot(page, f"search_{width}")
    title = tasks.first.inner_text()
    tasks.first.click()
    page.wait_for_load_state()
    assert "/plans/tasks/" in page.url
    # The task page's heading is the task's title without its path number.
    expect(page.get_by_role("heading", level=1)).to_contain_text(title.split(" ", 1)[1][:8])
    assert console_errors == []
