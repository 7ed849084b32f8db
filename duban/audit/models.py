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


class AppendOnlyQuerySet(models.QuerySet):
    """Audit entries are written once: Duban offers no way to change or remove one."""

    def update(self, **kwargs):
        raise PermissionError("audit entries are append-only")

    def delete(self):
        raise PermissionError("audit entries are append-only")

    def _prune(self) -> None:
        # Only `chain.prune` removes entries, past the retention period, leaving a marker.
        models.QuerySet.delete(self)


class AuditEntry(models.Model):
    """One link of the audit chain: a history row or a sign-in event, sealed by hash.

    `hash` covers this entry's fields, the digest of the history row it points to and the
    previous entry's hash, so editing or deleting any row (entry or history) breaks the chain
    from there on; `duban audit verify` names the first broken entry.
    """

    class Kind(models.TextChoices):
        CHANGE = "change", _("数据变更")
        LOGIN = "login", _("登录")
        LOGOUT = "logout", _("退出")
        LOGIN_FAILED = "login_failed", _("登录失败")
        LOCKED = "locked", _("账户锁定")
        UNLOCKED = "unlocked", _("账户解锁")
        SESSION_EXPIRED = "session_expired", _("会话超时")
        ROLE_CHANGED = "role_changed", _("权限变更")
        PRUNED = "pruned", _("过期记录清理")

    at = models.DateTimeField(_("时间"), db_index=True)
    kind = models.CharField(_("类别"), max_length=16, choices=Kind.choices, db_index=True)
    # The person by id and by name as it was: an account renamed later still reads right.
    actor_id = models.BigIntegerField(_("操作人编号"), null=True, blank=True, db_index=True)
    actor_name = models.CharField(_("操作人"), max_length=150, blank=True, db_index=True)
    # For a change: the model, the record and its history row; for a sign-in: the account.
    object_label = models.CharField(_("对象类型"), max_length=100, blank=True, db_index=True)
    object_id = models.CharField(_("对象编号"), max_length=64, blank=True, db_index=True)
    history_id = models.BigIntegerField(_("历史记录编号"), null=True, blank=True)
    action = models.CharField(_("操作"), max_length=1, blank=True)
    detail = models.CharField(_("说明"), max_length=255, blank=True)
    ip = models.GenericIPAddressField(_("来源地址"), null=True, blank=True)
    row_digest = models.CharField(_("记录摘要"), max_length=64, blank=True)
    prev_hash = models.CharField(_("前一条哈希"), max_length=64)
    hash = models.CharField(_("哈希"), max_length=64, unique=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("审计记录")
        verbose_name_plural = _("审计记录")
        ordering = ["id"]
        indexes = [models.Index(fields=["object_label", "history_id"])]

    def __str__(self):
        return f"#{self.pk} {self.kind} {self.object_label}#{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("audit entries are append-only")


class ChainHead(models.Model):
    """The chain's last hash, one row: locking it orders concurrent writers into one chain."""

    last_id = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    def __str__(self):
        return self.hash
