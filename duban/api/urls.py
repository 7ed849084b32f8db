from django.urls import path
from ninja import NinjaAPI
from ninja.security import django_auth

from duban.api import directory, errors, parsing

api = NinjaAPI(
    title="Duban API",
    version="1",
    description="督办 — the same services as the web pages, as JSON. Sign in first (session).",
    auth=django_auth,
    urls_namespace="api",
)
errors.install(api)
api.add_router("/directory", directory.router)
api.add_router("/parsing", parsing.router)

urlpatterns = [path("", api.urls)]
