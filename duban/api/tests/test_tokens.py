"""Personal API tokens: made on the 接口令牌 page or by `duban token`, shown once, kept hashed,
used as the person they belong to, refused once revoked."""

import hashlib

import pytest
from django.core.management import CommandError, call_command

from duban.api.models import ApiToken
from duban.api.tests.conftest import bearer, token_for


def test_the_secret_is_shown_once_and_only_its_digest_is_kept(client, caizheng):
    client.force_login(caizheng)

    page = client.post("/api/tokens/", {"name": "季度报表脚本", "scope": "read"})

    token = ApiToken.objects.get(user=caizheng)
    secret = page.context["secret"]
    assert secret in page.content.decode()
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {token.digest, token.prefix, token.name}
    again = client.get("/api/tokens/").content.decode()
    assert secret not in again and token.prefix in again


def test_a_token_acts_as_its_person_and_its_use_is_noted(client, caizheng):
    secret = token_for(caizheng, scope="read")

    reply = client.get("/api/v1/tokens", **bearer(secret))

    assert reply.status_code == 200
    assert [t["scope"] for t in reply.json()] == ["read"]
    assert ApiToken.objects.get(user=caizheng).last_used_at is not None


def test_a_revoked_or_unknown_token_is_not_let_in(client, caizheng):
    secret = token_for(caizheng)
    token = ApiToken.objects.get(user=caizheng)
    client.force_login(caizheng)
    client.post(f"/api/tokens/{token.pk}/revoke/")
    client.logout()

    for attempt in (secret, secret + "x", "dbn_guess", "not-a-token"):
        reply = client.get("/api/v1/plans", **bearer(attempt))
        assert reply.status_code == 401
        assert reply.json()["code"] == "unauthenticated"


def test_nobody_revokes_another_persons_token(client, caizheng, viewer):
    token_for(caizheng)
    token = ApiToken.objects.get(user=caizheng)
    client.force_login(viewer)

    assert client.post(f"/api/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_tokens_page_needs_a_signed_in_person(client, db):
    assert client.get("/api/tokens/").status_code == 302


def test_a_token_needs_a_purpose(client, caizheng):
    client.force_login(caizheng)

    page = client.post("/api/tokens/", {"name": "  ", "scope": "write"})

    assert page.status_code == 422
    assert not ApiToken.objects.filter(user=caizheng).exists()


def test_the_command_makes_and_revokes_tokens(caizheng, capsys):
    call_command("token", "create", "caizheng", "--scope", "write", "--name", "夜间同步")
    secret = capsys.readouterr().out.strip().rsplit(" ", 1)[-1]
    token = ApiToken.objects.get(user=caizheng)
    assert token.can_write and token.digest == hashlib.sha256(secret.encode()).hexdigest()

    call_command("token", "revoke", str(token.pk))

    token.refresh_from_db()
    assert token.revoked_at is not None
    call_command("token", "list", "caizheng")
    assert "revoked" in capsys.readouterr().out


def test_the_command_names_a_missing_user_or_token_and_exits_2(db):
    with pytest.raises(CommandError, match="nobody") as error:
        call_command("token", "create", "nobody", "--scope", "read")
    assert error.value.returncode == 2
    with pytest.raises(CommandError, match="999") as error:
        call_command("token", "revoke", "999")
    assert error.value.returncode == 2
