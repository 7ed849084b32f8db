from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "duban.coordination"
    label = "coordination"
    verbose_name = _("协调与联席会议")

    def ready(self):
        from duban.api import routers
        from duban.coordination import owed
        from duban.coordination.panels import task_panel, workspace_panel
        from duban.coordination.report_section import coordination_section
        from duban.lib import panels
        from duban.reports import sections

        owed.register()
        sections.register("coordination", 30, coordination_section)
        panels.register("task", "coordination", task_panel, position=30)
        panels.register("workspace", "coordination", workspace_panel)
        routers.register("coordination", "duban.api.v1.coordination", position=10)
