"""The annual assessment (年度考核): the scheme, its versions, every unit's score and its lines.

Scheme (per plan: components and weights, set by the coordinator) → Assessment (the scheme
applied to the record as of a date: version n, draft → locked → published) → Score (one unit or
city: total, rank) → ScoreLine (one record that earned or lost points, with its link).

A locked or published assessment never changes, whatever the path (form, API, admin, command,
a stray `save()` or `QuerySet.update()`): the guards below refuse it, and recomputing makes a
new version instead. The guards live on the models because they protect the record itself,
not a business flow; the flow (compute, lock, publish) is in `services.py`.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from duban.audit.models import Versioned, audited_history
from duban.directory.models import Unit
from duban.plans.models import Plan, Task


class Frozen(Exception):
    """The assessment is locked: nothing in it may change; recompute to make a new version."""


class Scheme(Versioned):
    """How a plan year is assessed: the components (one per registered measure) and role weights."""

    plan = models.OneToOneField(
        Plan, verbose_name=_("年度计划"), on_delete=models.PROTECT, related_name="assessment_scheme"
    )
    lead_weight = models.DecimalField(
        _("牵头单位权重"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(0)],
        help_text=_("计算一个单位某项得分时，其牵头任务记录所占的权重。"),
    )
    co_weight = models.DecimalField(
        _("配合单位权重"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("0.50"),
        validators=[MinValueValidator(0)],
        help_text=_("配合任务记录所占的权重；牵头1、配合0.5表示牵头任务的分量是配合任务的两倍。"),
    )

    history = audited_history()

    class Meta:
        verbose_name = _("考核方案")
        verbose_name_plural = _("考核方案")

    def __str__(self):
        return f"{self.plan.year}年度考核方案"


class Component(Versioned):
    """One line of the scheme: a registered measure with its weight."""

    class Kind(models.TextChoices):
        RATE = "rate", _("按完成率计分")
        DEDUCTION = "deduction", _("按次扣分")

    scheme = models.ForeignKey(
        Scheme, verbose_name=_("考核方案"), on_delete=models.CASCADE, related_name="components"
    )
    measure = models.CharField(_("考核指标"), max_length=64)
    label = models.CharField(_("名称"), max_length=100)
    kind = models.CharField(_("计分方式"), max_length=16, choices=Kind.choices)
    weight = models.DecimalField(
        _("分值"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("按完成率计分：本项满分；按次扣分：每次扣的分数。为0即不计入。"),
    )
    cap = models.DecimalField(
        _("扣分上限"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("按次扣分时本项最多扣的分数；为空表示不设上限。"),
    )
    position = models.PositiveSmallIntegerField(_("排序"), default=1)

    history = audited_history()

    class Meta:
        verbose_name = _("考核项目")
        verbose_name_plural = _("考核项目")
        ordering = ["scheme", "position"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "measure"], name="component_once_per_scheme")
        ]

    def __str__(self):
        return self.label


class BreakthroughRating(Versioned):
    """The coordinator's rating of a multi-year task's breakthrough this year, with the reason."""

    task = models.OneToOneField(
        Task,
        verbose_name=_("任务"),
        on_delete=models.PROTECT,
        related_name="breakthrough_rating",
    )
    rating = models.DecimalField(
        _("突破程度"),
        max_digits=3,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0到1：1为取得预期突破，0.5为部分突破，0为没有进展。"),
    )
    reason = models.TextField(_("评定理由"))
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("评定人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    rated_on = models.DateField(_("评定日期"))

    history = audited_history()

    class Meta:
        verbose_name = _("跨年度任务突破评定")
        verbose_name_plural = _("跨年度任务突破评定")

    def __str__(self):
        return f"{self.task.path} {self.rating}"


FROZEN = ("locked", "published")


class AssessmentQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.filter(status__in=FROZEN).exists():
            raise Frozen(_("考核结果已锁定，不能修改；请重新计算生成新版本。"))
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status__in=FROZEN).exists():
            raise Frozen(_("考核结果已锁定，不能删除。"))
        return super().delete()


class Assessment(models.Model):
    """The scheme applied to the record as of a date: one numbered version of the year's result."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        LOCKED = "locked", _("已锁定")
        PUBLISHED = "published", _("已公布")

    plan = models.ForeignKey(
        Plan, verbose_name=_("年度计划"), on_delete=models.PROTECT, related_name="assessments"
    )
    number = models.PositiveIntegerField(_("版本号"))
    as_of = models.DateField(_("考核截止日期"))
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    rules = models.JSONField(
        _("计分规则"), help_text=_("计算时生效的方案：各项目、分值和权重，锁定后随结果保存。")
    )
    digest = models.CharField(_("结果摘要"), max_length=64, help_text=_("全部得分行的指纹。"))
    computed_at = models.DateTimeField(_("计算时间"), auto_now_add=True)
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("计算人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    locked_at = models.DateTimeField(_("锁定时间"), null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("锁定人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField(_("公布时间"), null=True, blank=True)

    objects = AssessmentQuerySet.as_manager()
    history = audited_history()

    class Meta:
        verbose_name = _("考核结果")
        verbose_name_plural = _("考核结果")
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="assessment_number_per_plan")
        ]

    def __str__(self):
        return f"{self.plan.year}年度考核 第{self.number}版"

    def save(self, *args, **kwargs):
        # The one change a locked assessment allows: locked → published, nothing else.
        if self.pk is not None:
            stored = Assessment.objects.filter(pk=self.pk).values("status").first()
            if stored and stored["status"] in FROZEN and not self._is_publishing(stored, kwargs):
                raise Frozen(_("考核结果已锁定，不能修改；请重新计算生成新版本。"))
        super().save(*args, **kwargs)

    def _is_publishing(self, stored: dict, kwargs: dict) -> bool:
        fields = set(kwargs.get("update_fields") or ())
        return (
            stored["status"] == self.Status.LOCKED
            and self.status == self.Status.PUBLISHED
            and bool(fields)
            and fields <= {"status", "published_at"}
        )

    def delete(self, *args, **kwargs):
        if Assessment.objects.filter(pk=self.pk, status__in=FROZEN).exists():
            raise Frozen(_("考核结果已锁定，不能删除。"))
        return super().delete(*args, **kwargs)

    @property
    def frozen(self) -> bool:
        return self.status in FROZEN


