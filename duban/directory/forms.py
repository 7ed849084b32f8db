from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from duban.directory import login


class LockAwareMixin:
    """Say that the account is locked, and until when, rather than "wrong password"."""

    locked_message = _("登录失败次数过多，已暂停登录至%(time)s。请届时再试，或请安全管理员解锁。")

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        ip = self.request.META.get("REMOTE_ADDR") if self.request else None
        until = username and login.locked_until(username, ip)
        if until:
            login.failure_record(username=username, ip=ip)
            when = date_format(timezone.localtime(until), "Y-m-d H:i")
            raise ValidationError(self.locked_message, code="locked", params={"time": when})
        return super().clean()


class LoginForm(LockAwareMixin, AuthenticationForm):
    pass


class AdminLoginForm(LockAwareMixin, AdminAuthenticationForm):
    pass
