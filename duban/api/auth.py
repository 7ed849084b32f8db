"""How the API knows who calls: the browser's session (CSRF-checked on writes) or a token.

A token acts as its person, with that person's `access_*` rules; a read-scoped token is
refused every write before the endpoint runs.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, SessionAuth

from duban.api.services import api_token_authenticate

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class ReadOnlyToken(PermissionDenied):
    """A read-scoped token asked to write."""

    def __init__(self):
        super().__init__(_("此令牌只能读取，不能修改数据。"))


class TokenAuth(HttpBearer):
    """`Authorization: Bearer dbn_…` — a personal token made on the 接口令牌 page or by
    `duban token create`."""

    def authenticate(self, request, token: str):
        found = api_token_authenticate(token)
        if found is None:
            return None
        if request.method not in SAFE_METHODS and not found.can_write:
            raise ReadOnlyToken
        request.user = found.user
        request.api_token = found
        return found.user


AUTH = [TokenAuth(), SessionAuth()]  # the session auth checks CSRF on writes
