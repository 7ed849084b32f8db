"""Public disclosure (政务公开): what of a plan the reform office publishes without a login."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from duban.audit.models import Versioned, audited_history
from duban.plans.models import Plan


class PublicPage(Versioned):
    """One plan's public page: off until the coordinator turns it on, showing only `fields`."""

    class Field(models.TextChoices):
        PROGRESS = "progress", _("总体进度和年度时间进度")
        AREAS = "areas", _("各改革领域完成进度")
        LIGHTS = "lights", _("工作任务亮灯分布")
        TASKS = "tasks", _("工作任务清单及牵头单位")

    plan = models.OneToOneField(
        Plan, verbose_name=_("年度计划"), on_delete=models.CASCADE, related_name="public_page"
    )
    published = models.BooleanField(_("对外公开"), default=False)
    fields = models.JSONField(
        _("公开内容"), default=list, help_text=_("公开页面显示的内容，由统筹协调处室选定。")
    )

    history = audited_history()

    class Meta:
        verbose_name = _("政务公开页面")
        verbose_name_plural = _("政务公开页面")

    def shows(self, field: str) -> bool:
        return self.published and field in self.fields
