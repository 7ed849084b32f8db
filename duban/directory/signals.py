"""Sign-in events onto the audit chain, and the failure counter behind the lock-out."""

import time

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from duban.directory import login
from duban.directory.middleware import SEEN
from duban.lib import clock


def _ip(request):
    return request.META.get("REMOTE_ADDR") if request is not None else None


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    login.failure_record(username=str(credentials.get("username", ""))[:150], ip=_ip(request))


@receiver(user_logged_in)
def on_logged_in(sender, request, user, **kwargs):
    login.success_record(user=user, ip=_ip(request))
    # The idle clock starts at sign-in (and the first page need not write the session).
    session = getattr(request, "session", None)
    if session is not None:
        session[SEEN] = time.time()


@receiver(user_logged_out)
def on_logged_out(sender, request, user, **kwargs):
    login.logout_record(user=user, ip=_ip(request))


def stamp_last_login(sender, user, **kwargs):
    """Django's `update_last_login`, on `clock.now()` (the demo's day when it runs as of one)."""
    user.last_login = clock.now()
    user.save(update_fields=["last_login"])
