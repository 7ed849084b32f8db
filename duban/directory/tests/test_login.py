"""Sign-in protection: lock-out after repeated failures, unlock by the security administrator
or after the delay, idle sessions signed out, every event on the audit chain."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from duban import settings as production
from duban.audit import chain
from duban.audit.models import AuditEntry
from duban.directory.models import User
from duban.directory.services import user_create, user_unlock
from duban.web.demo import DEMO_PASSWORD

Kind = AuditEntry.Kind
LOGIN = "/accounts/login/"


def _login(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def _kinds(username) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_id__in=[username, str(_pk(username))])
        .exclude(kind=Kind.CHANGE)
        .order_by("id")
        .values_list("kind", flat=True)
    )


def _pk(username):
    return User.objects.filter(username=username).values_list("pk", flat=True).first()


def test_ten_failures_then_the_right_password_is_refused(client, fagai):
    for _ in range(10):
        assert _login(client, "fagai", "wrong").status_code == 200
    response = _login(client, "fagai", DEMO_PASSWORD)
    assert not _signed_in(client)
    assert "已暂停登录" in response.content.decode()
    kinds = _kinds("fagai")
    assert kinds.count(Kind.LOCKED) == 1 and kinds.count(Kind.LOGIN_FAILED) == 11
    assert chain.verify()[1] is None


def test_the_lock_ends_after_the_delay(client, fagai, settings):
    for _ in range(settings.DUBAN_LOGIN_MAX_FAILURES):
        _login(client, "fagai", "wrong")
    _login(client, "fagai", DEMO_PASSWORD)
    assert not _signed_in(client)
    with time_machine.travel(timedelta(minutes=settings.DUBAN_LOGIN_LOCKOUT_MINUTES + 1)):
        _login(client, "fagai", DEMO_PASSWORD)
        assert _signed_in(client)


def test_the_security_administrator_unlocks_with_a_reason(client, fagai, security_admin):
    for _ in range(10):
        _login(client, "fagai", "wrong")
    user_unlock(target=fagai, reason="本人电话确认", by=security_admin)
    _login(client, "fagai", DEMO_PASSWORD)
    assert _signed_in(client)
    unlocked = AuditEntry.objects.get(kind=Kind.UNLOCKED)
    assert unlocked.actor_name == "security" and unlocked.detail == "本人电话确认"


def test_the_unlock_page_is_the_security_administrators(client, fagai, admin_user, security_admin):
    for _ in range(10):
        _login(client, "fagai", "wrong")
    url = reverse("directory:unlock", args=[fagai.pk])
    client.force_login(admin_user)
    assert client.post(url, {"reason": "x"}).status_code == 403
    client.force_login(security_admin)
    assert client.post(url, {"reason": "本人申请"}).status_code == 302
    client.logout()
    _login(client, "fagai", DEMO_PASSWORD)
    assert _signed_in(client)


def test_a_name_that_does_not_exist_locks_the_same_way(client, db):
    for _ in range(6):
        response = _login(client, "nobody-here", "wrong")
    assert "已暂停登录" in response.content.decode()


def test_one_address_trying_many_names_is_throttled(client, fagai, settings):
    settings.DUBAN_LOGIN_IP_MAX_FAILURES = 8
    for n in range(8):
        _login(client, f"guess{n}", "wrong", REMOTE_ADDR="203.0.113.9")
    _login(client, "fagai", DEMO_PASSWORD, REMOTE_ADDR="203.0.113.9")
    assert not _signed_in(client)
    _login(client, "fagai", DEMO_PASSWORD, REMOTE_ADDR="203.0.113.10")
    assert _signed_in(client)


def test_sign_in_and_out_are_recorded(client, caizheng):
    _login(client, "caizheng", DEMO_PASSWORD)
    client.post(reverse("logout"))
    assert _kinds("caizheng")[-2:] == [Kind.LOGIN, Kind.LOGOUT]
    entry = AuditEntry.objects.filter(kind=Kind.LOGIN).last()
    assert entry.ip == "127.0.0.1" and entry.actor_name == "caizheng"


def test_an_idle_session_is_signed_out(client, caizheng, settings):
    client.force_login(caizheng)
    assert client.get(reverse("web:home")).status_code == 200
    with time_machine.travel(timedelta(minutes=settings.DUBAN_SESSION_IDLE_MINUTES + 1)):
        response = client.get(reverse("web:home"))
    assert response.status_code == 302 and LOGIN in response["Location"]
    assert Kind.SESSION_EXPIRED in _kinds("caizheng")


def test_an_active_session_stays(client, caizheng, settings):
    client.force_login(caizheng)
    for minutes in (10, 20, 30, 40):
        with time_machine.travel(timedelta(minutes=minutes)):
            assert client.get(reverse("web:home")).status_code == 200


@pytest.mark.parametrize("password", ["duban-demo", "abcdefghijk", "Short1!", "12345678901"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        password_validation.validate_password(password)


def test_a_strong_password_passes():
    password_validation.validate_password("Gansu-2012-reform")


def test_a_real_account_must_meet_the_policy(admin_user):
    with pytest.raises(ValidationError):
        user_create(username="weak", password="duban-demo", role="admin", unit=None, by=admin_user)


def test_new_passwords_are_hashed_with_argon2(db, fagai):
    # The suite hashes fast; the deployment's own list is the settings module's.
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        fagai.set_password("Gansu-2012-reform")
        assert fagai.password.startswith("argon2$argon2id$")
        assert fagai.check_password("Gansu-2012-reform")
