from django.urls import path

from duban.supervision import views

app_name = "supervision"
urlpatterns = [
    # The reform office's overview
    path("", views.dashboard, name="dashboard"),
    # 催办 notices: sent on a unit or a task, read and acknowledged by the unit
    path("units/<int:unit_id>/urge/", views.urge_unit, name="urge-unit"),
    path("tasks/<int:task_id>/urge/", views.urge_task, name="urge-task"),
    path("urges/<int:urge_id>/", views.urge_detail, name="urge-detail"),
    path("urges/<int:urge_id>/acknowledge/", views.urge_acknowledge_view, name="urge-acknowledge"),
    path("inbox/", views.inbox, name="inbox"),
    # Delivery-confidence judgements
    path("tasks/<int:task_id>/judgement/", views.judgement, name="judgement"),
    # A unit's calendar feed and its secret addresses
    path("calendar/", views.calendar_page, name="calendar"),
    path("calendar/<int:token_id>/revoke/", views.calendar_revoke, name="calendar-revoke"),
    path("ical/<str:token>.ics", views.calendar_feed, name="ical"),
]
