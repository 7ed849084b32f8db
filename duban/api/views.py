"""The 接口令牌 page: a person makes tokens for their scripts (the secret shown once) and
revokes them; the first API's old paths lead to v1."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duban.api.forms import TokenForm
from duban.api.permissions import access_api_token, can_manage_tokens
from duban.api.selectors import tokens_of
from duban.api.services import api_token_create, api_token_revoke
from duban.audit import services as audit


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    if not can_manage_tokens(request.user):
        raise PermissionDenied
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, secret = api_token_create(
                user=request.user, by=request.user, **form.cleaned_data
            )
        except audit.DomainError as error:
            form.add_error(None, str(error))
        else:
            form = TokenForm()
    context = {"form": form, "secret": secret, "tokens": tokens_of(request.user)}
    return render(request, "api/tokens.html", context, status=422 if form.errors else 200)


@require_POST
@login_required
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = access_api_token(request.user, token_id)
    api_token_revoke(token=token, by=request.user)
    messages.success(request, _("令牌 %(prefix)s… 已作废。") % {"prefix": token.prefix})
    return redirect("api:token-list")


def legacy_path(request: HttpRequest, rest: str) -> HttpResponse:
    """`/api/directory/units` → `/api/v1/units`: a 307 keeps the method and the body."""
    query = request.META.get("QUERY_STRING", "")
    response = HttpResponseRedirect(f"/api/v1/{rest}" + (f"?{query}" if query else ""))
    response.status_code = 307
    return response
