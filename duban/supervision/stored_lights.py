"""Lights kept once worked out: the daily scan stores each published task's light, pages read it.

A light is a pure function of a task's facts, a day and a rule set (`lights.py`); working it
out for every task of a plan, and again for each month's end of the trend, is most of what the
big pages cost. So each light worked out is stored with the version of its task's
`LightStamp`, and every write to what a light depends on (the task, its plan, assignments,
milestones, reports) bumps that stamp. A stored light counts only at its task's current
version, so no stored light outlives a change to its facts.

Order matters for a reader: it reads the stamps *before* the facts. A write that lands in
between makes the facts newer than the stamp the light is stored under, never older, so the
worst a race can do is recompute a light the next time.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from functools import cache

from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from duban.supervision.lights import Light, RuleSet
from duban.supervision.models import LightStamp, StoredLight

CHUNK = 2000


@cache
def _digest(rules_json: str) -> str:
    return hashlib.sha1(rules_json.encode()).hexdigest()[:16]


def rules_key(rules: RuleSet) -> str:
    """The rule set's name and a digest of its content: an edited rule file is a new key."""
    return f"{rules.name[:60]}:{_digest(json.dumps(asdict(rules), sort_keys=True, default=str))}"


def stamps(scope) -> dict[int, int]:
    """task id → its stamp's version, for the tasks of `scope` (a `TaskScope`); 0 if never bumped."""
    return dict(scope.rows(LightStamp.objects.values_list("task_id", "version")))


def read(
    scope,
    days: Iterable[date],
    rules: RuleSet,
    versions: dict[int, int],
    colour_only: Iterable[date] = (),
):
    """(task id, day) → the stored light, for those stored at the task's current version.

    For the days of `colour_only` the reasons are not read (a trend counts colours): a
    thousand tasks' reasons for each month's end were most of the read.
    """
    kept = StoredLight.objects.filter(rules=rules_key(rules), language=translation.get_language())
    days, bare = set(days), set(colour_only)
    found = {}
    if days - bare:
        rows = kept.filter(day__in=days - bare).values_list(
            "task_id", "day", "version", "colour", "reasons"
        )
        for task_id, day, version, colour, reasons in scope.rows(rows):
            if version == versions.get(task_id, 0):
                found[task_id, day] = Light(colour, tuple(reasons))
    if days & bare:
        rows = kept.filter(day__in=days & bare).values_list("task_id", "day", "version", "colour")
        # Lights without reasons are equal by colour: one of each serves every task and day.
        bare_lights: dict[str, Light] = {}
        for task_id, day, version, colour in scope.rows(rows):
            if version == versions.get(task_id, 0):
                if colour not in bare_lights:
                    bare_lights[colour] = Light(colour)
                found[task_id, day] = bare_lights[colour]
    return found


def write(lights: dict[tuple[int, date], Light], rules: RuleSet, versions: dict[int, int]):
    """Store lights just worked out, replacing what was stored for the same task and day."""
    key, language = rules_key(rules), translation.get_language()
    rows = [
        StoredLight(
            task_id=task_id,
            day=day,
            rules=key,
            language=language,
            version=versions.get(task_id, 0),
            colour=light.colour,
            reasons=list(light.reasons),
        )
        for (task_id, day), light in lights.items()
    ]
    StoredLight.objects.bulk_create(
        rows,
        batch_size=CHUNK,
        update_conflicts=True,
        unique_fields=["task", "day", "rules", "language"],
        update_fields=["version", "colour", "reasons"],
    )


def bump(task_ids: Iterable[int]) -> None:
    """The facts of these tasks changed: every light stored for them stops counting."""
    task_ids = sorted(set(task_ids))
    for start in range(0, len(task_ids), CHUNK):
        chunk = task_ids[start : start + CHUNK]
        LightStamp.objects.bulk_create(
            [LightStamp(task_id=task_id) for task_id in chunk], ignore_conflicts=True
        )
        LightStamp.objects.filter(task_id__in=chunk).update(version=F("version") + 1)


# ---- What a light depends on ------------------------------------------------------------------


def _task_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump([instance.task_id])


def _task_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        bump([instance.pk])


def _plan_saved(sender, instance, raw=False, **kwargs):
    # The year and the reporting cadence are facts of every task of the plan.
    if not raw:
        bump(instance.tasks.values_list("pk", flat=True))


def connect() -> None:
    """Called from the app's `ready()`: bump the stamp on every write a light depends on."""
    from duban.execution.models import Milestone, ProgressReport
    from duban.plans.models import Assignment, Plan, Task

    for model in (ProgressReport, Milestone, Assignment):
        post_save.connect(_task_changed, sender=model, dispatch_uid=f"light-{model.__name__}")
        post_delete.connect(_task_changed, sender=model, dispatch_uid=f"light-del-{model.__name__}")
    post_save.connect(_task_saved, sender=Task, dispatch_uid="light-Task")
    post_save.connect(_plan_saved, sender=Plan, dispatch_uid="light-Plan")
