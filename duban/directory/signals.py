from duban.lib import clock


def stamp_last_login(sender, user, **kwargs):
    """Django's `update_last_login`, on `clock.now()` (the demo's day when it runs as of one)."""
    user.last_login = clock.now()
    user.save(update_fields=["last_login"])
