"""`{% load notifications %}{% unread_badge %}`: the header's link to the inbox with the count."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from duban.notifications.services import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_badge(context) -> str:
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return ""
    count = unread_count(user)
    url = reverse("notifications:inbox")
    if not count:
        return format_html('<a class="unread" href="{}">{}</a>', url, _("消息"))
    return format_html(
        '<a class="unread unread--some" href="{}">{} <span class="unread__count">{}</span></a>',
        url,
        _("消息"),
        count,
    )