class _PartQuerySet(models.QuerySet):
    """Scores and lines of a locked assessment are refused any bulk change."""

    frozen_filter = "assessment__status__in"

    def _refuse_if_frozen(self):
        if self.filter(**{self.frozen_filter: FROZEN}).exists():
            raise Frozen(_("考核结果已锁定，不能修改；请重新计算生成新版本。"))

    def update(self, **kwargs):
        self._refuse_if_frozen()
        return super().update(**kwargs)

    def delete(self):
        self._refuse_if_frozen()
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        if Assessment.objects.filter(pk__in=self._assessment_ids(objs), status__in=FROZEN).exists():
            raise Frozen(_("考核结果已锁定，不能修改；请重新计算生成新版本。"))
        return super().bulk_create(objs, *args, **kwargs)

    def _assessment_ids(self, objs) -> set[int]:
        return {obj.assessment_id for obj in objs}


class _LineQuerySet(_PartQuerySet):
    frozen_filter = "score__assessment__status__in"

    def _assessment_ids(self, objs) -> set[int]:
        scores = Score.objects.filter(pk__in={obj.score_id for obj in objs})
        return set(scores.values_list("assessment_id", flat=True))


class _Part(models.Model):
    """A piece of an assessment: refuses to change once its assessment is locked."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._refuse_if_frozen()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._refuse_if_frozen()
        return super().delete(*args, **kwargs)

    def _assessment_id(self) -> int:
        raise NotImplementedError

    def _refuse_if_frozen(self):
        if Assessment.objects.filter(pk=self._assessment_id(), status__in=FROZEN).exists():
            raise Frozen(_("考核结果已锁定，不能修改；请重新计算生成新版本。"))


class Score(_Part):
    """One unit's (or city's) result in one assessment version."""

    class Group(models.TextChoices):
        UNIT = "unit", _("省直单位")
        CITY = "city", _("市州")

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("考核结果"), on_delete=models.CASCADE, related_name="scores"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("单位"), on_delete=models.PROTECT, related_name="assessment_scores"
    )
    group = models.CharField(_("类别"), max_length=8, choices=Group.choices)
    total = models.DecimalField(_("总分"), max_digits=8, decimal_places=2)
    rank = models.PositiveIntegerField(_("排名"), help_text=_("同类单位中的名次，并列同名次。"))

    objects = _PartQuerySet.as_manager()

    class Meta:
        verbose_name = _("考核得分")
        verbose_name_plural = _("考核得分")
        ordering = ["assessment", "group", "rank", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "unit"], name="score_once_per_unit")
        ]

    def __str__(self):
        return f"{self.unit} {self.total}"

    def _assessment_id(self) -> int:
        return self.assessment_id


class ScoreLine(_Part):
    """One record that earned or lost points for a unit in one component."""

    score = models.ForeignKey(
        Score, verbose_name=_("考核得分"), on_delete=models.CASCADE, related_name="lines"
    )
    component = models.CharField(_("考核指标"), max_length=64)
    label = models.CharField(_("记录"), max_length=300)
    link = models.CharField(_("链接"), max_length=300, blank=True)
    role = models.CharField(_("职责"), max_length=8, blank=True)
    achieved = models.DecimalField(
        _("完成度"), max_digits=8, decimal_places=4, help_text=_("完成率（0–1）或扣分次数。")
    )
    points = models.DecimalField(_("得分"), max_digits=8, decimal_places=2)
    lost = models.DecimalField(_("失分"), max_digits=8, decimal_places=2, default=0)

    objects = _LineQuerySet.as_manager()

    class Meta:
        verbose_name = _("得分明细")
        verbose_name_plural = _("得分明细")
        ordering = ["score", "component", "id"]

    def __str__(self):
        return self.label

    def _assessment_id(self) -> int:
        return Score.objects.filter(pk=self.score_id).values_list("assessment_id", flat=True)[0]


class Objection(Versioned):
    """A unit's objection to its own breakdown, and the coordinator's answer (owed work)."""

    class Status(models.TextChoices):
        OPEN = "open", _("待答复")
        ANSWERED = "answered", _("已答复")

    score = models.ForeignKey(
        Score, verbose_name=_("考核得分"), on_delete=models.PROTECT, related_name="objections"
    )
    component = models.CharField(_("考核指标"), max_length=64, blank=True)
    reason = models.TextField(_("异议理由"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提出人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    filed_on = models.DateField(_("提出日期"))
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default="open")
    answer = models.TextField(_("答复"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)

    history = audited_history()

    class Meta:
        verbose_name = _("考核异议")
        verbose_name_plural = _("考核异议")
        ordering = ["-filed_on", "-id"]

    def __str__(self):
        return f"{self.score.unit} {self.reason[:20]}"
