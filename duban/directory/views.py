"""The security administrator's pages: every account's role and lock, and the two changes."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from duban.audit import services as audit
from duban.directory.models import User
from duban.directory.permissions import access_user, can_manage_security
from duban.directory.selectors import accounts_with_locks
from duban.directory.services import user_role_set, user_unlock


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=gettext_lazy("角色"), choices=User.Role.choices)
    reason = forms.CharField(label=gettext_lazy("变更原因"), max_length=100)
    version = forms.IntegerField(widget=forms.HiddenInput)


class UnlockForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("解锁原因"), max_length=100)


@require_GET
@login_required
def accounts(request: HttpRequest) -> HttpResponse:
    if not can_manage_security(request.user):
        raise PermissionDenied
    context = {"accounts": accounts_with_locks(), "roles": User.Role.choices}
    return render(request, "directory/accounts.html", context)


@require_POST
@login_required
def role_set(request: HttpRequest, user_id: int) -> HttpResponse:
    target = access_user(request.user, user_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        return _refused(request, form.errors.as_text())
    data = form.cleaned_data
    try:
        user_role_set(
            target=target,
            role=data["role"],
            reason=data["reason"],
            by=request.user,
            seen_version=data["version"],
        )
    except (audit.DomainError, audit.StaleEdit) as exc:
        return _refused(request, str(exc))
    messages.success(request, _("%(name)s 的角色已变更。") % {"name": target.username})
    return redirect("directory:accounts")


@require_POST
@login_required
def unlock(request: HttpRequest, user_id: int) -> HttpResponse:
    target = access_user(request.user, user_id)
    form = UnlockForm(request.POST)
    if not form.is_valid():
        return _refused(request, form.errors.as_text())
    try:
        user_unlock(target=target, reason=form.cleaned_data["reason"], by=request.user)
    except audit.DomainError as exc:
        return _refused(request, str(exc))
    messages.success(request, _("%(name)s 已解锁。") % {"name": target.username})
    return redirect("directory:accounts")


def _refused(request: HttpRequest, message: str) -> HttpResponse:
    if not can_manage_security(request.user):
        raise PermissionDenied
    messages.error(request, message)
    response = redirect("directory:accounts")
    response.status_code = 303
    return response
