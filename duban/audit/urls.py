from django.urls import path

from duban.audit import views

app_name = "audit"
urlpatterns = [
    # The audit administrator's: search the trail, export it
    path("", views.search, name="search"),
    path("export.csv", views.export, name="export"),
]
