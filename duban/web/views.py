from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from duban.web.home import home_context, home_template


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(request, home_template(user), home_context(user))
