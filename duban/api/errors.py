"""One JSON error shape for every refusal the API can give: `{code, message, field}`.

`message` is in the reader's language (the locale middleware has chosen it); `field` names the
input at fault, or is null when the refusal is about the whole request.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as InputError

from duban.api.auth import ReadOnlyToken
from duban.audit.services import DomainError, StaleEdit
from duban.parsing.document import ParseError


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


def _field_of(location) -> str | None:
    """`["body", "payload", "title"]` → `title`; `["query", "plan"]` → `plan`."""
    names = [str(part) for part in location if part not in ("body", "payload", "query", "path")]
    return ".".join(names) or None


def install(api: NinjaAPI) -> None:
    def reply(request, status: int, code: str, message: str, field: str | None = None):
        body = {"code": code, "message": message, "field": field}
        return api.create_response(request, body, status=status)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return reply(request, 401, "unauthenticated", _("请先登录，或在请求中附上接口令牌。"))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return reply(request, 404, "not_found", _("没有找到，或无权访问。"))

    @api.exception_handler(ReadOnlyToken)
    def read_only(request, exc):
        return reply(request, 403, "read_only_token", str(exc))

    @api.exception_handler(PermissionDenied)
    def denied(request, exc):
        return reply(request, 403, "forbidden", _("当前角色无权执行此操作。"))

    @api.exception_handler(StaleEdit)
    def stale(request, exc):
        return reply(request, 409, "stale_edit", str(exc), "version")

    @api.exception_handler(DomainError)
    def refused(request, exc):
        return reply(request, 422, "refused", str(exc))

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        field = next(iter(exc.message_dict), None) if hasattr(exc, "error_dict") else None
        return reply(request, 422, "invalid", "；".join(exc.messages), field)

    @api.exception_handler(InputError)
    def malformed(request, exc):
        first = exc.errors[0] if exc.errors else {}
        field = _field_of(first.get("loc", ()))
        detail = first.get("msg", "")
        message = _("输入有误（%(field)s）：%(detail)s") % {"field": field or "-", "detail": detail}
        return reply(request, 422, "invalid", message, field)

    @api.exception_handler(ParseError)
    def unreadable(request, exc):
        return reply(request, 422, "unreadable_document", str(exc), "file")

    @api.exception_handler(HttpError)
    def other(request, exc):
        return reply(request, exc.status_code, "http_error", str(exc))
