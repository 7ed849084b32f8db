"""The public page's content (政务公开): plain data from the glance, only the chosen fields.

Cached per plan, page version and day: a visitor costs one query (the page's record with its
plan); the glance is computed once a day, or again after the reform office changes its choice.
Nothing internal leaves: no reasons, no comments, no people, only what `fields` names.
"""

from datetime import date

from django.core.cache import cache

from duban.reports.charts import area_label
from duban.reports.models import PublicPage
from duban.reports.selectors import plan_at_a_glance

CACHE_SECONDS = 60 * 60


def public_content(page: PublicPage, as_of: date) -> dict:
    key = f"reports:public:{page.plan_id}:{page.version}:{as_of.isoformat()}"
    content = cache.get(key)
    if content is None:
        content = _content(page, as_of)
        cache.set(key, content, CACHE_SECONDS)
    return content


def _content(page: PublicPage, as_of: date) -> dict:
    glance = plan_at_a_glance(plan=page.plan, as_of=as_of)
    shows = page.shows
    Field = PublicPage.Field
    return {
        "as_of": as_of,
        "progress": round(glance.percent, 1) if shows(Field.PROGRESS) else None,
        "elapsed": glance.time_elapsed if shows(Field.PROGRESS) else None,
        "areas": [
            {"label": area_label(a.path, a.title), "title": a.title, "percent": round(a.percent, 1)}
            for a in glance.areas
        ]
        if shows(Field.AREAS)
        else None,
        "lights": dict(glance.lights) if shows(Field.LIGHTS) else None,
        "tasks": [
            {"path": s.task.path, "title": s.task.title, "lead": s.lead.name if s.lead else ""}
            for s in glance.tasks
            if s.task.region_id is None
        ]
        if shows(Field.TASKS)
        else None,
    }
