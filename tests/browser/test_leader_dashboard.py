"""The leadership's cockpit in the browser: the charts draw under the strict
Content-Security-Policy (ECharts in SVG, rich-text tooltips, data from a JSON script tag), and
a red unit of work leads to its page.

Pages are saved to var/screenshots/ (leader_home, coordinator_home, supervision_dashboard).
"""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def as_of_the_demo(settings):
    settings.DUBAN_TODAY = date(2012, 9, 30)


def hover_ring(page: Page, chart: str) -> str:
    """Moves the pointer around the ring of a pie until ECharts shows a tooltip; the SVG's text."""
    box = page.locator(chart).bounding_box()
    centre_x, centre_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    text = ""
    for _ in range(10):  # the ring grows in for about a second after the page loads
        for dx, dy in ((0.3, 0), (0, 0.3), (-0.3, 0), (0, -0.3)):
            page.mouse.move(centre_x + dx * box["height"], centre_y + dy * box["height"], steps=3)
            page.wait_for_timeout(100)
            text = page.locator(f"{chart} svg").text_content()
            if "项（" in text:
                return text
    return text


def test_the_leaders_charts_render_without_console_errors(
    page: Page, login, screenshot, console_errors, as_of_the_demo
):
    login(page, "leader")
    expect(page.get_by_role("heading", name="领导驾驶舱", exact=True)).to_be_visible()
    # ECharts has drawn both charts: an <svg> inside each container.
    expect(page.locator("#chart-areas svg")).to_have_count(1)
    expect(page.locator("#chart-lights svg")).to_have_count(1)
    expect(page.locator("#chart-areas svg")).to_contain_text("一、")
    # Hovering the ring shows a rich-text tooltip drawn inside the SVG, not an HTML one (which
    # would need inline styles).
    assert "项（" in hover_ring(page, "#chart-lights")
    screenshot(page, "leader_home")
    assert console_errors == []


def test_a_red_unit_of_work_opens_its_task(page: Page, login, console_errors, as_of_the_demo):
    login(page, "leader")
    first_red = page.locator("#red-list tbody a").first
    title = first_red.inner_text()
    first_red.click()
    page.wait_for_load_state()
    expect(page.get_by_text(title.rstrip("…")).first).to_be_visible()
    assert console_errors == []


def test_the_coordinators_home_and_the_dashboard_draw_cleanly(
    page: Page, login, screenshot, console_errors, as_of_the_demo
):
    login(page, "coordinator")
    expect(page.locator("#chart-areas svg")).to_have_count(1)
    expect(page.locator("#queue-counts")).to_contain_text("逾期未报进展报告")
    screenshot(page, "coordinator_home")
    page.goto("/supervision/")
    expect(page.locator("#by-area .strip__cell").first).to_be_visible()
    screenshot(page, "supervision_dashboard")
    assert console_errors == []
