from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from duban.directory.login import locked_until


class LockoutBackend(ModelBackend):
    """Django's password check, refused outright while the name or the address is locked."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        ip = request.META.get("REMOTE_ADDR") if request is not None else None
        if username and locked_until(username, ip):
            # PermissionDenied stops every backend: a locked account is not tried at all.
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)
