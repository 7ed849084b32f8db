"""Personal API tokens: a secret a person gives a script so it may act as them, read or write.

Only the SHA-256 digest of the secret is kept; the secret itself is shown once, when made.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from duban.audit.models import audited_history


class ApiToken(models.Model):
    class Scope(models.TextChoices):
        READ = "read", _("只读")
        WRITE = "write", _("读写")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("用途"), max_length=100, help_text=_("如“季度报表脚本”。"))
    scope = models.CharField(_("权限范围"), max_length=8, choices=Scope.choices)
    prefix = models.CharField(
        _("前缀"), max_length=12, help_text=_("令牌的开头几位，用于辨认；不足以冒用。")
    )
    digest = models.CharField(_("SHA-256 摘要"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("最近使用时间"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("作废时间"), null=True, blank=True)

    # Use times change on every call and are no business record.
    history = audited_history(excluded_fields=["last_used_at"])

    class Meta:
        verbose_name = _("接口令牌")
        verbose_name_plural = _("接口令牌")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.prefix}… {self.name}"

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.WRITE
