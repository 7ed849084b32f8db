"""The departments' side of the cycle: implementation plans, milestones, progress reports."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from duban.audit.models import Versioned, audited_history
from duban.directory.models import Unit
from duban.lib import clock
from duban.plans.models import Plan, Task


class ImplementationPlan(Versioned):
    """A unit's annual implementation plan (实施方案) for its tasks in one plan, filed (备案)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已报送")
        FILED = "filed", _("已备案")
        RETURNED = "returned", _("已退回")

    plan = models.ForeignKey(
        Plan,
        verbose_name=_("年度计划"),
        on_delete=models.PROTECT,
        related_name="implementation_plans",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("单位"), on_delete=models.PROTECT, related_name="implementation_plans"
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    narrative = models.TextField(
        _("总体安排"), blank=True, help_text=_("实施步骤、工作责任和保障措施的总体说明。")
    )
    submitted_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    first_submitted_at = models.DateTimeField(
        _("首次报送时间"),
        null=True,
        blank=True,
        help_text=_("判断是否逾期报送的依据：晚于备案截止日期即为逾期。"),
    )
    filed_at = models.DateTimeField(_("备案时间"), null=True, blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("备案人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    review_comment = models.TextField(_("审核意见"), blank=True)
    baseline = models.JSONField(
        _("备案基线"),
        null=True,
        blank=True,
        help_text=_("备案时的里程碑快照；之后的延期、增删与之对照显示。"),
    )

    history = audited_history()

    class Meta:
        verbose_name = _("实施方案")
        verbose_name_plural = _("实施方案")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "unit"], name="one_implementation_plan_per_unit"
            )
        ]

    def __str__(self):
        return f"{self.unit} {self.plan.year}年实施方案"


