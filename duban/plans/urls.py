from django.urls import path

from duban.plans import views

app_name = "plans"
urlpatterns = [
    # Plans: list, import, review, publish, pages of a published plan.
    path("", views.plan_list, name="plan-list"),
    path("import/", views.plan_import, name="plan-import"),
    path("<int:plan_id>/", views.plan_detail, name="plan-detail"),
    path("<int:plan_id>/review/", views.plan_review, name="plan-review"),
    path("<int:plan_id>/edit/", views.plan_edit, name="plan-edit"),
    path("<int:plan_id>/publish/", views.plan_publish, name="plan-publish"),
    path("<int:plan_id>/carry-over/", views.plan_carry_over, name="plan-carry-over"),
    path("<int:plan_id>/names/", views.name_map, name="name-map"),
    path("<int:plan_id>/names/new-unit/", views.name_new_unit, name="name-new-unit"),
    path("<int:plan_id>/units/", views.unit_tasks, name="unit-tasks"),
    path("<int:plan_id>/cited/", views.cited_documents, name="cited-documents"),
    path("<int:plan_id>/targets/", views.targets, name="targets"),
    path("<int:plan_id>/cities/", views.city_matrix, name="city-matrix"),
    # The task decomposition table: export, upload an edited copy, preview, apply.
    path("<int:plan_id>/table.xlsx", views.plan_export, name="plan-export"),
    path("<int:plan_id>/table/import/", views.table_import, name="table-import"),
    path("<int:plan_id>/table/apply/", views.table_apply, name="table-apply"),
    # Tasks.
    path("tasks/<int:task_id>/", views.task_detail, name="task-detail"),
    path("tasks/<int:task_id>/edit/", views.task_edit, name="task-edit"),
    path("tasks/<int:task_id>/split/", views.task_split, name="task-split"),
    path("tasks/<int:task_id>/merge/", views.task_merge, name="task-merge"),
    path("tasks/<int:task_id>/move/<str:direction>/", views.task_move, name="task-move"),
    path("tasks/<int:task_id>/cities/", views.task_cities, name="task-cities"),
    path("tasks/<int:task_id>/assignments/", views.assignment_add, name="assignment-add"),
    # Assignments: remove, make lead.
    path(
        "assignments/<int:assignment_id>/<str:action>/",
        views.assignment_change,
        name="assignment-change",
    ),
    # The source document as uploaded.
    path("sources/<int:source_id>/file/", views.source_file, name="source-file"),
]
