"""Walks every URL with every persona and both methods against the declared permission matrix
(permission_matrix.py). Each request runs in a savepoint that is rolled back, so one persona's
write never changes what the next one sees."""

import os
from datetime import date

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from duban.execution.tests.conftest import ready_plan
from duban.plans.models import Assignment, Plan
from duban.web.tests.permission_matrix import ADMIN_NAMESPACE, MATRIX, PERSONAS


def _routes(patterns=None, namespace=""):
    """(view name, route pattern) of every URL Duban serves."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _routes(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name, pattern


ROUTES = sorted({name for name, _p in _routes() if not name.startswith("admin:")})


def test_every_url_has_a_row_and_every_row_a_url():
    assert sorted(set(ROUTES) - set(MATRIX)) == [], "declare these in permission_matrix.py"
    assert sorted(set(MATRIX) - set(ROUTES)) == [], "these rows name no URL any more"


@pytest.fixture
def objects(demo_accounts, coordinator, caizheng):
    """One record of each kind the URLs name, owned by 省财政厅 where it has an owner."""
    plan = Plan.objects.filter(source__isnull=False).order_by("pk").first()
    assignment = (
        Assignment.objects.filter(role=Assignment.Role.LEAD, unit=caizheng.unit, task__plan=plan)
        .select_related("task")
        .first()
    )
    task = assignment.task
    ip = ready_plan(plan, task, caizheng)
    milestone = ip.milestones.first()
    absent = 999_999
    from duban.coordination.models import CoordinationIssue, Meeting, Outcome
    from duban.directory.models import UnitAlias

    def first(model) -> int:
        # The suite's demo carries no history (meetings, issues): such ids name no record.
        found = model.objects.order_by("pk").first()
        return found.pk if found else absent

    return {
        "issue_id": first(CoordinationIssue),
        "meeting_id": first(Meeting),
        "outcome_id": first(Outcome),
        "alias_id": first(UnitAlias),
        "assessment_id": absent,
        "score_id": absent,
        "objection_id": absent,
        "plan_id": plan.pk,
        "task_id": task.pk,
        "source_id": plan.source_id,
        "unit_id": caizheng.unit_id,
        "assignment_id": assignment.pk,
        "implementation_plan_id": ip.pk,
        "milestone_id": milestone.pk,
        "user_id": demo_accounts["viewer"].pk,
        "period": date(2012, 3, 1).isoformat(),
        "direction": "up",
        "action": "remove",
        "token": "x",
        "uidb64": "x",
        "report_id": absent,
        "evidence_id": absent,
        "extension_id": absent,
        "urge_id": absent,
        "token_id": absent,
        "notification_id": absent,
    }


def _url(name: str, pattern, objects: dict) -> str:
    params = list(pattern.pattern.converters) or _names(pattern)
    return reverse(name, kwargs={p: objects[p] for p in params})


def _names(pattern) -> list[str]:
    import re

    return re.findall(r"<(?:\w+:)?(\w+)>", str(pattern.pattern))


def _status(client, persona: str, accounts, method: str, url: str) -> int:
    client.logout()
    if persona != "anonymous":
        client.force_login(accounts[persona])
    with transaction.atomic():
        response = getattr(client, method.lower())(url)
        transaction.set_rollback(True)
    return response.status_code


def _observed(client, demo_accounts, method, url) -> str:
    return " ".join(str(_status(client, p, demo_accounts, method, url)) for p in PERSONAS)


PATTERNS = dict(_routes())


@pytest.mark.parametrize("name", ROUTES)
def test_the_url_answers_each_persona_as_declared(client, demo_accounts, objects, name):
    url = _url(name, PATTERNS[name], objects)
    observed = tuple(_observed(client, demo_accounts, m, url) for m in ("GET", "POST"))
    if os.environ.get("DUBAN_MATRIX_PRINT"):
        print(f'    "{name}": ("{observed[0]}", "{observed[1]}"),')
        return
    assert observed == MATRIX[name], url


def test_the_admin_site_is_the_system_administrators(client, demo_accounts):
    assert _observed(client, demo_accounts, "GET", "/admin/") == ADMIN_NAMESPACE["GET"]
