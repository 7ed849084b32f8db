from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "duban.directory"
    verbose_name = _("单位名录")

    def ready(self):
        from django.contrib.auth import user_logged_in
        from django.contrib.auth.models import update_last_login

        from duban.directory import signals  # noqa: F401  (sign-in events onto the audit chain)
        from duban.directory.signals import stamp_last_login

        # The last login is stamped on Duban's one clock, like every other time.
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(stamp_last_login, dispatch_uid="duban_last_login")
