from django.urls import path

from duban.directory import views, views_aliases

app_name = "directory"

urlpatterns = [
    # Aliases remembered while mapping names on import, for the coordinator to review.
    path("aliases/", views_aliases.alias_list, name="aliases"),
    path("aliases/<int:alias_id>/withdraw/", views_aliases.alias_withdraw, name="alias-withdraw"),
    # The security administrator's: accounts, their roles and sign-in locks
    path("", views.accounts, name="accounts"),
    path("<int:user_id>/role/", views.role_set, name="role-set"),
    path("<int:user_id>/unlock/", views.unlock, name="unlock"),
]
