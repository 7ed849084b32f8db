"""How v1 lets callers in and records what they did: session with CSRF on writes, tokens;
writes audited with the cause "api"; a stale version is 409 with the one error shape."""

from django.test import Client

from duban.api.tests.conftest import bearer, token_for
from duban.audit.models import Cause
from duban.execution.models import Milestone
from duban.web.demo import _demo_history


def patch_milestone(client, milestone, version, **headers):
    body = {"version": version, "title": "调研论证", "due_date": "2012-11-30"}
    url = f"/api/v1/milestones/{milestone.pk}"
    return client.patch(url, body, content_type="application/json", **headers)


def test_a_token_write_goes_through_the_service_and_is_audited_as_api(
    client, finance_records, caizheng
):
    milestone = finance_records.milestone

    reply = patch_milestone(client, milestone, milestone.version, **bearer(token_for(caizheng)))

    assert reply.status_code == 200, reply.content
    assert reply.json()["title"] == "调研论证"
    change = Milestone.history.filter(id=milestone.pk).latest("history_id")
    assert change.history_cause == Cause.API
    assert change.history_user_id == caizheng.pk


def test_a_stale_version_is_refused_with_409(client, finance_records, caizheng):
    milestone = finance_records.milestone
    headers = bearer(token_for(caizheng))
    patch_milestone(client, milestone, milestone.version, **headers)

    stale = patch_milestone(client, milestone, milestone.version, **headers)

    assert stale.status_code == 409
    assert stale.json()["code"] == "stale_edit" and stale.json()["field"] == "version"


def test_bad_input_names_the_field(client, finance_records, caizheng):
    milestone = finance_records.milestone

    reply = client.patch(
        f"/api/v1/milestones/{milestone.pk}",
        {"version": milestone.version, "title": "x"},
        content_type="application/json",
        **bearer(token_for(caizheng)),
    )

    assert reply.status_code == 422
    assert reply.json()["field"] == "due_date"


def test_a_session_write_needs_the_csrf_token(finance_records, caizheng):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(caizheng)
    milestone = finance_records.milestone

    refused = patch_milestone(browser, milestone, milestone.version)
    browser.get("/api/tokens/")  # any page sets the CSRF cookie
    csrf = browser.cookies["csrftoken"].value
    allowed = patch_milestone(browser, milestone, milestone.version, HTTP_X_CSRFTOKEN=csrf)

    assert refused.status_code == 403
    assert allowed.status_code == 200
    assert browser.get("/api/v1/milestones").status_code == 200


def test_lists_are_cursor_paginated(client, caizheng):
    headers = bearer(token_for(caizheng, scope="read"))

    first = client.get("/api/v1/tasks?page_size=5", **headers).json()
    second = client.get(first["next"], **headers).json()

    assert len(first["results"]) == 5 and first["next"]
    assert {t["id"] for t in first["results"]}.isdisjoint(t["id"] for t in second["results"])


def test_a_unit_lists_only_its_own_records(client, finance_records, lanzhou, caizheng):
    theirs = client.get("/api/v1/milestones", **bearer(token_for(lanzhou))).json()
    ours = client.get("/api/v1/milestones", **bearer(token_for(caizheng))).json()

    assert theirs["results"] == []
    assert [m["id"] for m in ours["results"]] == [finance_records.milestone.pk]


def test_the_first_apis_paths_lead_to_v1(client, caizheng):
    client.force_login(caizheng)

    moved = client.get("/api/directory/units?kind=government")

    assert moved.status_code == 307
    assert moved["Location"] == "/api/v1/units?kind=government"


def test_the_schema_and_the_docs_are_published(client, caizheng):
    schema = client.get("/api/v1/openapi.json").json()
    client.force_login(caizheng)

    operations = [op for item in schema["paths"].values() for op in item.values()]
    assert len(operations) >= 40
    tags = {tag for op in operations for tag in op["tags"]}
    assert {"plans", "execution", "supervision", "notifications", "directory"} <= tags
    assert client.get("/api/v1/docs").status_code == 200


def test_every_channel_off_is_refused_by_the_service_as_on_the_page(client, caizheng):
    body = {"in_app": False, "email": False, "webhook": False}

    reply = client.put(
        "/api/v1/notifications/preferences",
        body,
        content_type="application/json",
        **bearer(token_for(caizheng)),
    )

    assert reply.status_code == 422 and reply.json()["code"] == "refused"
    assert "至少保留一种接收方式" in reply.json()["message"]


def test_reports_filtered_by_plan_are_that_plans_reports(client, coordinator):
    _demo_history()  # the demo's year of reports
    from duban.execution.models import ProgressReport
    from duban.plans.models import Plan

    plan = Plan.objects.get(source__isnull=False, year=2012)
    headers = bearer(token_for(coordinator, scope="read"))
    url = f"/api/v1/reports?plan={plan.pk}&page_size=200"
    listed = []
    while url:
        page = client.get(url, **headers).json()
        listed += [r["id"] for r in page["results"]]
        url = page["next"]

    expected = ProgressReport.objects.filter(task__plan=plan).values_list("id", flat=True)
    assert sorted(listed) == sorted(expected) and listed
    assert client.get("/api/v1/reports?plan=999999", **headers).json()["results"] == []
