"""本单位工作台: what the unit owes and when, each item a click away from its form."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from duban.directory.roles import is_editor, is_viewer, reads_everything
from duban.execution.selectors.workspace import unit_workspace


def as_of_from(request: HttpRequest) -> date | None:
    """`?as_of=2012-09-30` shows the page as it stood on that day; anything else means today."""
    try:
        return date.fromisoformat(request.GET.get("as_of", ""))
    except ValueError:
        return None


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    user = request.user
    # The reform office and leaders work from the queue, across every unit.
    if reads_everything(user):
        return redirect("execution:queue")
    # A unit's own staff only; admins run accounts, not a unit's work.
    if not (user.unit_id and (is_editor(user) or is_viewer(user))):
        raise PermissionDenied
    context = {
        "ws": unit_workspace(unit=user.unit, as_of=as_of_from(request)),
        "can_write": is_editor(user),
    }
    return render(request, "execution/workspace.html", context)
