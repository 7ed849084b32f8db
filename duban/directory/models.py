from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from duban.audit.models import Versioned, audited_history


class Region(models.Model):
    class Level(models.TextChoices):
        NATIONAL = "national", _("国家")
        PROVINCE = "province", _("省")
        CITY = "city", _("市州")
        COUNTY = "county", _("县区")

    code = models.CharField(_("行政区划代码"), max_length=12, unique=True)
    name = models.CharField(_("名称"), max_length=64)
    level = models.CharField(_("层级"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = _("行政区域")
        verbose_name_plural = _("行政区域")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def ancestors(self) -> list["Region"]:
        """This region and every region above it, nearest first."""
        chain, region = [], self
        while region is not None:
            chain.append(region)
            region = region.parent
        return chain

    @property
    def province(self) -> "Region | None":
        return next((r for r in self.ancestors() if r.level == self.Level.PROVINCE), None)


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Unit(Versioned):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("人民政府")
        DEPARTMENT = "department", _("政府部门")
        PARTY_OFFICE = "party_office", _("党委部门")
        LEADING_GROUP_OFFICE = "leading_group_office", _("领导小组办公室")
        CENTRAL_UNIT = "central_unit", _("中央驻地方单位")
        ASSOCIATION = "association", _("人民团体及协会")

    name = models.CharField(
        _("全称"),
        max_length=100,
        unique=True,
        help_text=_("单位的正式全称，如“甘肃省发展和改革委员会”。"),
    )
    short_name = models.CharField(
        _("简称"), max_length=50, help_text=_("公文中的常用简称，如“省发展改革委”。")
    )
    kind = models.CharField(_("类别"), max_length=32, choices=Kind.choices)
    region = models.ForeignKey(
        Region, verbose_name=_("所在区域"), on_delete=models.PROTECT, related_name="units"
    )
    active = models.BooleanField(
        _("有效"), default=True, help_text=_("撤销或合并的单位不删除，只标记为无效。")
    )

    objects = UnitQuerySet.as_manager()
    history = audited_history()

    class Meta:
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        ordering = ["region__code", "kind", "name"]
        indexes = [
            # The homes count the directory's active units by kind: a national one holds
            # 140,000, and this index answers the count without reading their rows.
            models.Index(fields=["kind"], condition=models.Q(active=True), name="unit_kind_active"),
        ]

    def __str__(self):
        return self.short_name or self.name


class UnitAliasQuerySet(models.QuerySet):
    def live(self):
        return self.filter(withdrawn=False)

    def in_scope(self, region: "Region | None"):
        """Aliases that apply to a document of `region`: everywhere ones, and those remembered
        in the region or a region above it (a 市财政局 remembered for one city never applies to
        another city)."""
        above = [r.pk for r in region.ancestors()] if region else []
        return self.live().filter(models.Q(region__isnull=True) | models.Q(region_id__in=above))


class UnitAlias(models.Model):
    """Another way documents write a unit's name (`省发改委`); each alias names one unit only.

    An alias remembered while mapping a plan's names holds for that plan's region only; the
    aliases shipped with the directory (no region) hold everywhere. Withdrawn ones are kept.
    """

    unit = models.ForeignKey(
        Unit, verbose_name=_("单位"), on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField(_("别名"), max_length=100)
    region = models.ForeignKey(
        Region,
        verbose_name=_("适用区域"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("只在该区域（及其下级）的文件中识别；为空则处处适用。"),
    )
    withdrawn = models.BooleanField(_("已撤销"), default=False)

    objects = UnitAliasQuerySet.as_manager()
    history = audited_history()

    class Meta:
        verbose_name = _("单位别名")
        verbose_name_plural = _("单位别名")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name"],
                condition=models.Q(region__isnull=True, withdrawn=False),
                name="alias_once_everywhere",
            ),
            models.UniqueConstraint(
                fields=["name", "region"],
                condition=models.Q(region__isnull=False, withdrawn=False),
                name="alias_once_per_region",
            ),
        ]

    def __str__(self):
        return self.name


class User(AbstractUser, Versioned):
    class Role(models.TextChoices):
        ADMIN = "admin", _("系统管理员")
        # 三员分立 (GB/T 22239): roles and locks are the security administrator's; the audit
        # trail is the audit administrator's, who reads and exports it and does nothing else.
        SECURITY = "security", _("安全管理员")
        AUDITOR = "auditor", _("审计管理员")
        COORDINATOR = "coordinator", _("统筹协调")
        LEADER = "leader", _("领导")
        EDITOR = "editor", _("单位填报员")
        VIEWER = "viewer", _("单位查阅员")

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("所属单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("每位用户属于一个单位；系统、安全、审计管理员可不属于任何单位。"),
    )
    role = models.CharField(_("角色"), max_length=16, choices=Role.choices, default=Role.VIEWER)

    objects = UserManager()
    # Login times change on every sign-in and are no business record.
    history = audited_history(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=["admin", "security", "auditor"])
                | models.Q(unit__isnull=False),
                name="user_has_unit_unless_administrator",
            )
        ]

    def get_full_name(self) -> str:
        # Chinese names are family name first, with no space: 王体改处.
        return f"{self.last_name}{self.first_name}".strip()

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class LoginThrottle(models.Model):
    """Failed sign-ins counted per account name and per address, and the lock they lead to.

    Keyed by name, not by user: a name that does not exist is counted the same way, so the
    answer never tells whether an account exists.
    """

    key = models.CharField(_("对象"), max_length=200, unique=True)
    failures = models.PositiveIntegerField(_("连续失败次数"), default=0)
    last_failure_at = models.DateTimeField(_("最近失败时间"), null=True, blank=True)
    locked_until = models.DateTimeField(_("锁定至"), null=True, blank=True)

    class Meta:
        verbose_name = _("登录限制")
        verbose_name_plural = _("登录限制")

    def __str__(self):
        return self.key
