"""API v1 under `/api/v1/`: one router module per app.

To add an app's endpoints: write `duban/api/v1/<app>.py` with a `router`, whose endpoints call
the app's `access_*` and then its services exactly as its views do, and register it from the
app's `AppConfig.ready()` with `duban.api.routers.register` (coordination and assessment do).
`ROUTERS` below are the first apps', listed here before the registry existed.
"""

from ninja import NinjaAPI

from duban.api import errors, routers
from duban.api.auth import AUTH
from duban.api.v1 import directory, execution, notifications, parsing, plans, supervision, tokens
from duban.audit import services as audit
from duban.audit.models import Cause

ROUTERS = [
    ("/", directory.router),
    ("/", parsing.router),
    ("/", plans.router),
    ("/", execution.router),
    ("/", supervision.router),
    ("/", notifications.router),
    ("/", tokens.router),
]


def _audited_as_api(operation):
    """Every write an endpoint makes is recorded with the cause "api"."""

    def run(request, *args, **kwargs):
        with audit.cause(Cause.API):
            return operation(request, *args, **kwargs)

    return run


def build() -> NinjaAPI:
    api = NinjaAPI(
        title="Duban API",
        version="1",
        description=(
            "督办 — the same services and permission checks as the web pages, as JSON. "
            "Authenticate with the browser session (CSRF token on writes) or a personal token "
            "(`Authorization: Bearer dbn_…`, made on the 接口令牌 page or by `duban token create`). "
            "Errors: `{code, message, field}`; a stale `version` is 409; another unit's record 404."
        ),
        auth=AUTH,
        urls_namespace="api-v1",
        docs_url="/docs",
        openapi_url="/openapi.json",
    )
    errors.install(api)
    api.add_decorator(_audited_as_api)
    for prefix, router in ROUTERS:
        api.add_router(prefix, router)
    for router in routers.registered():
        api.add_router("/", router)
    return api


api = build()
