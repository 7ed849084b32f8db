from django.urls import path

from duban.notifications import views

app_name = "notifications"
urlpatterns = [
    # The signed-in person's own messages and choices
    path("", views.inbox, name="inbox"),
    path("<int:notification_id>/read/", views.mark_read, name="mark-read"),
    path("read-all/", views.mark_all_read, name="mark-all-read"),
    path("preferences/", views.preferences, name="preferences"),
    # A unit's chat robot and its delivery record
    path("units/<int:unit_id>/webhook/", views.unit_webhook, name="unit-webhook"),
]
