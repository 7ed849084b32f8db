"""本单位工作台: one page of what the unit owes and when, or a clear "nothing owed"."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from duban.execution.selectors.workspace import unit_workspace
from duban.execution.services.implementation_plans import implementation_plan_submit
from duban.execution.services.milestones import milestone_add

from .conftest import make_plan, make_task, ready_plan

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.django_db
def test_a_unit_with_nothing_assigned_sees_nothing_owed(client, plan_2012, caizheng):
    client.force_login(caizheng)

    page = client.get(reverse("execution:workspace")).content.decode()

    assert "目前没有待办事项" in page


@pytest.mark.django_db
def test_the_workspace_lists_the_plan_to_file_with_its_deadline(
    client, plan_2012, finance_task, caizheng
):
    client.force_login(caizheng)

    page = client.get(reverse("execution:workspace") + "?as_of=2012-05-01").content.decode()

    assert "待报送实施方案" in page
    assert "2012年5月20日前报送" in page
    assert "目前没有待办事项" not in page
    plans_section = page.split('id="plans-to-file"')[1].split("</section>")[0]
    assert "已逾期" not in plans_section


@pytest.mark.django_db
def test_past_the_deadline_the_plan_to_file_shows_as_late(
    client, plan_2012, finance_task, caizheng
):
    client.force_login(caizheng)

    page = client.get(reverse("execution:workspace") + "?as_of=2012-05-21").content.decode()

    plans_section = page.split('id="plans-to-file"')[1].split("</section>")[0]
    assert "已逾期" in plans_section


@pytest.mark.django_db
def test_milestones_coming_due_and_overdue_are_each_a_click_from_the_tick_form(
    filed_plan, finance_task, caizheng
):
    soon = milestone_add(
        implementation_plan=filed_plan,
        task=finance_task,
        title="形成初稿",
        due_date=date(2012, 7, 20),
        by=caizheng,
    )
    ws = unit_workspace(unit=caizheng.unit, as_of=date(2012, 7, 1))

    assert [m.title for m in ws.milestones_overdue] == ["完成调研"]
    assert [m.pk for m in ws.milestones_coming_due] == [soon.pk]
    assert not ws.nothing_owed


@pytest.mark.django_db
def test_the_workspace_page_links_each_milestone_to_its_tick_form(client, filed_plan, caizheng):
    client.force_login(caizheng)
    milestone = filed_plan.milestones.get()

    page = client.get(reverse("execution:workspace") + "?as_of=2012-07-01").content.decode()

    assert reverse("execution:milestone-tick", args=[milestone.pk]) in page


@pytest.mark.django_db
def test_a_viewer_sees_the_units_work_without_any_button_to_change_it(client, filed_plan, viewer):
    client.force_login(viewer)
    milestone = filed_plan.milestones.get()

    page = client.get(reverse("execution:workspace") + "?as_of=2012-07-01").content.decode()

    assert "完成调研" in page
    assert reverse("execution:milestone-tick", args=[milestone.pk]) not in page


@pytest.mark.django_db
def test_another_units_work_does_not_appear(client, filed_plan, fagai):
    client.force_login(fagai)

    page = client.get(reverse("execution:workspace") + "?as_of=2012-07-01").content.decode()

    assert "完成调研" not in page


@pytest.mark.django_db
def test_a_city_owes_a_plan_for_its_own_plan_items(client, plan_2012, lanzhou):
    origin = make_task(plan_2012, "3.1.1", title="推进城乡一体化", lead=None)
    make_task(
        plan_2012,
        "3.1.1",
        title="推进城乡一体化（兰州市）",
        lead=lanzhou.unit,
        region=lanzhou.unit.region,
        origin=origin,
    )
    client.force_login(lanzhou)

    ws = unit_workspace(unit=lanzhou.unit, as_of=date(2012, 5, 1))

    assert [item.plan for item in ws.plans_to_file] == [plan_2012]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"), [("coordinator", 302), ("leader", 302), ("admin", 403)]
)
def test_the_workspace_is_for_a_units_staff(client, demo_accounts, persona, status):
    client.force_login(demo_accounts[persona])

    response = client.get(reverse("execution:workspace"))

    assert response.status_code == status
    if status == 302:
        assert response.url == reverse("execution:queue")


@pytest.mark.django_db
def test_the_workspace_page_takes_a_bounded_number_of_queries(
    client, caizheng, finance_unit, no_demo_plan, django_assert_max_num_queries
):
    plan = make_plan()
    for n in range(1, 6):
        task = make_task(plan, f"1.{n}.1", lead=finance_unit)
        ip = ready_plan(plan, task, caizheng)
        milestone_add(
            implementation_plan=ip,
            task=task,
            title=f"节点{n}",
            due_date=date(2012, 7, n),
            by=caizheng,
        )
    with time_machine.travel(datetime(2012, 5, 10, tzinfo=SHANGHAI), tick=False):
        implementation_plan_submit(implementation_plan=ip, by=caizheng)
    client.force_login(caizheng)

    with django_assert_max_num_queries(25):
        client.get(reverse("execution:workspace") + "?as_of=2012-07-01")


@pytest.mark.django_db
def test_reports_owed_show_one_line_per_task_starting_from_the_oldest(finance_task, caizheng):
    ws = unit_workspace(unit=caizheng.unit, as_of=date(2012, 4, 10))

    [line] = ws.reports_owed_by_task
    # January–March are late by 10 April; April's report is not yet due.
    assert (line.task, line.oldest.period_start, line.count, line.late_count) == (
        finance_task,
        date(2012, 1, 1),
        4,
        3,
    )
