from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "duban.coordination"
    label = "coordination"
    verbose_name = _("协调与联席会议")
