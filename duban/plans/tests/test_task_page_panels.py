"""The task page carries the work: light and reasons, milestones, reports by unit and period,
批示, and the 催办 button only for those allowed (supervision.permissions.can_urge)."""

from datetime import date

import pytest
from django.urls import reverse

from duban.plans.models import Assignment
from duban.supervision.tests.conftest import make_milestone, make_report


@pytest.fixture
def worked_task(demo_plan, caizheng, settings):
    """A unit of work 省财政厅 leads, with an overdue milestone and its August report."""
    settings.DUBAN_TODAY = date(2012, 9, 30)
    share = (
        Assignment.objects.leads()
        .filter(task__plan=demo_plan, unit=caizheng.unit, task__region__isnull=True)
        .select_related("task")
        .order_by("task__path")
        .first()
    )
    task = share.task
    make_milestone(task, caizheng.unit, "完成调研报告", date(2012, 6, 30))
    make_report(task, caizheng.unit, 8, percent=55)
    return task


@pytest.fixture
def demo_plan(demo_accounts):
    from duban.plans.models import Plan

    return Plan.objects.get(year=2012, source__isnull=False)


def _page(client, user, task):
    client.force_login(user)
    return client.get(reverse("plans:task-detail", args=[task.pk]))


def test_the_coordinator_sees_the_light_the_work_and_the_urge_button(
    client, coordinator, worked_task
):
    html = _page(client, coordinator, worked_task).content.decode()
    assert 'data-panel="light"' in html and "红灯" in html and "完成调研报告" in html
    assert "已逾期" in html and "2012年8月" in html and "55%" in html
    assert 'data-action="urge"' in html
    assert reverse("supervision:urge-task", args=[worked_task.pk]) in html


@pytest.mark.parametrize("persona", ["caizheng", "viewer", "leader"])
def test_only_the_coordinator_is_offered_the_urge_button(
    client, demo_accounts, worked_task, persona
):
    response = _page(client, demo_accounts[persona], worked_task)
    assert response.status_code == 200
    html = response.content.decode()
    assert "完成调研报告" in html and 'data-action="urge"' not in html


def test_the_leader_is_offered_the_comment_form_others_are_not(
    client, leader, coordinator, worked_task
):
    link = reverse("execution:comment-add", args=[worked_task.pk])
    assert link in _page(client, leader, worked_task).content.decode()
    assert link not in _page(client, coordinator, worked_task).content.decode()


def test_a_visitor_who_is_not_signed_in_is_sent_to_the_login(client, worked_task):
    response = client.get(reverse("plans:task-detail", args=[worked_task.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
