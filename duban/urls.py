from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("duban.web.urls")),
    path("plans/", include("duban.plans.urls")),
    path("work/", include("duban.execution.urls")),
    path("supervision/", include("duban.supervision.urls")),
    path("reports/", include("duban.reports.urls")),
    path("notifications/", include("duban.notifications.urls")),
    path("api/", include("duban.api.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
if settings.DEBUG or settings.DUBAN_DEMO:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
