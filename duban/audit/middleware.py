from duban.audit.context import request_address


class AuditContextMiddleware:
    """Record the client's address for every write made while serving a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_address(request.META.get("REMOTE_ADDR")):
            return self.get_response(request)
