"""`{% load search %}{% search_box %}`: the header's search field, for those who may search."""

from django import template
from django.template.loader import render_to_string

from duban.search.permissions import can_search

register = template.Library()


@register.simple_tag(takes_context=True)
def search_box(context) -> str:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not can_search(user):
        return ""
    query = (
        request.GET.get("q", "")
        if request.resolver_match and request.resolver_match.namespace == "search"
        else ""
    )
    return render_to_string("search/_box.html", {"query": query}, request=request)
