from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "duban.assessment"
    label = "assessment"
    verbose_name = _("年度考核")

    def ready(self):
        from duban.api import routers
        from duban.assessment import measures, owed, sections

        measures.register()
        owed.register()
        sections.register()
        routers.register("assessment", "duban.api.v1.assessment", position=20)
