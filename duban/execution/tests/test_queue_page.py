"""审核督办: plans awaiting review, late and missing plans and reports, overdue milestones."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from duban.execution.models import ImplementationPlan
from duban.execution.selectors.queue import coordinator_queue
from duban.execution.services.implementation_plans import implementation_plan_submit

from .conftest import make_task, ready_plan

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def submitted(plan_2012, finance_task, caizheng):
    ip = ready_plan(plan_2012, finance_task, caizheng)
    with time_machine.travel(datetime(2012, 5, 25, 9, tzinfo=SHANGHAI), tick=False):
        return implementation_plan_submit(implementation_plan=ip, by=caizheng)


@pytest.mark.django_db
def test_the_queue_lists_a_submitted_plan_with_file_and_return_buttons(
    client, submitted, coordinator
):
    client.force_login(coordinator)

    page = client.get(reverse("execution:queue") + "?as_of=2012-05-26").content.decode()

    assert reverse("execution:plan-file", args=[submitted.pk]) in page
    assert reverse("execution:plan-return", args=[submitted.pk]) in page


@pytest.mark.django_db
def test_one_click_return_with_a_comment_comes_back_to_the_queue(client, submitted, coordinator):
    client.force_login(coordinator)

    response = client.post(
        reverse("execution:plan-return", args=[submitted.pk]),
        {"version": submitted.version, "comment": "节点不够具体", "next": "queue"},
    )

    assert response.url == reverse("execution:queue")
    submitted.refresh_from_db()
    assert submitted.status == ImplementationPlan.Status.RETURNED


@pytest.mark.django_db
def test_late_and_missing_plans_are_shown_as_of_a_date(plan_2012, submitted, reform_unit):
    make_task(plan_2012, "2.1.1", lead=reform_unit)

    queue = coordinator_queue(plan=plan_2012, as_of=date(2012, 9, 30))

    assert {(row.unit.short_name, row.missing) for row in queue.late_or_missing_plans} == {
        ("省财政厅", False),
        ("省发展改革委", True),
    }
    assert [m.title for m in queue.overdue_milestones] == ["完成调研"]


@pytest.mark.django_db
def test_a_leader_reads_the_queue_without_review_buttons(client, submitted, leader):
    client.force_login(leader)

    page = client.get(reverse("execution:queue")).content.decode()

    assert submitted.unit.short_name in page
    assert reverse("execution:plan-file", args=[submitted.pk]) not in page


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["caizheng", "viewer", "lanzhou", "admin"])
def test_the_queue_is_closed_to_units_and_admins(client, demo_accounts, persona):
    client.force_login(demo_accounts[persona])

    assert client.get(reverse("execution:queue")).status_code == 403


@pytest.mark.django_db
def test_with_no_published_plan_the_queue_says_so(client, coordinator, no_demo_plan):
    client.force_login(coordinator)

    assert "尚无已发布的年度计划" in client.get(reverse("execution:queue")).content.decode()


@pytest.mark.django_db
def test_the_queue_takes_a_bounded_number_of_queries(
    client, plan_2012, coordinator, demo_accounts, django_assert_max_num_queries
):
    for n, persona in enumerate(["caizheng", "fagai", "lanzhou"], start=1):
        user = demo_accounts[persona]
        task = make_task(plan_2012, f"1.{n}.1", lead=user.unit)
        ip = ready_plan(plan_2012, task, user)
        implementation_plan_submit(implementation_plan=ip, by=user)
    client.force_login(coordinator)

    with django_assert_max_num_queries(25):
        client.get(reverse("execution:queue") + "?as_of=2012-09-30")


@pytest.mark.django_db
def test_missing_reports_are_summed_up_per_unit(plan_2012, finance_task, reform_task, coordinator):
    queue = coordinator_queue(plan=plan_2012, as_of=date(2012, 4, 30))

    summary = {(g.unit.short_name, g.count, g.oldest_period) for g in queue.missing_by_unit}
    # January–March are overdue by 30 April; each unit reports on both tasks (lead or co).
    assert summary == {
        ("省财政厅", 6, date(2012, 1, 1)),
        ("省发展改革委", 6, date(2012, 1, 1)),
    }


def test_a_long_list_of_reports_shows_the_first_and_links_to_the_review_page(
    client, coordinator, demo_accounts
):
    from duban.web.demo import _demo_history

    _demo_history()
    client.force_login(coordinator)
    page = client.get(reverse("execution:queue") + "?as_of=2012-09-30")
    queue = page.context["queue"]
    waiting = queue.reports_awaiting_review
    assert waiting.total > len(waiting.rows) == 30
    html = page.content.decode()
    assert f"列出前30项，共{waiting.total}项。" in html
    assert html.count(reverse("execution:review-queue") + f"?plan={queue.plan.pk}") == 2
