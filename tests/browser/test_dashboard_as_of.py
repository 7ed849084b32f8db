"""The leader's cockpit on a phone and a projector, seen from a past day, and its charts open
the tasks they count.

Pages are saved to var/screenshots/ (leader_home_390, leader_home_1366, leader_home_1024).
"""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def as_of_the_demo(settings):
    settings.DUBAN_TODAY = date(2012, 9, 30)


def page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1024, 768), (1366, 768)])
def test_the_leaders_page_fits_the_screen(
    page: Page, login, screenshot, console_errors, as_of_the_demo, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    login(page, "leader")
    expect(page.locator("#chart-lights svg")).to_have_count(1)
    expect(page.locator("#chart-trend svg")).to_have_count(1)
    page.wait_for_timeout(800)  # the ring grows in
    assert page_width(page) == width  # no sideways scrolling
    # Every text of the ring's chart (legend or labels) lies inside its box: nothing cut.
    box = page.locator("#chart-lights").bounding_box()
    for text in page.locator("#chart-lights svg text").all():
        inner = text.bounding_box()
        if inner and inner["width"]:
            assert (
                box["x"] - 1 <= inner["x"]
                and inner["x"] + inner["width"] <= box["x"] + box["width"] + 1
            )
    screenshot(page, f"leader_home_{width}")
    assert console_errors == []


def test_the_date_picker_shows_an_earlier_day(page: Page, login, console_errors, as_of_the_demo):
    login(page, "leader")
    page.get_by_label("查看日期").fill("2012-07-31")
    page.get_by_role("button", name="查看", exact=True).click()
    page.wait_for_load_state()
    expect(page.locator(".glance__asof")).to_have_text("截至2012年7月31日")
    expect(page.get_by_text("正在查看2012年7月31日的情况")).to_be_visible()
    assert console_errors == []


def test_a_bar_of_the_trend_opens_its_tasks(page: Page, login, console_errors, as_of_the_demo):
    login(page, "leader")
    chart = page.locator("#chart-trend")
    expect(chart.locator("svg")).to_have_count(1)
    page.wait_for_timeout(800)
    # The last bar (30 September) is topped by red: click the middle of its red part.
    x, y = page.evaluate(
        """() => {
          const element = document.getElementById("chart-trend");
          const chart = echarts.getInstanceByDom(element);
          const trend = JSON.parse(document.getElementById("glance-charts").textContent).trend;
          const last = trend.labels.length - 1;
          const total = trend.series.reduce((sum, s) => sum + s.values[last], 0);
          const red = trend.series.find((s) => s.key === "red").values[last];
          return chart.convertToPixel({ gridIndex: 0 }, [trend.labels[last], total - red / 2]);
        }"""
    )
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url("**/reports/plans/*/tasks/*")
    expect(page.get_by_role("heading", name="工作任务亮灯明细")).to_be_visible()
    expect(page.locator(".filter-chip")).to_contain_text("红灯")
    assert "as_of=2012-09-30" in page.url and "light=red" in page.url
    assert console_errors == []


def test_a_slice_of_the_ring_opens_its_tasks(page: Page, login, console_errors, as_of_the_demo):
    login(page, "coordinator")
    chart = page.locator("#chart-lights")
    expect(chart.locator("svg")).to_have_count(1)
    page.wait_for_timeout(1500)  # the ring grows in
    # The middle of the first slice, from the layout ECharts gave it.
    x, y, name = page.evaluate(
        """() => {
          const chart = echarts.getInstanceByDom(document.getElementById("chart-lights"));
          const data = chart.getModel().getSeriesByIndex(0).getData();
          const slice = data.getItemLayout(0);
          const angle = (slice.startAngle + slice.endAngle) / 2;
          const radius = (slice.r0 + slice.r) / 2;
          return [slice.cx + radius * Math.cos(angle), slice.cy + radius * Math.sin(angle),
            data.getName(0)];
        }"""
    )
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url("**/reports/plans/*/tasks/*")
    expect(page.locator(".filter-chip")).to_contain_text(name)
    assert console_errors == []
