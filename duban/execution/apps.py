from django.apps import AppConfig


class ExecutionConfig(AppConfig):
    name = "duban.execution"
    verbose_name = "实施与进展"
