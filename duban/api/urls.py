from django.urls import include, path, re_path

from duban.api import views
from duban.api.v1 import api

# The person's own API tokens (`api:token-list`).
token_urls = [
    path("", views.token_list, name="token-list"),
    path("<int:token_id>/revoke/", views.token_revoke, name="token-revoke"),
]

urlpatterns = [
    # The JSON API, version 1: OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs.
    path("v1/", api.urls),
    # The first API's paths (/api/directory/units, /api/parsing/parse) now live under v1
    # (/api/v1/units, /api/v1/parse); a 307 keeps the method and the body.
    re_path(r"^(?:directory|parsing)/(?P<rest>.*)$", views.legacy_path),
    path("tokens/", include((token_urls, "api"))),
]
