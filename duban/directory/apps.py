from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "duban.directory"
    verbose_name = _("单位名录")

    def ready(self):
        from duban.directory import signals  # noqa: F401
