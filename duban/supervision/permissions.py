"""Who reaches which supervision record (DESIGN §1): one `access_*` per object.

- the reform office (coordinator) supervises: sends 催办 notices, records judgements, reads
  every unit's notices and the dashboard;
- leaders read the dashboard and every notice; they send and acknowledge nothing;
- a unit's editors and viewers read the notices sent to their unit; only its editors
  acknowledge them and manage its calendar-feed address;
- another unit's record is a 404, so nobody can probe what was sent elsewhere; a role that
  may read but not do the thing asked gets a 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from duban.directory.models import Unit, User
from duban.directory.roles import is_coordinator, is_editor, is_viewer, reads_everything
from duban.plans.models import Task
from duban.plans.permissions import access_task
from duban.supervision.models import CalendarToken, Reminder, Urge


def _member(user: User, unit_id: int) -> bool:
    return bool(user.unit_id) and user.unit_id == unit_id and (is_editor(user) or is_viewer(user))


# ---- What a page offers: one `can_*` per button, the same rules the `access_*` below apply ----


def can_urge(user: User) -> bool:
    """The reform office sends 催办 notices, to a unit or on a task."""
    return is_coordinator(user)


def can_judge(user: User) -> bool:
    """The reform office records its judgement (研判) of a task."""
    return is_coordinator(user)


def can_acknowledge_urge(user: User, urge: Urge) -> bool:
    """A notice is acknowledged (签收) by an editor of the unit it was sent to."""
    return _member(user, urge.unit_id) and is_editor(user)


def can_manage_calendar(user: User) -> bool:
    """A unit's editors create and revoke its calendar-feed address; its viewers only use it."""
    return bool(user.unit_id) and is_editor(user)


def access_dashboard(user: User) -> None:
    """Raises unless `user` may read the supervision dashboard (coordinator, leaders)."""
    if not reads_everything(user):
        raise PermissionDenied


def access_urge(user: User, urge_id: int, *, acknowledge: bool = False) -> Urge:
    """The notice, if `user` may read it (and acknowledge it, with `acknowledge`); else 404/403."""
    urge = get_object_or_404(
        Urge.objects.select_related("unit", "task", "sent_by", "acknowledged_by"), pk=urge_id
    )
    # The reform office and the leadership read every notice; they never acknowledge one.
    if reads_everything(user):
        if acknowledge:
            raise PermissionDenied
        return urge
    # A notice to another unit does not exist for anyone else.
    if not _member(user, urge.unit_id):
        raise Http404
    # Viewers read their unit's notices; only its editors acknowledge them.
    if acknowledge and not can_acknowledge_urge(user, urge):
        raise PermissionDenied
    return urge


def access_unit_to_urge(user: User, unit_id: int) -> Unit:
    """The unit, if `user` may send it a notice: the reform office only; else 403."""
    unit = get_object_or_404(Unit, pk=unit_id)
    if not can_urge(user):
        raise PermissionDenied
    return unit


def access_task_to_supervise(user: User, task_id: int) -> Task:
    """The task, if `user` may urge on it or judge it: the reform office only; else 404/403."""
    task = access_task(user, task_id)
    if not is_coordinator(user):
        raise PermissionDenied
    return task


def access_unit_inbox(user: User) -> Unit:
    """`user`'s own unit, whose notices they read; 403 for those without one."""
    if not (user.unit_id and (is_editor(user) or is_viewer(user))):
        raise PermissionDenied
    return user.unit


def access_calendar(user: User, *, write: bool = False) -> Unit:
    """`user`'s unit, whose calendar-feed address they see (and, with `write`, manage)."""
    unit = access_unit_inbox(user)
    # Viewers may subscribe with the address; creating and revoking it is for editors.
    if write and not can_manage_calendar(user):
        raise PermissionDenied
    return unit


def access_calendar_token(user: User, token_id: int) -> CalendarToken:
    """One of the unit's calendar tokens, to revoke: the unit's editors only; else 404/403."""
    token = get_object_or_404(CalendarToken, pk=token_id)
    if not _member(user, token.unit_id):
        raise Http404
    if not is_editor(user):
        raise PermissionDenied
    return token


# ---- Lists and reminders: the same rules, for the API's lists ---------------------------------


def readable_unit_notices(user: User, records: QuerySet) -> QuerySet:
    """Of `records` (urges or reminders, each to a `unit`), those `user` reads: all for the
    reform office and leaders, their own unit's for its editors and viewers, none otherwise."""
    if reads_everything(user):
        return records
    if user.unit_id and (is_editor(user) or is_viewer(user)):
        return records.filter(unit_id=user.unit_id)
    return records.none()


def access_reminder(user: User, reminder_id: int) -> Reminder:
    """A reminder the scan sent, if `user` reads it (as a notice to the same unit); else 404."""
    reminder = get_object_or_404(Reminder, pk=reminder_id)
    if not readable_unit_notices(user, Reminder.objects.filter(pk=reminder.pk)).exists():
        raise Http404
    return reminder
