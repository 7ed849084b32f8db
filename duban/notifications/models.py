"""Messages to people: in-app rows, e-mail and unit chat-robot webhooks, with every attempt kept."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from duban.audit.models import Versioned, audited_history
from duban.directory.models import Unit
from duban.lib import clock


class Channel(models.TextChoices):
    IN_APP = "in_app", _("站内消息")
    EMAIL = "email", _("电子邮件")
    WEBHOOK = "webhook", _("单位工作群机器人")


class Notification(models.Model):
    """One message to one person; it is also the record that the message was sent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("接收人"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(
        _("类别"), max_length=32, help_text=_("如 reminder（到期提醒）、urge（催办）。")
    )
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    link = models.CharField(_("链接"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("发送时间"), default=clock.now)
    read_at = models.DateTimeField(
        _("阅读时间"),
        null=True,
        blank=True,
        help_text=_("关闭站内消息的用户，消息创建时即记为已读，不计入未读数。"),
    )

    class Meta:
        verbose_name = _("消息")
        verbose_name_plural = _("消息")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return f"{self.user} · {self.title}"


class ChannelPreference(models.Model):
    """A person's choice for one channel; with no row, the channel is on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="channel_preferences",
    )
    channel = models.CharField(_("渠道"), max_length=16, choices=Channel.choices)
    enabled = models.BooleanField(_("接收"), default=True)

    history = audited_history()

    class Meta:
        verbose_name = _("接收方式")
        verbose_name_plural = _("接收方式")
        constraints = [
            models.UniqueConstraint(fields=["user", "channel"], name="one_preference_per_channel")
        ]

    def __str__(self):
        return f"{self.user} {self.get_channel_display()}: {'开' if self.enabled else '关'}"


class UnitWebhook(Versioned):
    """A unit's chat robot (钉钉、企业微信群机器人…): messages to its people are POSTed here."""

    unit = models.OneToOneField(
        Unit, verbose_name=_("单位"), on_delete=models.CASCADE, related_name="webhook"
    )
    url = models.URLField(_("推送地址"), max_length=500)
    secret = models.CharField(
        _("签名密钥"),
        max_length=128,
        blank=True,
        help_text=_("填写后，每次推送带 X-Duban-Signature: sha256=<HMAC>，供接收方验证。"),
    )
    active = models.BooleanField(_("启用"), default=True)

    history = audited_history(excluded_fields=["secret"])

    class Meta:
        verbose_name = _("单位推送地址")
        verbose_name_plural = _("单位推送地址")

    def __str__(self):
        return f"{self.unit} → {self.url}"


class DeliveryAttempt(models.Model):
    """One try at sending a notification by e-mail or webhook, and how it went."""

    class Status(models.TextChoices):
        SENT = "sent", _("已送达")
        FAILED = "failed", _("失败，将重试")
        GAVE_UP = "gave_up", _("失败，已放弃")

    notification = models.ForeignKey(
        Notification,
        verbose_name=_("消息"),
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    channel = models.CharField(_("渠道"), max_length=16, choices=Channel.choices)
    webhook = models.ForeignKey(
        UnitWebhook,
        verbose_name=_("推送地址"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attempts",
    )
    attempt = models.PositiveSmallIntegerField(_("第几次"))
    status = models.CharField(_("结果"), max_length=16, choices=Status.choices)
    error = models.TextField(_("错误"), blank=True)
    at = models.DateTimeField(_("时间"), default=clock.now)
    next_try_at = models.DateTimeField(_("下次重试"), null=True, blank=True)

    class Meta:
        verbose_name = _("投递记录")
        verbose_name_plural = _("投递记录")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.get_channel_display()} #{self.attempt} {self.get_status_display()}"
