"""Writes of the api app: personal tokens are made (secret shown once), revoked, and used."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from duban.api.models import ApiToken
from duban.audit import services as audit
from duban.directory.models import User
from duban.lib.text import clean_text

SECRET_PREFIX = "dbn_"
# A script calling in a loop should not write a row per call; a minute is precise enough.
TOUCH_EVERY = timedelta(minutes=1)


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str, scope: str, by: User | None) -> tuple[ApiToken, str]:
    """A new token for `user` and its secret, which is not stored and cannot be shown again."""
    name = clean_text(name).strip()[:100]
    if not name:
        raise audit.DomainError(_("请写明令牌的用途。"))
    if scope not in ApiToken.Scope.values:
        raise audit.DomainError(_("权限范围只能是 read 或 write。"))
    if not user.is_active:
        raise audit.DomainError(_("该用户已停用，不能创建令牌。"))
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user, name=name, scope=scope, prefix=secret[:12], digest=token_digest(secret)
    )
    audit.save(token, by=by, reason="创建接口令牌")
    return token, secret


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by: User | None) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        audit.save(token, by=by, fields=["revoked_at"], reason="作废接口令牌")
    return token


def api_token_authenticate(secret: str) -> ApiToken | None:
    """The live token whose secret this is, its use time noted; None for anything else."""
    if not secret.startswith(SECRET_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user__unit")
        .filter(digest=token_digest(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        # A plain UPDATE: the use time is no audited change of the token.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
