from django.urls import path

from duban.reports import views

app_name = "reports"

urlpatterns = [
    # The draft report to the provincial government (.docx, or ?format=pdf).
    path(
        "plans/<int:plan_id>/progress-report/",
        views.progress_report_download,
        name="progress-report",
    ),
    # The bulletin (通报) of red lights to the leadership (.docx, or ?format=pdf).
    path("plans/<int:plan_id>/bulletin/", views.bulletin_download, name="bulletin"),
    # The units of work behind a chart of the glance (?light=, ?area=, ?as_of=).
    path("plans/<int:plan_id>/tasks/", views.task_list, name="tasks"),
    # Public disclosure (政务公开): the page anyone may read, and the office's choice of it.
    path("public/plans/<int:plan_id>/", views.public_plan, name="public-plan"),
    path("plans/<int:plan_id>/public/", views.public_settings, name="public-settings"),
]