class Commitment(Versioned):
    """What a unit commits to for one task in its implementation plan."""

    implementation_plan = models.ForeignKey(
        ImplementationPlan,
        verbose_name=_("实施方案"),
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    task = models.ForeignKey(
        Task, verbose_name=_("任务"), on_delete=models.PROTECT, related_name="commitments"
    )
    criterion = models.TextField(
        _("完成标准或年度突破"),
        blank=True,
        help_text=_("年内任务写明完成标准；跨年度任务写明今年要取得的突破。"),
    )
    steps = models.TextField(_("实施步骤"), blank=True)

    history = audited_history()

    class Meta:
        verbose_name = _("任务承诺")
        verbose_name_plural = _("任务承诺")
        constraints = [
            models.UniqueConstraint(
                fields=["implementation_plan", "task"], name="one_commitment_per_task"
            )
        ]

    def __str__(self):
        return f"{self.implementation_plan} · {self.task.path}"


class Milestone(Versioned):
    task = models.ForeignKey(
        Task, verbose_name=_("任务"), on_delete=models.PROTECT, related_name="milestones"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("责任单位"), on_delete=models.PROTECT, related_name="milestones"
    )
    implementation_plan = models.ForeignKey(
        ImplementationPlan,
        verbose_name=_("实施方案"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="milestones",
    )
    position = models.PositiveSmallIntegerField(_("排序"), default=1)
    title = models.CharField(_("节点"), max_length=255)
    due_date = models.DateField(_("完成时限"))
    deliverable = models.CharField(_("成果形式"), max_length=255, blank=True)
    responsible_person = models.CharField(_("责任人"), max_length=64, blank=True)
    baseline_due = models.DateField(
        _("备案时限"), null=True, blank=True, help_text=_("实施方案备案时的时限；延期后与之对照。")
    )
    added_after_filing = models.BooleanField(_("备案后新增"), default=False)
    met_on = models.DateField(_("完成日期"), null=True, blank=True)
    met_note = models.TextField(_("完成情况"), blank=True)
    withdrawn = models.BooleanField(_("已撤销"), default=False)

    history = audited_history()

    class Meta:
        verbose_name = _("里程碑")
        verbose_name_plural = _("里程碑")
        ordering = ["task", "due_date", "position"]

    def __str__(self):
        return f"{self.task.path} {self.title}"


class ProgressReport(Versioned):
    """A unit's report on one task for one period; the lead's report is the task's status."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("未启动")
        ON_TRACK = "on_track", _("按计划推进")
        AT_RISK = "at_risk", _("存在风险")
        DELAYED = "delayed", _("滞后")
        DONE = "done", _("已完成")

    class Review(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已报送")
        ACCEPTED = "accepted", _("已采纳")
        RETURNED = "returned", _("已退回")

    task = models.ForeignKey(
        Task, verbose_name=_("任务"), on_delete=models.PROTECT, related_name="reports"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("报送单位"), on_delete=models.PROTECT, related_name="reports"
    )
    period_start = models.DateField(_("报告期起"), help_text=_("报告期的第一天（月初或季初）。"))
    period_end = models.DateField(_("报告期止"))
    status = models.CharField(
        _("推进状态"), max_length=16, choices=Status.choices, default=Status.NOT_STARTED
    )
    percent = models.PositiveSmallIntegerField(
        _("完成进度（%）"), default=0, validators=[MaxValueValidator(100)]
    )
    percent_reason = models.CharField(
        _("进度说明"),
        max_length=255,
        blank=True,
        help_text=_("进度与状态默认值不同时，须说明理由。"),
    )
    work_done = models.TextField(_("本期工作进展"), blank=True)
    problems = models.TextField(_("存在问题"), blank=True)
    next_steps = models.TextField(_("下步打算"), blank=True)
    review = models.CharField(
        _("审核状态"), max_length=16, choices=Review.choices, default=Review.DRAFT
    )
    submitted_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    review_comment = models.TextField(_("审核意见"), blank=True)

    history = audited_history()

    class Meta:
        verbose_name = _("进展报告")
        verbose_name_plural = _("进展报告")
        ordering = ["task", "unit", "-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "unit", "period_start"], name="one_report_per_task_unit_period"
            ),
            models.CheckConstraint(condition=Q(percent__lte=100), name="report_percent_max_100"),
        ]

    def __str__(self):
        return f"{self.task.path} {self.unit} {self.period_start:%Y-%m}"


class Evidence(models.Model):
    """A file that proves work done: attached to a report, a milestone or an implementation plan."""

    file = models.FileField(_("文件"), upload_to="evidence/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=255)
    content_type = models.CharField(_("类型"), max_length=100)
    size = models.PositiveIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    report = models.ForeignKey(
        ProgressReport,
        verbose_name=_("进展报告"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evidence",
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("里程碑"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evidence",
    )
    implementation_plan = models.ForeignKey(
        ImplementationPlan,
        verbose_name=_("实施方案"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("上传时间"), default=clock.now)
    withdrawn = models.BooleanField(_("已撤销"), default=False)

    history = audited_history()

    class Meta:
        verbose_name = _("佐证材料")
        verbose_name_plural = _("佐证材料")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        report__isnull=False,
                        milestone__isnull=True,
                        implementation_plan__isnull=True,
                    )
                    | Q(
                        report__isnull=True,
                        milestone__isnull=False,
                        implementation_plan__isnull=True,
                    )
                    | Q(
                        report__isnull=True,
                        milestone__isnull=True,
                        implementation_plan__isnull=False,
                    )
                ),
                name="evidence_belongs_to_exactly_one_record",
            )
        ]

    def __str__(self):
        return self.original_name


class Extension(Versioned):
    """A unit's request to move a milestone's or a task's due date, and the coordinator's answer."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("待审批")
        APPROVED = "approved", _("已批准")
        REFUSED = "refused", _("未批准")

    task = models.ForeignKey(
        Task, verbose_name=_("任务"), on_delete=models.PROTECT, related_name="extensions"
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("里程碑"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="extensions",
        help_text=_("为空表示申请延长任务本身的完成时限。"),
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("申请单位"), on_delete=models.PROTECT, related_name="extensions"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("申请时间"), default=clock.now)
    reason = models.TextField(_("申请理由"))
    old_due = models.DateField(_("原时限"))
    new_due = models.DateField(_("申请时限"))
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.REQUESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审批人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    decision_comment = models.TextField(_("审批意见"), blank=True)

    history = audited_history()

    class Meta:
        verbose_name = _("延期申请")
        verbose_name_plural = _("延期申请")
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.task.path} {self.old_due} → {self.new_due}"


class LeaderComment(models.Model):
    """A leader's instruction (批示) on a task or a report, shown to the units concerned."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("批示人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    task = models.ForeignKey(
        Task, verbose_name=_("任务"), on_delete=models.PROTECT, related_name="leader_comments"
    )
    report = models.ForeignKey(
        ProgressReport,
        verbose_name=_("进展报告"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="leader_comments",
    )
    text = models.TextField(_("批示内容"))
    created_at = models.DateTimeField(_("批示时间"), default=clock.now)
    withdrawn = models.BooleanField(_("已撤销"), default=False)

    history = audited_history()

    class Meta:
        verbose_name = _("领导批示")
        verbose_name_plural = _("领导批示")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.task.path} {self.text[:20]}"
