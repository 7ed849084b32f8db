"""A unit's chat robot may only be a public https chat-robot host: no SSRF into the network."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from duban.notifications.models import DeliveryAttempt, Notification, UnitWebhook
from duban.notifications.services import unit_webhook_save
from duban.notifications.tasks import deliver_webhook
from duban.notifications.webhook_url import check_webhook_url


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1:5432/", "https"),
        ("https://169.254.169.254/latest/meta-data/", "不在允许"),
        ("https://localhost/", "不在允许"),
    ],
)
def test_internal_addresses_are_refused(url, why):
    with pytest.raises(ValidationError, match=why):
        check_webhook_url(url)


@override_settings(DUBAN_WEBHOOK_HOSTS=["localhost", "169.254.169.254"])
@pytest.mark.parametrize("url", ["https://localhost/robot", "https://169.254.169.254/"])
def test_a_listed_host_resolving_to_a_private_address_is_refused(url):
    with pytest.raises(ValidationError, match="内网或保留地址"):
        check_webhook_url(url)


@override_settings(DUBAN_WEBHOOK_HOSTS=["1.1.1.1"])
def test_a_public_listed_host_is_accepted():
    check_webhook_url("https://1.1.1.1/robot/send?access_token=x")


def test_an_editor_cannot_save_an_internal_address(client, caizheng):
    client.force_login(caizheng)
    url = reverse("notifications:unit-webhook", args=[caizheng.unit_id])
    response = client.post(url, {"url": "http://127.0.0.1:5432/", "active": "on"})
    assert response.status_code == 200
    assert "https://" in response.content.decode()
    assert not UnitWebhook.objects.filter(unit=caizheng.unit).exists()
    with pytest.raises(ValidationError):
        unit_webhook_save(
            unit=caizheng.unit, url="https://localhost/", secret="", active=True, by=caizheng
        )


def test_an_internal_address_already_stored_is_not_called(caizheng, settings):
    settings.DUBAN_WEBHOOK_ATTEMPTS = 1
    webhook = UnitWebhook.objects.create(unit=caizheng.unit, url="http://127.0.0.1:5432/")
    notification = Notification.objects.create(user=caizheng, kind="urge", title="催办")
    assert deliver_webhook.call(notification.id, webhook.id) == "gave_up"
    attempt = DeliveryAttempt.objects.get(webhook=webhook)
    assert "ValidationError" in attempt.error and "https" in attempt.error


def test_a_redirect_is_not_followed(caizheng, chat_robot, settings):
    settings.DUBAN_WEBHOOK_ATTEMPTS = 1
    url, receiver = chat_robot
    receiver.status, receiver.location = 307, url + "/elsewhere"
    webhook = UnitWebhook.objects.create(unit=caizheng.unit, url=url)
    notification = Notification.objects.create(user=caizheng, kind="urge", title="催办")
    assert deliver_webhook.call(notification.id, webhook.id) == "gave_up"
    assert len(receiver.bodies) == 1  # the redirect target was never POSTed to
    assert "重定向" in DeliveryAttempt.objects.get(webhook=webhook).error


def test_the_post_connects_to_the_address_that_was_checked(monkeypatch, settings):
    """A rebinding DNS server answering public for the check and loopback for the connection
    gains nothing: the name is resolved once and the connection goes to that address."""
    import socket

    from duban.notifications import webhook_url

    settings.DUBAN_WEBHOOK_HOSTS = ["robot.example.com"]
    answers = iter(["1.1.1.1", "127.0.0.1", "127.0.0.1"])
    lookups, connections = [], []

    def rebinding(host, port, *args, **kwargs):
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    def connect(address, timeout=None, *args):
        connections.append(address)
        raise OSError("not really connecting")

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(socket, "create_connection", connect)
    with pytest.raises(OSError):
        webhook_url.post("https://robot.example.com/send", b"{}", {}, timeout=1)
    assert lookups == ["robot.example.com"]
    assert connections == [("1.1.1.1", 443)]
