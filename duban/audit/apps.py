from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "duban.audit"
    verbose_name = _("审计")

    def ready(self):
        from duban.audit import signals  # noqa: F401
