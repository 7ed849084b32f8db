from django.urls import path

from duban.search import views

app_name = "search"
urlpatterns = [
    path("", views.results, name="results"),
]
