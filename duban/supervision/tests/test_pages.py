"""Supervision pages: the dashboard, 催办 forms, the unit's inbox and acknowledgement,
judgements — each allowed path beside its denied one."""

from datetime import date

import pytest
from django.urls import reverse

from duban.supervision.models import Judgement, Urge
from duban.supervision.services import urge_send
from duban.supervision.tests.conftest import make_milestone


def test_the_dashboard_shows_lights_and_the_flagged_disagreement(client, coordinator, red_task):
    client.force_login(coordinator)
    response = client.get(reverse("supervision:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'title="红灯：里程碑“起草条例”已逾期32天"' in html
    # The lead says 按计划推进 while the light is red: flagged.
    assert "判断不一致：自报“按计划推进”，计算为红灯" in html
    assert "省财政厅" in html


def test_leaders_read_the_dashboard(client, leader, red_task):
    client.force_login(leader)
    assert client.get(reverse("supervision:dashboard")).status_code == 200


@pytest.mark.parametrize("persona", ["caizheng", "viewer", "admin_user"])
def test_units_and_admins_do_not_see_the_dashboard(client, request, persona, red_task):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("supervision:dashboard")).status_code == 403


def test_the_coordinator_urges_the_lead_of_a_task(client, coordinator, red_task, finance_unit):
    client.force_login(coordinator)
    url = reverse("supervision:urge-task", args=[red_task.pk])
    assert "省财政厅" in client.get(url).content.decode()
    data = {"unit": finance_unit.pk, "step": "urge", "message": "请加快起草条例。"}
    response = client.post(url, data)
    urge = Urge.objects.get()
    assert response.status_code == 302
    assert (urge.unit, urge.task, urge.message) == (finance_unit, red_task, "请加快起草条例。")


def test_a_task_cannot_be_urged_on_a_unit_not_assigned_to_it(
    client, coordinator, red_task, lanzhou_unit
):
    client.force_login(coordinator)
    url = reverse("supervision:urge-task", args=[red_task.pk])
    data = {"unit": lanzhou_unit.pk, "step": "urge", "message": "请加快。"}
    assert client.post(url, data).status_code == 200  # the form refuses the choice
    assert not Urge.objects.exists()


def test_the_coordinator_urges_a_unit(client, coordinator, lanzhou_unit):
    client.force_login(coordinator)
    url = reverse("supervision:urge-unit", args=[lanzhou_unit.pk])
    client.post(url, {"step": "warning", "message": "实施方案逾期未报。"})
    assert Urge.objects.get().step == "warning"


@pytest.mark.parametrize("persona", ["leader", "caizheng", "viewer"])
def test_no_one_else_sends_notices(client, request, persona, red_task, finance_unit):
    client.force_login(request.getfixturevalue(persona))
    data = {"unit": finance_unit.pk, "step": "urge", "message": "请加快。"}
    assert (
        client.post(reverse("supervision:urge-task", args=[red_task.pk]), data).status_code == 403
    )
    unit_url = reverse("supervision:urge-unit", args=[finance_unit.pk])
    assert client.post(unit_url, data).status_code == 403
    assert not Urge.objects.exists()


@pytest.fixture
def urge(coordinator, finance_unit):
    return urge_send(unit=finance_unit, message="请报送8月进展。", by=coordinator)


def test_the_unit_sees_the_notice_in_its_inbox_and_acknowledges_it(client, caizheng, urge):
    client.force_login(caizheng)
    assert "请报送8月进展。" in client.get(reverse("supervision:inbox")).content.decode()
    url = reverse("supervision:urge-acknowledge", args=[urge.pk])
    response = client.post(url, {"note": "已于9月28日报送。", "version": urge.version})
    assert response.status_code == 302
    urge.refresh_from_db()
    assert urge.acknowledged_by == caizheng
    assert "已于9月28日报送。" in client.get(response.url).content.decode()


def test_a_viewer_reads_but_does_not_acknowledge(client, viewer, urge):
    client.force_login(viewer)
    assert client.get(reverse("supervision:urge-detail", args=[urge.pk])).status_code == 200
    url = reverse("supervision:urge-acknowledge", args=[urge.pk])
    assert client.post(url, {"version": urge.version}).status_code == 403


def test_another_unit_does_not_know_the_notice_exists(client, lanzhou, fagai, urge):
    for persona in (lanzhou, fagai):
        client.force_login(persona)
        assert client.get(reverse("supervision:urge-detail", args=[urge.pk])).status_code == 404
        url = reverse("supervision:urge-acknowledge", args=[urge.pk])
        assert client.post(url, {"version": urge.version}).status_code == 404
        assert "请报送8月进展。" not in client.get(reverse("supervision:inbox")).content.decode()


def test_the_coordinator_cannot_acknowledge_for_the_unit(client, coordinator, urge):
    client.force_login(coordinator)
    assert client.get(reverse("supervision:urge-detail", args=[urge.pk])).status_code == 200
    url = reverse("supervision:urge-acknowledge", args=[urge.pk])
    assert client.post(url, {"version": urge.version}).status_code == 403


def test_the_coordinator_records_a_judgement(client, coordinator, red_task):
    client.force_login(coordinator)
    url = reverse("supervision:judgement", args=[red_task.pk])
    response = client.post(url, {"level": 2, "reason": "条例审议推迟到11月。"})
    assert response.status_code == 302
    assert Judgement.objects.get(task=red_task).level == 2


@pytest.mark.parametrize("persona", ["leader", "caizheng"])
def test_no_one_else_records_judgements(client, request, persona, red_task):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("supervision:judgement", args=[red_task.pk])
    assert client.post(url, {"level": 2, "reason": "x"}).status_code == 403
    assert not Judgement.objects.exists()


def test_the_dashboard_costs_the_same_queries_for_more_tasks(
    client, coordinator, red_task, plan_2012, finance_unit, django_assert_max_num_queries
):
    from duban.supervision.tests.conftest import make_task

    client.force_login(coordinator)
    client.get(reverse("supervision:dashboard"))
    for n in range(2, 12):
        task = make_task(plan_2012, f"1.1.{n}", lead=finance_unit)
        make_milestone(task, finance_unit, f"节点{n}", date(2012, 9, 1))
    with django_assert_max_num_queries(25):
        assert client.get(reverse("supervision:dashboard")).status_code == 200


def test_the_dashboard_shows_failed_deliveries(client, coordinator, caizheng, red_task):
    from duban.notifications.models import DeliveryAttempt, UnitWebhook
    from duban.notifications.services import notify

    (message,) = notify(users=[caizheng], kind="urge", title="催办")
    webhook = UnitWebhook.objects.create(unit=caizheng.unit, url="http://127.0.0.1:9/")
    DeliveryAttempt.objects.create(
        notification=message,
        channel="webhook",
        webhook=webhook,
        attempt=5,
        status="gave_up",
        error="HTTPError: HTTP Error 500",
    )
    client.force_login(coordinator)
    html = client.get(reverse("supervision:dashboard")).content.decode()
    assert "消息推送失败" in html
    assert "HTTPError: HTTP Error 500" in html
