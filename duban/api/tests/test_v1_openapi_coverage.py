"""The published schema covers every resource issue 14 names: each can be listed or read, and
each the pages change can be changed through the API too; at least 40 operations in all."""

import re
from functools import cache

import pytest

from duban.api.v1 import api

# Resource → the paths (after /api/v1) that serve it.
RESOURCES = {
    "plans": r"^/plans(/\{plan_id\})?(/(publish|names))?$",
    "tasks": r"^/tasks(/\{task_id\}(/(split|merge|move))?)?$",
    "assignments": r"/assignments",
    "units": r"^/units",
    "cities": r"cities",
    "implementation plans": r"/implementation-plans?\b",
    "milestones": r"/milestones",
    "progress reports": r"/reports",
    "evidence": r"/evidence",
    "extensions": r"/extensions",
    "lights": r"/lights?$",
    "reminders": r"^/reminders",
    "催办": r"^/urges",
    "notifications": r"^/notifications",
    "coordination issues": r"coordination-issues",
    "meetings": r"^/(plans/\{plan_id\}/)?meetings",
    "outcomes": r"/(outcomes|decisions)",
    "assessments": r"assessment",
}
# Derived or made by the daily scan, never by a person: read only.
READ_ONLY = {"lights", "reminders"}
WRITES = ("post", "put", "patch", "delete")


@cache
def operations() -> list[tuple[str, str]]:
    """(method, path after /api/v1) of every operation in the published schema."""
    paths = api.get_openapi_schema()["paths"]
    return [
        (method, path.removeprefix("/api/v1"))
        for path, item in paths.items()
        for method in item
        if method in ("get", *WRITES)
    ]


def of(resource: str) -> list[tuple[str, str]]:
    return [(m, p) for m, p in operations() if re.search(RESOURCES[resource], p)]


def test_the_schema_lists_at_least_forty_operations():
    assert len(operations()) >= 40


@pytest.mark.parametrize("resource", sorted(RESOURCES))
def test_every_resource_is_read_through_the_api(resource):
    assert [path for method, path in of(resource) if method == "get"], resource


@pytest.mark.parametrize("resource", sorted(set(RESOURCES) - READ_ONLY))
def test_every_resource_the_pages_change_is_changed_through_the_api(resource):
    assert [path for method, path in of(resource) if method in WRITES], resource
