"""The directory's pages: the aliases people taught Duban, to review and withdraw."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.audit import services as audit
from duban.directory import services
from duban.directory.permissions import access_alias, can_review_aliases
from duban.directory.selectors import aliases_remembered


@login_required
def alias_list(request: HttpRequest) -> HttpResponse:
    if not can_review_aliases(request.user):
        raise Http404
    page = Paginator(aliases_remembered(), 50).get_page(request.GET.get("page"))
    return render(request, "directory/aliases.html", {"page": page})


@require_POST
@login_required
def alias_withdraw(request: HttpRequest, alias_id: int) -> HttpResponse:
    alias = access_alias(request.user, alias_id, write=True)
    try:
        services.unit_alias_withdraw(
            alias=alias, by=request.user, reason=request.POST.get("reason", "")
        )
        messages.success(
            request, _("已撤销别名“%(name)s”，今后导入不再据此识别。") % {"name": alias.name}
        )
    except audit.DomainError as error:
        messages.error(request, str(error))
    return redirect("directory:aliases")
