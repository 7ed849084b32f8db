"""Audit building blocks shared by every editable model.

Each audited model declares `history = audited_history()`: django-simple-history then keeps a
row per change (the whole record as it was after the change, who made it and when) in the same
transaction, on SQLite and PostgreSQL alike. `AuditFields` adds what simple-history lacks: the
cause — so a system-made change is never mistaken for a person's — and the request's address.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Cause(models.TextChoices):
    PERSON = "person", _("人工操作")
    IMPORT = "import", _("文件导入")
    CASCADE = "cascade", _("关联变更")
    SCHEDULE = "schedule", _("定时规则")
    MEETING = "meeting", _("会议决定")
    SETUP = "setup", _("系统初始化")
    API = "api", _("接口调用")


class AuditFields(models.Model):
    history_cause = models.CharField(
        _("变更原因类型"), max_length=16, choices=Cause.choices, default=Cause.PERSON
    )
    history_cause_detail = models.CharField(_("原因说明"), max_length=255, blank=True)
    history_ip = models.GenericIPAddressField(_("来源地址"), null=True, blank=True)

    class Meta:
        abstract = True


class Versioned(models.Model):
    """A record people edit: each save bumps `version`, and a save based on an old one is refused."""

    version = models.PositiveIntegerField(
        _("版本"),
        default=1,
        editable=False,
        help_text=_("每次保存加一；基于旧版本的保存会被拒绝。"),
    )

    class Meta:
        abstract = True


def audited_history(**options) -> HistoricalRecords:
    return HistoricalRecords(bases=[AuditFields], **options)
