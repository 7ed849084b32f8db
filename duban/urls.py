from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import include, path

from duban.directory import views_otp
from duban.directory.forms import LoginForm

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
    path("audit/", include("duban.audit.urls")),
    path("search/", include("duban.search.urls")),
    # Sign-in says when an account is locked; the rest is Django's.
    path("accounts/login/", LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("accounts/otp/", views_otp.otp, name="otp"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
# A database that is restarting gives a clean 503 page, not a stack trace.
handler500 = "duban.web.views.server_error"

# Uploaded evidence and source files are never served from MEDIA_ROOT directly,
# not even in the demo: only the permission-checked download views hand them out.
