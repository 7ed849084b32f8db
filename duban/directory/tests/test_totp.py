"""With DUBAN_TOTP on, the reform office and the administrators give a one-time password after
their password; unit staff do not; wrong codes count towards the lock-out."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from duban.web.demo import DEMO_PASSWORD


@pytest.fixture
def totp_on(settings):
    settings.DUBAN_TOTP = True


def _code(user) -> str:
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def _sign_in(client, username):
    return client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})


def test_a_coordinator_enrols_then_gives_the_code(client, coordinator, totp_on):
    _sign_in(client, "coordinator")
    response = client.get(reverse("web:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("otp"))
    page = client.get(response["Location"])
    assert "身份验证器" in page.content.decode() and page.context["enrolling"]
    assert client.post(reverse("otp"), {"token": "000000"}).status_code == 422
    # django-otp also slows down guessing: the next try is taken a few seconds later.
    with time_machine.travel(timedelta(seconds=5)):
        answer = client.post(reverse("otp") + "?next=/plans/", {"token": _code(coordinator)})
    assert answer.status_code == 302 and answer["Location"] == "/plans/"
    assert client.get(reverse("web:home")).status_code == 200
    assert TOTPDevice.objects.get(user=coordinator).confirmed


def test_the_next_sign_in_asks_for_the_code_again(client, coordinator, totp_on):
    _sign_in(client, "coordinator")
    client.get(reverse("otp"))
    client.post(reverse("otp"), {"token": _code(coordinator)})
    client.post(reverse("logout"))
    _sign_in(client, "coordinator")
    assert client.get(reverse("web:home")).status_code == 302
    page = client.get(reverse("otp"))
    assert not page.context["enrolling"]


def test_unit_staff_need_no_code(client, caizheng, totp_on):
    _sign_in(client, "caizheng")
    assert client.get(reverse("web:home")).status_code == 200


@pytest.mark.parametrize("username", ["admin", "security", "auditor"])
def test_the_administrators_need_the_code(client, demo_accounts, totp_on, username):
    _sign_in(client, username)
    assert reverse("otp") in client.get(reverse("web:home"))["Location"]


def test_wrong_codes_lock_the_account(client, coordinator, totp_on, settings):
    _sign_in(client, "coordinator")
    client.get(reverse("otp"))
    for _ in range(settings.DUBAN_LOGIN_MAX_FAILURES):
        client.post(reverse("otp"), {"token": "000000"})
    with time_machine.travel(timedelta(seconds=120)):
        assert client.post(reverse("otp"), {"token": _code(coordinator)}).status_code == 422


def test_off_by_default(client, coordinator):
    _sign_in(client, "coordinator")
    assert client.get(reverse("web:home")).status_code == 200
