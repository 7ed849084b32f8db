from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "duban.supervision"
    label = "supervision"
    verbose_name = _("督查督办")

    def ready(self):
        from duban.supervision import stored_lights

        stored_lights.connect()

        from duban.plans import badges
        from duban.supervision.selectors import light_cells

        badges.register("light", _("预警"), light_cells)

        from duban.lib import panels as task_panels
        from duban.plans import filters
        from duban.supervision.panels import task_panel
        from duban.supervision.selectors import light_choices, tasks_with_light

        filters.register("light", _("预警"), light_choices(), tasks_with_light)

        # The light first: it is what a reader of the task page looks for.
        task_panels.register("task", "supervision", task_panel, position=10)
