"""Every write endpoint refuses another unit's token and any read-only token, and writes nothing."""

import pytest
from simple_history.models import registered_models

from duban.api.tests.conftest import bearer, token_for
from duban.api.tests.writes import (
    ASSESSMENT_WRITES,
    SELF_ONLY,
    WRITE_METHODS,
    assessment_requests_for,
    request_for,
    requests_for,
    send,
)
from duban.api.v1 import api
from duban.audit.models import Cause
from duban.notifications.models import Notification


def write_operations() -> set[str]:
    paths = api.get_openapi_schema()["paths"]
    return {
        operation["operationId"]
        for item in paths.values()
        for method, operation in item.items()
        if method in WRITE_METHODS
    }


WRITES = sorted(write_operations() - set(SELF_ONLY))
# The structure of a plan, the directory, 催办 and 批示 belong to roles, not units: an editor of
# any unit is refused them (403); so is raising an issue on a task the unit can read but has
# no share of. A unit's own records do not exist for another unit (404).
ROLE_WRITES = {
    "unit_alias_add",
    "document_parse",
    "plan_import",
    "plan_update",
    "plan_publish",
    "plan_name_map",
    "task_update",
    "task_split",
    "task_merge",
    "task_move",
    "task_cities_set",
    "assignment_add",
    "assignment_remove",
    "assignment_make_lead",
    "comment_add",
    "urge_send",
    "judgement_record",
    "issue_raise",
    "assessment_scheme_update",
    "breakthrough_rate",
    "assessment_compute",
    "assessment_lock",
    "assessment_publish",
}


def api_writes() -> int:
    """How many audit rows say "api": none may appear when a write is refused."""
    return sum(
        model.history.filter(history_cause=Cause.API).count()
        for model in registered_models.values()
    )


def test_every_write_endpoint_is_listed(finance_records, assessment_records):
    assessment = set(assessment_requests_for(assessment_records))
    assert assessment == ASSESSMENT_WRITES
    assert set(requests_for(finance_records)) | assessment | set(SELF_ONLY) == write_operations()
    assert len(write_operations()) >= 40


@pytest.mark.parametrize("operation", WRITES)
def test_another_units_token_is_refused(operation, request, client, lanzhou):
    method, path, body = request_for(operation, request)
    secret = token_for(lanzhou)

    reply = send(client, method, path, body, **bearer(secret))

    expected = (403, "forbidden") if operation in ROLE_WRITES else (404, "not_found")
    assert (reply.status_code, reply.json()["code"]) == expected, reply.content
    assert api_writes() == 0


@pytest.mark.parametrize("operation", WRITES + sorted(SELF_ONLY))
def test_a_read_only_token_cannot_write(operation, request, client, finance_records, caizheng):
    method, path, body = SELF_ONLY.get(operation) or request_for(operation, request)
    secret = token_for(caizheng, scope="read")

    reply = send(client, method, path.format(plan=finance_records.plan.pk), body, **bearer(secret))

    assert reply.status_code == 403
    assert reply.json()["code"] == "read_only_token"
    assert api_writes() == 0


def test_marking_everything_read_reaches_only_the_callers_messages(
    client, finance_records, lanzhou
):
    send(client, "post", "/notifications/read-all", None, **bearer(token_for(lanzhou)))

    finance_records.notification.refresh_from_db()
    assert finance_records.notification.read_at is None
    assert not Notification.objects.filter(user=lanzhou, read_at__isnull=True).exists()


def test_starting_an_implementation_plan_makes_the_callers_own(client, finance_records, fagai):
    path = f"/plans/{finance_records.plan.pk}/implementation-plan"

    reply = send(client, "post", path, None, **bearer(token_for(fagai)))

    assert reply.status_code == 201
    assert reply.json()["unit_id"] == fagai.unit_id
    assert reply.json()["id"] != finance_records.implementation_plan.pk


def test_preferences_change_only_the_callers_own(client, finance_records, lanzhou, caizheng):
    body = {"email": False}

    reply = send(client, "put", "/notifications/preferences", body, **bearer(token_for(lanzhou)))

    assert reply.json() == {"in_app": True, "email": False, "webhook": True}
    caizheng_reads = send(
        client, "get", "/notifications/preferences", None, **bearer(token_for(caizheng))
    )
    assert caizheng_reads.json()["email"] is True
