from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from duban.directory.models import Unit, UnitAlias, User
from duban.directory.roles import is_admin, is_coordinator


def access_unit(user: User, unit_id: int, *, write: bool = False) -> Unit:
    """The unit, if `user` may see it (and change it, with `write`); else 404 or 403.

    The directory is public inside Duban: every signed-in user reads every unit.
    """
    unit = get_object_or_404(Unit, pk=unit_id)
    if not write:
        return unit
    # Units, their names and aliases are the admin's, and the coordinator's when mapping names.
    if is_admin(user) or is_coordinator(user):
        return unit
    raise PermissionDenied


def access_user(user: User, user_id: int, *, write: bool = False) -> User:
    """The account, if `user` may see it (and change it, with `write`); else 404.

    404 for another person's account, so that accounts cannot be probed.
    """
    target = get_object_or_404(User.objects.select_related("unit"), pk=user_id)
    # Admins run the accounts.
    if is_admin(user):
        return target
    # Everyone may read their own account; changing roles and units is the admin's.
    if target.pk == user.pk and not write:
        return target
    raise Http404


def can_review_aliases(user: User) -> bool:
    # The coordinator maps names on import, so reviews what was remembered; the admin runs the directory.
    return is_coordinator(user) or is_admin(user)


def access_alias(user: User, alias_id: int, *, write: bool = False) -> UnitAlias:
    """The alias, for those who review aliases; 404 for everyone else (aliases are not probed)."""
    if not can_review_aliases(user):
        raise Http404
    return get_object_or_404(UnitAlias.objects.select_related("unit", "region"), pk=alias_id)
