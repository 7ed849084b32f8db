import sys

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views import defaults

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


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or 503 when the database is out of reach (restarting): a clean page, no trace, and
    the next request reconnects (CONN_HEALTH_CHECKS)."""
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        return HttpResponse(loader.render_to_string("503.html"), status=503)
    return defaults.server_error(request)


def health(request: HttpRequest) -> HttpResponse:
    """For the load balancer and monitoring: 200 when the database answers, else 503."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
