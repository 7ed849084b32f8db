"""The one-time password step after the password, for the roles that need it (DUBAN_TOTP)."""

import base64

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login

from duban.directory.services import totp_device_for, totp_verify


class TokenForm(forms.Form):
    token = forms.CharField(label=gettext_lazy("动态口令"), max_length=8, min_length=6)


@login_required
def otp(request: HttpRequest) -> HttpResponse:
    device = totp_device_for(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ip = request.META.get("REMOTE_ADDR")
        verified = totp_verify(user=request.user, token=form.cleaned_data["token"], ip=ip)
        if verified is not None:
            otp_login(request, verified)
            return redirect(_next(request))
        form.add_error("token", _("动态口令不正确或已过期。"))
    context = {
        "form": form,
        "device": device,
        "enrolling": not device.confirmed,
        # Authenticator apps take the key in base32.
        "secret": base64.b32encode(device.bin_key).decode(),
    }
    return render(request, "directory/otp.html", context, status=422 if form.errors else 200)


def _next(request: HttpRequest) -> str:
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"
