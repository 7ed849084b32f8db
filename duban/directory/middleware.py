import time
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import logout
from django.urls import reverse

from duban.directory import login

SEEN = "duban_seen"
# The session is rewritten at most this often just to move the idle clock.
TOUCH_SECONDS = 30


class IdleTimeoutMiddleware:
    """Sign out a session left idle longer than `DUBAN_SESSION_IDLE_MINUTES`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self._check(request, user)
        return self.get_response(request)

    def _check(self, request, user) -> None:
        now = time.time()
        seen = request.session.get(SEEN)
        if seen is not None and now - seen > settings.DUBAN_SESSION_IDLE_MINUTES * 60:
            login.session_expired_record(user=user, ip=request.META.get("REMOTE_ADDR"))
            logout(request)
            return
        if seen is None or now - seen > TOUCH_SECONDS:
            request.session[SEEN] = now


class AdministratorScopeMiddleware:
    """Keep the security and audit administrators to their own pages (directory/permissions)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from django.core.exceptions import PermissionDenied
        from django.shortcuts import redirect

        from duban.directory.permissions import administrator_scope, landing_page

        scope = administrator_scope(getattr(request, "user", None))
        match = request.resolver_match
        if scope is None or match is None:
            return None
        if match.view_name == "web:home":
            return redirect(landing_page(request.user))
        if match.namespace not in scope:
            raise PermissionDenied
        return None


# What a signed-in user who still owes the one-time password may reach.
_BEFORE_SECOND_FACTOR = frozenset({"otp", "logout", "set_language"})


class SecondFactorMiddleware:
    """Send a user whose role needs a one-time password to give it before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from django.shortcuts import redirect

        from duban.directory.permissions import needs_second_factor

        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not needs_second_factor(user):
            return None
        if user.is_verified() or request.resolver_match.view_name in _BEFORE_SECOND_FACTOR:
            return None
        return redirect(f"{reverse('otp')}?next={quote(request.get_full_path())}")
