"""Coordination (协调): issues units raise on a task, joint meetings (联席会议) that settle them,
and the meetings' outcomes — decisions being owed work like a milestone.

The founding document asks lead departments to settle problems that cross departments,
regions and sectors through joint meetings; the reform office sees them settled.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from duban.audit.models import Versioned, audited_history
from duban.directory.models import Unit
from duban.plans.models import Plan, Task


class CoordinationIssue(Versioned):
    """A problem a unit cannot solve alone: raised on a task, naming the units it needs."""

    class Status(models.TextChoices):
        OPEN = "open", _("待协调")
        ON_AGENDA = "on_agenda", _("已列入议题")
        DECIDED = "decided", _("已议定")
        CLOSED = "closed", _("已办结")
        WITHDRAWN = "withdrawn", _("已撤回")

    class Urgency(models.TextChoices):
        NORMAL = "normal", _("一般")
        URGENT = "urgent", _("紧急")
        CRITICAL = "critical", _("特急")

    task = models.ForeignKey(
        Task, verbose_name=_("任务"), on_delete=models.PROTECT, related_name="coordination_issues"
    )
    raised_by_unit = models.ForeignKey(
        Unit, verbose_name=_("提出单位"), on_delete=models.PROTECT, related_name="issues_raised"
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提出人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("事项"), max_length=200)
    blocker = models.TextField(
        _("存在问题"), help_text=_("什么卡住了任务：涉及哪些政策、审批、资金或职责交叉。")
    )
    needed_units = models.ManyToManyField(
        Unit,
        verbose_name=_("需协调单位"),
        related_name="issues_needing",
        help_text=_("需要哪些单位参与解决；被点名单位会收到通知并在事项下答复。"),
    )
    urgency = models.CharField(
        _("紧急程度"), max_length=16, choices=Urgency.choices, default=Urgency.NORMAL
    )
    evidence = models.TextField(
        _("依据和材料"), blank=True, help_text=_("相关文件、往来函件、数据，写明名称和文号。")
    )
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.OPEN)
    closing_note = models.TextField(_("办结说明"), blank=True)
    created_at = models.DateTimeField(_("提出时间"), auto_now_add=True)

    history = audited_history()

    class Meta:
        verbose_name = _("协调事项")
        verbose_name_plural = _("协调事项")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        """Still waiting to be settled: open, on an agenda, or decided but not yet closed."""
        return self.status in (self.Status.OPEN, self.Status.ON_AGENDA, self.Status.DECIDED)


class IssueReply(models.Model):
    """One answer in an issue's thread, from a named unit, the raiser or the reform office."""

    issue = models.ForeignKey(
        CoordinationIssue,
        verbose_name=_("协调事项"),
        on_delete=models.CASCADE,
        related_name="replies",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("答复单位"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("答复意见"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    history = audited_history()

    class Meta:
        verbose_name = _("答复")
        verbose_name_plural = _("答复")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.unit}: {self.text[:40]}"


class Meeting(Versioned):
    """A joint meeting (联席会议): convened by a lead unit or the reform office."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("筹备中")
        CONVENED = "convened", _("已发通知")
        IN_PROGRESS = "in_progress", _("会议进行中")
        CLOSED = "closed", _("已结束")

    plan = models.ForeignKey(
        Plan, verbose_name=_("年度计划"), on_delete=models.PROTECT, related_name="meetings"
    )
    title = models.CharField(_("会议名称"), max_length=200)
    convened_by_unit = models.ForeignKey(
        Unit, verbose_name=_("召集单位"), on_delete=models.PROTECT, related_name="meetings_convened"
    )
    convened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("召集人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    date = models.DateField(_("会议日期"))
    start_time = models.TimeField(_("开始时间"), null=True, blank=True)
    place = models.CharField(_("会议地点"), max_length=200)
    chair = models.CharField(
        _("主持人"), max_length=100, help_text=_("如“省发展改革委副主任 张明”。")
    )
    units = models.ManyToManyField(
        Unit, verbose_name=_("参会单位"), related_name="meetings_attended", blank=True
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    number = models.PositiveSmallIntegerField(
        _("期次"),
        null=True,
        blank=True,
        help_text=_("发出通知时按年度计划依次编号：第1次联席会议……"),
    )
    summary = models.TextField(
        _("会议概况"), blank=True, help_text=_("纪要开头的一段：会议研究了什么，形成哪些共识。")
    )
    convened_at = models.DateTimeField(_("通知时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("结束时间"), null=True, blank=True)

    history = audited_history()

    class Meta:
        verbose_name = _("联席会议")
        verbose_name_plural = _("联席会议")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return self.title


class AgendaItem(models.Model):
    """One topic of a meeting: an open issue, or a task that is red, blocked or cross-department."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("会议"), on_delete=models.CASCADE, related_name="agenda"
    )
    position = models.PositiveSmallIntegerField(_("序号"))
    title = models.CharField(_("议题"), max_length=300)
    issue = models.ForeignKey(
        CoordinationIssue,
        verbose_name=_("协调事项"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
    )
    task = models.ForeignKey(
        Task, verbose_name=_("任务"), on_delete=models.PROTECT, related_name="agenda_items"
    )
    reason = models.CharField(_("列入理由"), max_length=200, blank=True)

    history = audited_history()

    class Meta:
        verbose_name = _("议题")
        verbose_name_plural = _("议题")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "issue"],
                condition=models.Q(issue__isnull=False),
                name="agenda_issue_once_per_meeting",
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"


class Outcome(Versioned):
    """What the meeting concluded on a topic: information noted, a decision, or an action.

    Decisions and actions are owed work (议定事项): an owner unit, co units and a deadline,
    reported on and chased like a milestone until the reform office accepts them as done.
    """

    class Kind(models.TextChoices):
        INFORMATION = "information", _("通报事项")
        DECISION = "decision", _("议定事项")
        ACTION = "action", _("工作安排")

    class Status(models.TextChoices):
        OPEN = "open", _("办理中")
        DONE = "done", _("已报办结")
        ACCEPTED = "accepted", _("已确认办结")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("会议"), on_delete=models.PROTECT, related_name="outcomes"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("议题"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="outcomes",
    )
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    text = models.TextField(_("内容"))
    owner_unit = models.ForeignKey(
        Unit,
        verbose_name=_("责任单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions_owned",
    )
    co_units = models.ManyToManyField(
        Unit, verbose_name=_("配合单位"), related_name="decisions_supported", blank=True
    )
    due_date = models.DateField(_("完成时限"), null=True, blank=True)
    issues = models.ManyToManyField(
        CoordinationIssue,
        verbose_name=_("解决的协调事项"),
        related_name="outcomes",
        blank=True,
    )
    tasks = models.ManyToManyField(
        Task,
        verbose_name=_("涉及任务"),
        related_name="meeting_outcomes",
        blank=True,
        help_text=_("议定事项所涉任务：其协调事项和议题的任务，显示在任务的记录中。"),
    )
    status = models.CharField(
        _("办理状态"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    met_on = models.DateField(_("办结日期"), null=True, blank=True)
    evidence = models.TextField(_("办结依据"), blank=True)
    accepted_on = models.DateField(_("确认日期"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("序号"), default=1)

    history = audited_history()

    class Meta:
        verbose_name = _("会议议定事项")
        verbose_name_plural = _("会议议定事项")
        ordering = ["meeting", "position", "pk"]

    def __str__(self):
        return self.text[:60]

    @property
    def is_owed(self) -> bool:
        return self.kind in (self.Kind.DECISION, self.Kind.ACTION)


class DecisionProgress(models.Model):
    """A progress note the owner unit files on a decision (a short 进展情况)."""

    outcome = models.ForeignKey(
        Outcome, verbose_name=_("议定事项"), on_delete=models.CASCADE, related_name="progress"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("报送单位"), on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("报送人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("进展情况"))
    reported_on = models.DateField(_("报送日期"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    history = audited_history()

    class Meta:
        verbose_name = _("议定事项进展")
        verbose_name_plural = _("议定事项进展")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.unit} {self.reported_on}: {self.note[:40]}"
