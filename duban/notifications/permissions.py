"""Who may reach which notification record.

- a notification is its recipient's alone; anyone else gets a 404;
- a unit's webhook is configured by that unit's editors; its viewers see it and its failures;
  the reform office sees every unit's failures; no one else learns it exists.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from duban.directory.models import Unit, User
from duban.directory.roles import is_coordinator, is_editor, is_viewer
from duban.notifications.models import Notification


def access_notification(user: User, notification_id: int) -> Notification:
    """The notification if `user` received it; else 404."""
    return get_object_or_404(Notification, pk=notification_id, user_id=user.pk)


def access_unit_webhook(user: User, unit_id: int, *, write: bool = False) -> Unit:
    """The unit whose chat-robot settings `user` may see (and with `write`, change); else 404/403."""
    unit = get_object_or_404(Unit, pk=unit_id)
    # The reform office reads every unit's delivery failures; units configure their own robot.
    if is_coordinator(user):
        if write:
            raise PermissionDenied
        return unit
    # Another unit's robot does not exist for anyone else.
    if user.unit_id != unit.pk or not (is_editor(user) or is_viewer(user)):
        raise Http404
    # Viewers see; only the unit's editors change it.
    if write and not is_editor(user):
        raise PermissionDenied
    return unit


def can_edit_unit_webhook(user: User, unit: Unit) -> bool:
    return is_editor(user) and user.unit_id == unit.pk
