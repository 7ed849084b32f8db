"""The task page in the browser: the light with its reasons, milestones and reports by unit,
and a 催办 button for the reform office only. Saved as var/screenshots/task_page.png."""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from duban.plans.models import Assignment
from duban.supervision.tests.conftest import make_milestone, make_report

pytestmark = pytest.mark.browser


@pytest.fixture
def worked_task(demo_accounts, settings):
    settings.DUBAN_TODAY = date(2012, 9, 30)
    unit = demo_accounts["caizheng"].unit
    share = (
        Assignment.objects.leads()
        .filter(task__plan__year=2012, unit=unit, task__region__isnull=True)
        .select_related("task")
        .order_by("task__path")
        .first()
    )
    make_milestone(share.task, unit, "完成调研报告", date(2012, 6, 30))
    make_milestone(share.task, unit, "出台实施办法", date(2012, 12, 31))
    for month in (7, 8):
        make_report(share.task, unit, month, percent=40 + month)
    return share.task


def test_the_coordinator_sees_the_state_and_can_urge(
    page: Page, login, worked_task, screenshot, console_errors
):
    login(page, "coordinator")
    page.goto(f"/plans/tasks/{worked_task.pk}/")
    light = page.locator('[data-panel="light"]')
    expect(light).to_contain_text("红灯")
    expect(light).to_contain_text("完成调研报告")  # the reason names the milestone
    expect(page.locator('[data-panel="milestones"] tbody tr')).to_have_count(2)
    expect(page.locator('[data-panel="reports"] tbody tr')).to_have_count(2)
    expect(page.locator('[data-panel="reports"]')).to_contain_text("2012年8月")
    expect(page.locator('[data-action="urge"]')).to_be_visible()
    screenshot(page, "task_page")
    page.locator('[data-action="urge"]').click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading").first).to_contain_text("催办")
    assert console_errors == []


def test_the_lead_unit_sees_the_same_state_without_the_urge_button(
    page: Page, login, worked_task, console_errors
):
    login(page, "caizheng")
    page.goto(f"/plans/tasks/{worked_task.pk}/")
    expect(page.locator('[data-panel="light"]')).to_contain_text("红灯")
    expect(page.locator('[data-panel="milestones"] tbody tr')).to_have_count(2)
    expect(page.locator('[data-action="urge"]')).to_have_count(0)
    assert console_errors == []
