from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from duban.audit.models import Versioned, audited_history
from duban.directory.models import Region, Unit
from duban.lib import clock


class SourceDocument(models.Model):
    """The policy document (or task table) a plan was imported from, kept as uploaded."""

    file = models.FileField(_("原始文件"), upload_to="sources/%Y/")
    original_name = models.CharField(_("文件名"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    text = models.TextField(
        _("正文"), blank=True, help_text=_("解析所用的文本，审核时与任务对照显示。")
    )
    parse = models.JSONField(_("解析结果"), help_text=_("duban.document/1 格式的解析结果。"))
    title = models.CharField(_("标题"), max_length=255, blank=True)
    doc_number = models.CharField(_("文号"), max_length=64, blank=True)
    issuer = models.CharField(_("发文机关"), max_length=100, blank=True)
    issued_on = models.DateField(_("成文日期"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("上传时间"), default=clock.now)

    history = audited_history()

    class Meta:
        verbose_name = _("来源文件")
        verbose_name_plural = _("来源文件")

    def __str__(self):
        return self.title or self.original_name


class PlanQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Plan.Status.PUBLISHED)


class Plan(Versioned):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已发布")
        CLOSED = "closed", _("已结束")

    class Cadence(models.TextChoices):
        MONTHLY = "monthly", _("按月")
        QUARTERLY = "quarterly", _("按季")

    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("计划名称"), max_length=255)
    source = models.ForeignKey(
        SourceDocument,
        verbose_name=_("来源文件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plans",
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("所属区域"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plans",
        help_text=_("印发计划的政府所在区域；单位名称按该区域识别。"),
    )
    filing_deadline = models.DateField(
        _("实施方案备案截止日期"),
        null=True,
        blank=True,
        help_text=_("文件写“5月中旬前报省政府备案”，由统筹协调处室确认为具体日期，如5月20日。"),
    )
    filing_deadline_text = models.CharField(_("文件原文"), max_length=64, blank=True)
    report_cadence = models.CharField(
        _("进展报送周期"), max_length=16, choices=Cadence.choices, default=Cadence.MONTHLY
    )
    filing_grace_days = models.PositiveSmallIntegerField(
        _("新分工报送期限（天）"),
        default=30,
        help_text=_(
            "计划发布后新分配的任务（如分解到市州），其实施方案自分配之日起多少天内报送备案；"
            "进展报告自分配当期起报送。"
        ),
    )
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = PlanQuerySet.as_manager()
    history = audited_history()

    class Meta:
        verbose_name = _("年度计划")
        verbose_name_plural = _("年度计划")
        ordering = ["-year", "title"]

    def __str__(self):
        return f"{self.year} {self.title}"


class TaskQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn=False)

    def provincial(self):
        """The plan's own tree, without the cities' instances of its tasks."""
        return self.filter(region__isnull=True)


class Task(Versioned):
    """A node of the plan: a reform area (level 1), a task (level 2) or a unit of work (level 3+).

    A node that carries assignments is a unit of work: the thing units plan, report on and are
    assessed for. A task whose text closes several department lists has one child per list.
    """

    class Kind(models.TextChoices):
        WITHIN_YEAR = "within_year", _("年内完成")
        MULTI_YEAR = "multi_year", _("跨年度")

    plan = models.ForeignKey(
        Plan, verbose_name=_("年度计划"), on_delete=models.CASCADE, related_name="tasks"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    position = models.PositiveIntegerField(_("序位"), help_text=_("在同级中的顺序，从1开始。"))
    path = models.CharField(
        _("编号路径"),
        max_length=32,
        help_text=_("按位置编号，如 1.6.2：第一领域第六项任务的第二个工作单元。"),
    )
    level = models.PositiveSmallIntegerField(_("层级"))
    label = models.CharField(_("原文序号"), max_length=16, blank=True)
    title = models.CharField(_("标题"), max_length=500)
    text = models.TextField(_("具体内容"), blank=True)
    kind = models.CharField(
        _("任务性质"),
        max_length=16,
        choices=Kind.choices,
        blank=True,
        help_text=_("年内能够完成的任务确保完成；跨年度任务要尽快取得突破。"),
    )
    due_date = models.DateField(_("完成时限"), null=True, blank=True)
    due_text = models.CharField(
        _("时限原文"),
        max_length=64,
        blank=True,
        help_text=_("文件中的原话，如“年底前”“力争用2-3年时间”。"),
    )
    weight = models.DecimalField(_("权重"), max_digits=6, decimal_places=2, default=1)
    lead_note = models.CharField(
        _("牵头说明"),
        max_length=255,
        blank=True,
        help_text=_("没有牵头单位的任务须写明原因，才能发布。"),
    )
    source_start = models.PositiveIntegerField(_("原文起点"), null=True, blank=True)
    source_end = models.PositiveIntegerField(_("原文终点"), null=True, blank=True)
    applies_to_cities = models.BooleanField(
        _("市州分解"),
        default=False,
        help_text=_("各市州须结合实际制订本地实施方案的任务。"),
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("市州"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
        help_text=_("市州承担的任务实例所属的市州；省级任务为空。"),
    )
    origin = models.ForeignKey(
        "self",
        verbose_name=_("省级任务"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="city_instances",
    )
    withdrawn = models.BooleanField(
        _("已撤销"), default=False, help_text=_("撤销的任务保留记录但不再计入进度和考核。")
    )
    carried_from = models.ForeignKey(
        "self",
        verbose_name=_("结转自"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_to",
        help_text=_("上一年度计划中未完成或跨年度的同一任务。"),
    )

    objects = TaskQuerySet.as_manager()
    history = audited_history()

    class Meta:
        verbose_name = _("任务")
        verbose_name_plural = _("任务")
        ordering = ["plan", "region", "path"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "path"],
                condition=Q(region__isnull=True),
                name="task_path_unique_in_plan",
            ),
            models.UniqueConstraint(fields=["origin", "region"], name="task_one_instance_per_city"),
        ]
        indexes = [models.Index(fields=["plan", "parent", "position"])]

    def __str__(self):
        return f"{self.path} {self.title}"


class AssignmentQuerySet(models.QuerySet):
    def live(self):
        """Shares that still count: neither the share nor its task is withdrawn."""
        return self.filter(withdrawn=False, task__withdrawn=False)

    def leads(self):
        """Live lead (牵头) shares: the units that answer for the task."""
        return self.live().filter(role=Assignment.Role.LEAD)

    def for_unit(self, unit):
        return self.filter(unit=unit)

    def published(self):
        return self.filter(task__plan__status=Plan.Status.PUBLISHED)


class Assignment(models.Model):
    """A unit's share of a task: lead (牵头) or co-operating (配合)."""

    class Role(models.TextChoices):
        LEAD = "lead", _("牵头")
        CO = "co", _("配合")

    task = models.ForeignKey(
        Task, verbose_name=_("任务"), on_delete=models.CASCADE, related_name="assignments"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
        help_text=_("导入时尚未对应到名录单位的名称，须在发布前确认。"),
    )
    name_as_written = models.CharField(_("文件原文名称"), max_length=100, blank=True)
    role = models.CharField(_("职责"), max_length=8, choices=Role.choices)
    position = models.PositiveSmallIntegerField(_("排序"), default=1)
    assigned_on = models.DateField(
        _("分配日期"),
        null=True,
        blank=True,
        help_text=_("计划发布后分配的任务从此日起计报送义务；空表示随计划分配，自计划年度起计。"),
    )
    lead_since = models.DateField(
        _("牵头日期"),
        null=True,
        blank=True,
        help_text=_("计划发布后改为牵头的单位，实施方案备案期限自此日起计；空表示自分配日期起计。"),
    )
    withdrawn = models.BooleanField(_("已撤销"), default=False)

    history = audited_history()

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("任务分工")
        verbose_name_plural = _("任务分工")
        ordering = ["task", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "unit"],
                condition=Q(unit__isnull=False, withdrawn=False),
                name="assignment_unit_once_per_task",
            ),
        ]

    def __str__(self):
        return f"{self.task.path} {self.unit or self.name_as_written} ({self.get_role_display()})"

    @property
    def is_lead(self) -> bool:
        return self.role == self.Role.LEAD

    @property
    def owed_from(self) -> date:
        """The first day this share owes work: its assignment date, or the plan year's start."""
        return owed_from(self.task.plan.year, self.assigned_on)

    def take_role(self, role: str) -> list[str]:
        """Change the share's role; the fields changed, to save. A co unit made lead once the
        plan is out leads from today: its 实施方案 is owed from then, not from May."""
        if role == self.Role.LEAD and self.role != self.Role.LEAD:
            self.lead_since = assignment_date(self.task.plan)
        self.role = role
        return ["role", "lead_since"]


def assignment_date(plan: Plan) -> date | None:
    """The date a share assigned now is owed from: today once the plan is out, else its start."""
    return clock.today() if plan.status == Plan.Status.PUBLISHED else None


def owed_from(year: int, assigned_on: date | None) -> date:
    """Work assigned on a date is owed from that date, never before the plan year begins."""
    start = date(year, 1, 1)
    return max(start, assigned_on) if assigned_on else start


class Target(models.Model):
    """A quantitative indicator read from the task's text (`资产超千亿元`, `80%以上`)."""

    task = models.ForeignKey(
        Task, verbose_name=_("任务"), on_delete=models.CASCADE, related_name="targets"
    )
    text = models.CharField(_("原文"), max_length=255)
    value = models.DecimalField(_("目标值"), max_digits=20, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("计量单位"), max_length=32, blank=True)
    comparator = models.CharField(
        _("比较"),
        max_length=8,
        blank=True,
        help_text=_("如 >=（以上、不低于）、>（超）、<=（以内）。"),
    )

    history = audited_history()

    class Meta:
        verbose_name = _("量化目标")
        verbose_name_plural = _("量化目标")

    def __str__(self):
        return self.text


class CitedDocument(models.Model):
    """Another document the plan cites by number (`甘政发〔2011〕41号`)."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("年度计划"), on_delete=models.CASCADE, related_name="cited_documents"
    )
    number = models.CharField(_("文号"), max_length=64)
    title = models.CharField(_("标题"), max_length=255, blank=True)
    tasks = models.ManyToManyField(
        Task, verbose_name=_("引用任务"), related_name="cited_documents", blank=True
    )

    class Meta:
        verbose_name = _("引用文件")
        verbose_name_plural = _("引用文件")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="cited_number_once_per_plan")
        ]

    def __str__(self):
        return self.number
