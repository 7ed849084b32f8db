from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("duban.web.urls")),
    path("directory/", include("duban.directory.urls")),
    path("plans/", include("duban.plans.urls")),
    path("work/", include("duban.execution.urls")),
    path("supervision/", include("duban.supervision.urls")),
    path("coordination/", include("duban.coordination.urls")),
    path("assessment/", include("duban.assessment.urls")),
    path("reports/", include("duban.reports.urls")),
    path("notifications/", include("duban.notifications.urls")),
    path("api/", include("duban.api.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
# Uploaded evidence and source files are never served from MEDIA_ROOT directly,
# not even in the demo: only the permission-checked download views hand them out.
