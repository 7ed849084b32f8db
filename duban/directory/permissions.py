from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from duban.directory.models import Unit, UnitAlias, User
from duban.directory.roles import is_admin, is_auditor, is_coordinator, is_security_admin


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
    # The system administrator runs the accounts; the security administrator reads them to
    # set roles and lift locks (writing those through `can_change_role` / `can_unlock`).
    if is_admin(user) or (is_security_admin(user) and not write):
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


def can_manage_security(user: User) -> bool:
    """The security administrator's pages: roles and sign-in locks."""
    return is_security_admin(user)


def can_change_role(user: User, target: User) -> bool:
    # Never one's own: a security administrator cannot raise or keep their own rights.
    return is_security_admin(user) and target.pk != user.pk


def can_unlock(user: User, target: User) -> bool:
    return is_security_admin(user) and target.pk != user.pk


# The URL namespaces the security and audit administrators may reach at all: their own pages,
# signing in and out, the language switch. Every other page is refused to them (三员分立).
_COMMON = frozenset({"", "i18n"})
_SCOPES = {"security": _COMMON | {"directory"}, "auditor": _COMMON | {"audit"}}
_LANDING = {"security": "directory:accounts", "auditor": "audit:search"}


def administrator_scope(user: User) -> frozenset[str] | None:
    """The namespaces `user` is confined to, or None for a user who is not confined."""
    if is_security_admin(user) or is_auditor(user):
        return _SCOPES[user.role]
    return None


def landing_page(user: User) -> str | None:
    return _LANDING.get(getattr(user, "role", None))


# With DUBAN_TOTP on, these give a one-time password after their password.
_SECOND_FACTOR_ROLES = frozenset({"coordinator", "admin", "security", "auditor"})


def needs_second_factor(user: User) -> bool:
    from django.conf import settings

    return settings.DUBAN_TOTP and getattr(user, "role", None) in _SECOND_FACTOR_ROLES
