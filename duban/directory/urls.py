from django.urls import path

from duban.directory import views

app_name = "directory"
urlpatterns = [
    # The security administrator's: accounts, their roles and sign-in locks
    path("", views.accounts, name="accounts"),
    path("<int:user_id>/role/", views.role_set, name="role-set"),
    path("<int:user_id>/unlock/", views.unlock, name="unlock"),
]
