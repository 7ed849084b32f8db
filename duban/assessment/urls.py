from django.urls import path

from duban.assessment import views

app_name = "assessment"

urlpatterns = [
    path("", views.index, name="index"),
    # A plan's assessment: hub, scheme, method, breakthrough ratings, computing a version.
    path("plans/<int:plan_id>/", views.plan_hub, name="plan"),
    path("plans/<int:plan_id>/scheme/", views.scheme_edit, name="scheme"),
    path("plans/<int:plan_id>/method/", views.method, name="method"),
    path("plans/<int:plan_id>/tasks/<int:task_id>/rate/", views.rate, name="rate"),
    path("plans/<int:plan_id>/compute/", views.compute, name="compute"),
    # One version: ranking, export, lock, publish.
    path("<int:assessment_id>/", views.assessment_detail, name="assessment"),
    path("<int:assessment_id>/xlsx/", views.assessment_xlsx, name="assessment-xlsx"),
    path("<int:assessment_id>/lock/", views.assessment_lock_view, name="assessment-lock"),
    path("<int:assessment_id>/publish/", views.assessment_publish_view, name="assessment-publish"),
    # One unit's breakdown and its objections.
    path("scores/<int:score_id>/", views.score_detail, name="score"),
    path("scores/<int:score_id>/object/", views.objection_create, name="objection-create"),
    path("objections/<int:objection_id>/", views.objection_detail, name="objection-detail"),
]
