from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "duban.search"
    verbose_name = _("搜索")

    def ready(self):
        from duban.search.indexes import ensure_trigram_indexes

        post_migrate.connect(ensure_trigram_indexes, dispatch_uid="duban_search_trigram_indexes")
