"""Template helpers for lights: `{% load supervision %}` then `{{ lights|light_for:task.id }}`."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def light_for(lights: dict, task_id: int):
    """The light of `task_id` in a `lights_for_tasks` result; None shows as grey."""
    return lights.get(task_id) if lights else None


@register.simple_tag
def light_strip(tally: dict[str, int]):
    """A group's spread of lights (`light_tally`): one cell per task in its light's colour,
    most alarming first. Written here, not by a template loop over the cells: a national plan's
    strips hold thousands of them, and the loop was most of the dashboard's time."""
    # Each cell is escaped by format_html; the join of safe pieces is safe.
    return mark_safe("".join(format_html(CELL, colour) * n for colour, n in tally.items()))


CELL = '<span class="strip__cell strip__cell--{}"></span>'
