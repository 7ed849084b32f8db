from django.db.models import F, QuerySet

from duban.api.models import ApiToken
from duban.directory.models import User


def tokens_of(user: User) -> QuerySet[ApiToken]:
    """The person's tokens, live ones first, newest first."""
    return ApiToken.objects.filter(user=user).order_by(
        F("revoked_at").asc(nulls_first=True), "-created_at", "-id"
    )
