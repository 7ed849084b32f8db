from django.urls import path

from duban.directory import views

app_name = "directory"

urlpatterns = [
    # Aliases remembered while mapping names on import, for the coordinator to review.
    path("aliases/", views.alias_list, name="aliases"),
    path("aliases/<int:alias_id>/withdraw/", views.alias_withdraw, name="alias-withdraw"),
]
