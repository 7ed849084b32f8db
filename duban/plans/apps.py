from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "duban.plans"
    verbose_name = _("年度改革计划")

    def ready(self):
        from duban.plans import searchable

        searchable.register()
