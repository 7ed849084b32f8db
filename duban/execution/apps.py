from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExecutionConfig(AppConfig):
    name = "duban.execution"
    verbose_name = _("实施与进展")

    def ready(self):
        from duban.execution import owed, panels, searchable
        from duban.lib import panels as task_panels

        owed.register()
        searchable.register()
        task_panels.register("task", "execution", panels.task_panel, position=20)
