"""The scan as a background task, so that the worker can run it once a day."""

from datetime import date

from django_tasks import task

from duban.supervision.services import lights_store, supervise


@task()
def supervise_task(as_of: str | None = None) -> dict[str, int]:
    day = date.fromisoformat(as_of) if as_of else None
    counts = supervise(as_of=day)
    return {**counts, "lights": lights_store(as_of=day)}
