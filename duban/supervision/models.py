"""Supervision records: reminders the scan sends, 催办 notices, escalation steps, judgements.

The warning light is computed (`lights.py`) from the execution records. What it came to is
kept in `StoredLight`, a cache the daily scan fills and pages read; `LightStamp` counts the
changes to a task's facts, so that a kept light counts only while nothing it was computed from
has changed since (`stored_lights.py`).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from duban.audit.models import Versioned, audited_history
from duban.directory.models import Unit
from duban.execution.models import Milestone
from duban.lib import clock
from duban.plans.models import Plan, Task


class Step(models.TextChoices):
    """The escalation ladder (督办升级): each rung recorded when reached."""

    REMINDER = "reminder", _("提醒")
    URGE = "urge", _("催办通知")
    WARNING = "warning", _("书面预警")
    BULLETIN = "bulletin", _("通报")


class Reminder(models.Model):
    """A reminder the periodic scan sent about one due item; the unique key makes it once only."""

    class Kind(models.TextChoices):
        BEFORE_DUE = "before_due", _("到期前提醒")
        DUE_TODAY = "due_today", _("到期当日提醒")
        OVERDUE_WEEKLY = "overdue_weekly", _("逾期每周提醒")

    kind = models.CharField(_("类别"), max_length=16, choices=Kind.choices)
    target = models.CharField(
        _("事项类别"),
        max_length=24,
        help_text=_("登记应办事项的应用所定的类别，如 milestone、report、implementation_plan。"),
    )
    target_key = models.CharField(
        _("事项标识"),
        max_length=64,
        help_text=_("如 milestone:12、report:任务:单位:报告期、implementation_plan:计划:单位。"),
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("责任单位"), on_delete=models.PROTECT, related_name="reminders"
    )
    task = models.ForeignKey(
        Task,
        verbose_name=_("任务"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reminders",
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("里程碑"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reminders",
    )
    plan = models.ForeignKey(
        Plan, verbose_name=_("年度计划"), on_delete=models.PROTECT, related_name="reminders"
    )
    period_start = models.DateField(_("报告期起"), null=True, blank=True)
    title = models.CharField(_("事项"), max_length=300)
    due_date = models.DateField(_("到期日"))
    fire_date = models.DateField(_("提醒日"))
    days_overdue = models.IntegerField(_("逾期天数"), default=0)
    queued = models.BooleanField(
        _("已转督办队列"),
        default=False,
        help_text=_("逾期超过规则中的天数后，转入统筹协调处室的督办队列。"),
    )
    created_at = models.DateTimeField(_("生成时间"), default=clock.now)

    class Meta:
        verbose_name = _("提醒")
        verbose_name_plural = _("提醒")
        ordering = ["-fire_date", "due_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "target_key", "fire_date"], name="reminder_once_per_item_and_day"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.title} ({self.fire_date})"


class Urge(Versioned):
    """A 催办 notice (or a formal warning, or a bulletin listing) to a unit, to be acknowledged."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("督办单位"), on_delete=models.PROTECT, related_name="urges"
    )
    task = models.ForeignKey(
        Task,
        verbose_name=_("任务"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="urges",
        help_text=_("为空表示对单位的整体催办。"),
    )
    step = models.CharField(_("督办层级"), max_length=16, choices=Step.choices, default=Step.URGE)
    message = models.TextField(_("督办内容"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发出人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("发出时间"), default=clock.now)
    acknowledged_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("签收人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ack_note = models.TextField(_("签收说明"), blank=True)

    history = audited_history()

    class Meta:
        verbose_name = _("催办通知")
        verbose_name_plural = _("催办通知")
        ordering = ["-sent_at"]

    def __str__(self):
        return f"{self.get_step_display()} → {self.unit}"


class EscalationStep(models.Model):
    """One rung of the ladder reached for a unit (and a task): who or what took it, and when."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("单位"), on_delete=models.PROTECT, related_name="escalations"
    )
    task = models.ForeignKey(
        Task,
        verbose_name=_("任务"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="escalations",
    )
    step = models.CharField(_("层级"), max_length=16, choices=Step.choices)
    reminder = models.ForeignKey(
        Reminder, null=True, blank=True, on_delete=models.PROTECT, related_name="escalations"
    )
    urge = models.ForeignKey(
        Urge, null=True, blank=True, on_delete=models.PROTECT, related_name="escalations"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("为空表示定时扫描自动生成。"),
    )
    at = models.DateTimeField(_("时间"), default=clock.now)
    note = models.CharField(_("说明"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("督办升级记录")
        verbose_name_plural = _("督办升级记录")
        ordering = ["-at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reminder__isnull=False) | Q(urge__isnull=False),
                name="escalation_step_has_a_cause",
            )
        ]

    def __str__(self):
        return f"{self.unit} {self.get_step_display()}"


class Judgement(models.Model):
    """The coordinator's delivery-confidence judgement on a task; the latest one counts."""

    class Level(models.IntegerChoices):
        CERTAIN = 5, _("确定能按期完成")
        LIKELY = 4, _("较有把握")
        UNCERTAIN = 3, _("存在不确定性")
        DOUBTFUL = 2, _("把握不大")
        UNLIKELY = 1, _("难以按期完成")

    task = models.ForeignKey(
        Task, verbose_name=_("任务"), on_delete=models.PROTECT, related_name="judgements"
    )
    level = models.PositiveSmallIntegerField(_("完成把握"), choices=Level.choices)
    reason = models.TextField(_("理由"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("研判人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("研判时间"), default=clock.now)

    history = audited_history()

    class Meta:
        verbose_name = _("完成把握研判")
        verbose_name_plural = _("完成把握研判")
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="judgement_level_1_to_5"
            )
        ]

    def __str__(self):
        return f"{self.task.path} {self.get_level_display()}"


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarToken(models.Model):
    """The secret in a unit's calendar-feed address; revoking it ends every subscription."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("单位"), on_delete=models.CASCADE, related_name="calendar_tokens"
    )
    token = models.CharField(_("密钥"), max_length=64, unique=True, default=new_calendar_token)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), default=clock.now)
    revoked_at = models.DateTimeField(_("作废时间"), null=True, blank=True)

    history = audited_history(excluded_fields=["token"])

    class Meta:
        verbose_name = _("日历订阅地址")
        verbose_name_plural = _("日历订阅地址")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.unit} 日历订阅"


class LightStamp(models.Model):
    """How often the facts of a task's light have changed (a report, milestone, assignment…)."""

    # No constraint: a task's deletion bumps its stamp (its reports go first), and a stamp left
    # behind names an id no new task takes.
    task = models.OneToOneField(
        Task,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        primary_key=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("预警灯版本")
        verbose_name_plural = _("预警灯版本")

    def __str__(self):
        return f"{self.task_id} v{self.version}"


class StoredLight(models.Model):
    """A task's light on `day`, worked out at its stamp's `version` under a rule set (`rules`:
    its name and digest), with its reasons in `language`: derived data, never edited."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    rules = models.CharField(max_length=80)
    language = models.CharField(max_length=15)
    version = models.PositiveIntegerField()
    colour = models.CharField(max_length=8)
    reasons = models.JSONField(default=list)

    class Meta:
        verbose_name = _("已计算的预警灯")
        verbose_name_plural = _("已计算的预警灯")
        constraints = [
            models.UniqueConstraint(
                fields=["task", "day", "rules", "language"], name="stored_light_once_per_day"
            )
        ]

    def __str__(self):
        return f"{self.task_id} {self.day} {self.colour}"
