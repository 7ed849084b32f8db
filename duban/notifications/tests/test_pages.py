"""The inbox, mark-read, preferences and the unit's robot page: allowed and denied paths."""

import pytest
from django.urls import reverse

from duban.notifications.models import Channel, ChannelPreference, Notification, UnitWebhook
from duban.notifications.services import notify, unit_webhook_save


@pytest.fixture(autouse=True)
def robot_host(settings):
    """An address literal stands for the robot host: the tests resolve nothing over DNS."""
    settings.DUBAN_WEBHOOK_HOSTS = ["1.1.1.1"]


@pytest.fixture
def message(caizheng):
    (row,) = notify(users=[caizheng], kind="urge", title="催办：请报送8月进展")
    return row


def test_the_header_shows_the_unread_count(client, caizheng, message):
    client.force_login(caizheng)
    html = client.get(reverse("notifications:inbox")).content.decode()
    assert '<span class="unread__count">1</span>' in html
    assert "催办：请报送8月进展" in html


def test_mark_read_by_htmx_returns_the_row(client, caizheng, message):
    client.force_login(caizheng)
    url = reverse("notifications:mark-read", args=[message.pk])
    response = client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "已读" in response.content.decode()
    assert "<html" not in response.content.decode()
    message.refresh_from_db()
    assert message.read_at is not None


def test_no_one_else_can_mark_it_read(client, viewer, message):
    client.force_login(viewer)
    response = client.post(reverse("notifications:mark-read", args=[message.pk]))
    assert response.status_code == 404
    assert Notification.objects.get(pk=message.pk).read_at is None


def test_mark_all_read(client, caizheng, message):
    client.force_login(caizheng)
    client.post(reverse("notifications:mark-all-read"))
    assert not Notification.objects.filter(user=caizheng, read_at__isnull=True).exists()


def test_preferences_turn_a_channel_off(client, caizheng):
    client.force_login(caizheng)
    response = client.post(reverse("notifications:preferences"), {"in_app": "on", "webhook": "on"})
    assert response.status_code == 302
    assert ChannelPreference.objects.get(user=caizheng, channel=Channel.EMAIL).enabled is False


def test_a_blank_preferences_form_switches_nothing_off(client, caizheng):
    client.force_login(caizheng)
    response = client.post(reverse("notifications:preferences"), {"submit": ""})
    assert "请至少保留一种接收方式" in response.content.decode()
    assert not ChannelPreference.objects.filter(user=caizheng, enabled=False).exists()


def test_an_editor_sets_its_units_robot(client, caizheng):
    client.force_login(caizheng)
    url = reverse("notifications:unit-webhook", args=[caizheng.unit_id])
    data = {"url": "https://1.1.1.1/robot/send?access_token=x", "active": "on"}
    assert client.post(url, data).status_code == 302
    assert UnitWebhook.objects.get(unit=caizheng.unit).active


def test_a_stale_robot_edit_is_refused(client, caizheng):
    unit_webhook_save(
        unit=caizheng.unit, url="https://1.1.1.1/a", secret="", active=True, by=caizheng
    )
    client.force_login(caizheng)
    url = reverse("notifications:unit-webhook", args=[caizheng.unit_id])
    stale = {"url": "https://1.1.1.1/b", "active": "on", "version": 0}
    response = client.post(url, stale)
    assert response.status_code == 200
    assert "已被他人修改" in response.content.decode()
    assert UnitWebhook.objects.get(unit=caizheng.unit).url == "https://1.1.1.1/a"


def test_a_viewer_sees_but_cannot_change_the_robot(client, viewer, caizheng):
    unit_webhook_save(
        unit=caizheng.unit, url="https://1.1.1.1/hook", secret="", active=True, by=caizheng
    )
    client.force_login(viewer)
    url = reverse("notifications:unit-webhook", args=[viewer.unit_id])
    assert client.get(url).status_code == 200
    assert client.post(url, {"url": "https://evil.example.com/", "active": "on"}).status_code == 403
    assert UnitWebhook.objects.get(unit=caizheng.unit).url == "https://1.1.1.1/hook"


def test_another_units_robot_does_not_exist(client, lanzhou, caizheng):
    client.force_login(lanzhou)
    url = reverse("notifications:unit-webhook", args=[caizheng.unit_id])
    assert client.get(url).status_code == 404


def test_the_coordinator_reads_any_units_failures(client, coordinator, caizheng):
    client.force_login(coordinator)
    url = reverse("notifications:unit-webhook", args=[caizheng.unit_id])
    assert client.get(url).status_code == 200
    assert client.post(url, {"url": "https://1.1.1.1/", "active": "on"}).status_code == 403
