from django.core.exceptions import PermissionDenied

from duban.directory.models import User
from duban.directory.permissions import administrator_scope


def can_search(user: User) -> bool:
    """Every signed-in user searches, except the administrators confined to their own pages
    (三员分立); what each one finds is decided row by row by the owning apps (`readable`)."""
    return user.is_authenticated and administrator_scope(user) is None


def access_search(user: User) -> None:
    if not can_search(user):
        raise PermissionDenied
