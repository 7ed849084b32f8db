from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise

from duban.web.navigation import active_key, items_for_role


@dataclass(frozen=True)
class NavLink:
    key: str
    label: str | Promise
    url: str
    active: bool


def navigation(request: HttpRequest) -> dict:
    """`nav_links` for the signed-in user's role (none when signed out) and `DUBAN_DEMO`."""
    user = getattr(request, "user", None)
    role = getattr(user, "role", None) if user is not None and user.is_authenticated else None
    items = items_for_role(role)
    current = active_key(items, getattr(request, "resolver_match", None))
    links = [
        NavLink(item.key, item.label, reverse(item.url_name), item.key == current) for item in items
    ]
    return {"nav_links": links, "DUBAN_DEMO": settings.DUBAN_DEMO}
