"""Who reaches which API token: each person manages their own; nobody sees anyone else's."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from duban.api.models import ApiToken
from duban.directory.models import User


def can_manage_tokens(user: User) -> bool:
    """Every signed-in, active person may give their scripts a token to act as them."""
    return bool(user.is_authenticated and user.is_active)


def access_api_token(user: User, token_id: int) -> ApiToken:
    """`user`'s own token (to revoke it); 404 for another person's, so none can be probed."""
    token = get_object_or_404(ApiToken, pk=token_id)
    if token.user_id != user.pk:
        raise Http404
    return token
