"""Sign-in protection: count failures, lock an account (and throttle an address) after too many,
record every sign-in, sign-out, failure and lock on the audit chain.

An account is locked after `DUBAN_LOGIN_MAX_FAILURES` failures in a row, for
`DUBAN_LOGIN_LOCKOUT_MINUTES`; the security administrator may unlock it earlier. An address is
refused for the same time after `DUBAN_LOGIN_IP_MAX_FAILURES` failures, whichever names they
tried. While locked, even the right password is refused.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from duban.audit import chain
from duban.audit.models import AuditEntry
from duban.directory.models import LoginThrottle

Kind = AuditEntry.Kind


def _keys(username: str, ip: str | None) -> list[tuple[str, int]]:
    keys = [(f"user:{username.strip().lower()}", settings.DUBAN_LOGIN_MAX_FAILURES)]
    if ip:
        keys.append((f"ip:{ip}", settings.DUBAN_LOGIN_IP_MAX_FAILURES))
    return keys


def locked_until(username: str, ip: str | None):
    """When the lock on this name or address ends, or None if sign-in is open."""
    now = timezone.now()
    keys = [key for key, _limit in _keys(username, ip)]
    ends = LoginThrottle.objects.filter(key__in=keys, locked_until__gt=now).values_list(
        "locked_until", flat=True
    )
    return max(ends, default=None)


@transaction.atomic
def failure_record(*, username: str, ip: str | None) -> None:
    """Count one failed sign-in; lock the name (or address) when it reaches its limit."""
    already = locked_until(username, ip)
    _event(Kind.LOGIN_FAILED, username, ip, "locked" if already else "")
    if already:
        return
    now = timezone.now()
    for key, limit in _keys(username, ip):
        row, _created = LoginThrottle.objects.select_for_update().get_or_create(key=key)
        row.failures += 1
        row.last_failure_at = now
        if row.failures >= limit:
            row.locked_until = now + timedelta(minutes=settings.DUBAN_LOGIN_LOCKOUT_MINUTES)
            row.failures = 0
            _event(Kind.LOCKED, username, ip, f"{key} until {row.locked_until.isoformat()}")
        row.save()


@transaction.atomic
def success_record(*, user, ip: str | None) -> None:
    LoginThrottle.objects.filter(key=f"user:{user.username.lower()}").update(failures=0)
    _event(Kind.LOGIN, user.username, ip, "", actor=user)


def logout_record(*, user, ip: str | None, detail: str = "") -> None:
    if user is not None and user.is_authenticated:
        _event(Kind.LOGOUT, user.username, ip, detail, actor=user)


def session_expired_record(*, user, ip: str | None) -> None:
    _event(Kind.SESSION_EXPIRED, user.username, ip, "", actor=user)


@transaction.atomic
def unlock(*, username: str, by, reason: str) -> int:
    """Lift the lock on an account name now (the security administrator's, with a reason)."""
    lifted = LoginThrottle.objects.filter(key=f"user:{username.strip().lower()}").update(
        failures=0, locked_until=None
    )
    _event(Kind.UNLOCKED, username, None, reason, actor=by)
    return lifted


def _event(kind: str, username: str, ip: str | None, detail: str, actor=None) -> None:
    from duban.directory.models import User

    account = User.objects.filter(username=username).values_list("pk", flat=True).first()
    chain.append(
        kind=kind,
        actor_id=getattr(actor, "pk", None),
        actor_name=getattr(actor, "username", "") or "",
        object_label=User._meta.label if account else "",
        object_id=str(account or username)[:64],
        detail=detail[:255],
        ip=ip,
    )
