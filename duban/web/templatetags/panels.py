"""`{% panels "task" task %}`: the panels other apps registered for a page (`duban.lib.panels`)."""

from django import template
from django.utils.safestring import mark_safe

from duban.lib import panels as registry

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, slot: str, obj=None):
    # Each panel renders its own template, which escapes what it shows.
    return mark_safe(registry.render(slot, context["request"], obj))  # noqa: S308
