"""Template helpers for lights: `{% load supervision %}` then `{{ lights|light_for:task.id }}`."""

from django import template

register = template.Library()


@register.filter
def light_for(lights: dict, task_id: int):
    """The light of `task_id` in a `lights_for_tasks` result; None shows as grey."""
    return lights.get(task_id) if lights else None
