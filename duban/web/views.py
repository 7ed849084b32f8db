from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from duban.lib.clock import today
from duban.reports.as_of import BadDate, parse_as_of
from duban.web.home import home_context, home_template


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Each role's home; the glance as of `?as_of=` (a bad date is named, today shown)."""
    user = request.user
    try:
        as_of = parse_as_of(request.GET.get("as_of"))
    except BadDate as error:
        messages.error(request, str(error))
        as_of = today()
    return render(request, home_template(user), home_context(user, as_of=as_of))
