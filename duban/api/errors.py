"""One JSON error shape for every service error the API can meet."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from duban.audit.services import DomainError, StaleEdit
from duban.parsing.document import ParseError


def install(api: NinjaAPI) -> None:
    def reply(request, status: int, code: str, message: str):
        return api.create_response(request, {"error": code, "message": message}, status=status)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return reply(request, 404, "not_found", _("没有找到，或无权访问。"))

    @api.exception_handler(PermissionDenied)
    def denied(request, exc):
        return reply(request, 403, "forbidden", _("当前角色无权执行此操作。"))

    @api.exception_handler(StaleEdit)
    def stale(request, exc):
        return reply(request, 409, "stale_edit", str(exc))

    @api.exception_handler(DomainError)
    def refused(request, exc):
        return reply(request, 422, "refused", str(exc))

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        return reply(request, 422, "invalid", "; ".join(exc.messages))

    @api.exception_handler(ParseError)
    def unreadable(request, exc):
        return reply(request, 422, "unreadable_document", str(exc))
