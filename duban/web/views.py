from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from duban.web.home import home_context

HOME_TEMPLATES = {
    "admin": "web/home_admin.html",
    "coordinator": "web/home_coordinator.html",
    "leader": "web/home_leader.html",
    "editor": "web/home_unit.html",
    "viewer": "web/home_unit.html",
}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(request, HOME_TEMPLATES[user.role], home_context(user))
