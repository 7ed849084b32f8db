"""Coordination through v1: an issue raised, answered, put on a meeting's agenda and settled by a
decision the owner reports done and the office accepts — each step through the pages' services,
audited as "api"; another unit's records are 404 and absent from its lists."""

import pytest

from duban.api.tests.conftest import bearer, token_for
from duban.audit.models import Cause
from duban.coordination.models import CoordinationIssue, Meeting, Outcome


def call(client, user, method, path, body=None):
    headers = bearer(token_for(user))
    url = "/api/v1" + path
    if method == "get":
        return client.get(url, body or {}, **headers)
    return getattr(client, method)(url, body or {}, content_type="application/json", **headers)


def ok(reply, status=200) -> dict:
    assert reply.status_code == status, reply.content
    return reply.json()


def test_an_issue_is_raised_decided_and_the_decision_accepted(
    client, finance_records, caizheng, fagai, coordinator
):
    r = finance_records
    raised = ok(
        call(
            client,
            caizheng,
            "post",
            f"/tasks/{r.task.pk}/coordination-issues",
            {
                "title": "审批权限交叉",
                "blocker": "两部门都要审批。",
                "needed_unit_ids": [fagai.unit_id],
            },
        ),
        201,
    )
    assert raised["needed_unit_ids"] == [fagai.unit_id] and raised["status"] == "open"
    ok(
        call(
            client,
            fagai,
            "post",
            f"/coordination-issues/{raised['id']}/replies",
            {"text": "同意会商。"},
        ),
        201,
    )
    assert (
        ok(call(client, caizheng, "get", f"/coordination-issues/{raised['id']}"))["replies"][0][
            "text"
        ]
        == "同意会商。"
    )

    body = {"title": "审批协调会", "date": "2012-06-14", "place": "三楼", "chair": "副厅长"}
    meeting = ok(call(client, caizheng, "post", f"/plans/{r.plan.pk}/meetings", body), 201)
    path = f"/meetings/{meeting['id']}"
    item = ok(call(client, caizheng, "post", path + "/agenda", {"issue_id": raised["id"]}), 201)
    units = {"version": 1, "unit_ids": [caizheng.unit_id, fagai.unit_id]}
    assert ok(call(client, caizheng, "put", path + "/units", units))["version"] == 2
    ok(call(client, caizheng, "post", path + "/convene", {"version": 2}))
    ok(call(client, caizheng, "post", path + "/start", {"version": 3}))
    decision = ok(
        call(
            client,
            caizheng,
            "post",
            path + "/outcomes",
            {
                "kind": "decision",
                "text": "省发展改革委下放审批权限。",
                "agenda_item_id": item["id"],
                "owner_unit_id": fagai.unit_id,
                "co_unit_ids": [caizheng.unit_id],
                "due_date": "2012-09-30",
            },
        ),
        201,
    )
    assert decision["issue_ids"] == [raised["id"]] and decision["co_unit_ids"] == [caizheng.unit_id]
    closed = ok(
        call(client, caizheng, "post", path + "/close", {"version": 4, "summary": "议定一项。"})
    )
    assert closed["status"] == "closed" and closed["number"] == 2

    decided = f"/decisions/{decision['id']}"
    ok(call(client, fagai, "post", decided + "/progress", {"note": "已起草。"}), 201)
    done = {"version": 1, "met_on": "2012-06-15", "evidence": "甘发改〔2012〕8号"}
    assert ok(call(client, fagai, "post", decided + "/done", done))["status"] == "done"
    accepted = ok(call(client, coordinator, "post", decided + "/accept", {"version": 2}))
    assert accepted["status"] == "accepted" and accepted["progress"][0]["note"] == "已起草。"
    assert accepted["light"]["colour"]

    issue = CoordinationIssue.objects.get(pk=raised["id"])
    assert issue.status == CoordinationIssue.Status.DECIDED
    # Settling by a decision is the meeting's doing (cause "meeting"); the rest is the API's.
    assert {h.history_cause for h in issue.history.all()} == {Cause.API, Cause.MEETING}
    assert (
        Outcome.history.filter(id=decision["id"], history_cause=Cause.API).count() == 2
    )  # done, accepted
    assert Meeting.history.filter(id=meeting["id"]).exclude(history_cause=Cause.API).count() == 0


def test_a_stale_version_is_409_and_a_rule_is_422(client, finance_records, caizheng):
    r = finance_records
    path = f"/coordination-issues/{r.issue.pk}/withdraw"
    ok(call(client, caizheng, "post", path, {"version": r.issue.version}))

    units = {"version": r.meeting.version + 1, "unit_ids": [caizheng.unit_id]}
    stale = call(client, caizheng, "put", f"/meetings/{r.meeting.pk}/units", units)
    assert (stale.status_code, stale.json()["code"], stale.json()["field"]) == (
        409,
        "stale_edit",
        "version",
    )
    # The meeting has one unit (its convenor): a notice needs at least two.
    refused = call(
        client,
        caizheng,
        "post",
        f"/meetings/{r.meeting.pk}/convene",
        {"version": r.meeting.version},
    )
    assert (refused.status_code, refused.json()["code"]) == (422, "refused")


def test_units_outside_the_plan_are_refused_by_name(client, finance_records, caizheng, admin_user):
    reply = call(
        client,
        caizheng,
        "post",
        f"/tasks/{finance_records.task.pk}/coordination-issues",
        {"title": "x", "blocker": "y", "needed_unit_ids": [2**31 - 1]},
    )
    assert (reply.status_code, reply.json()["field"]) == (422, "needed_unit_ids")


@pytest.mark.parametrize(
    "path",
    ["/coordination-issues/{issue}", "/meetings/{meeting}", "/decisions/{decision}"],
)
def test_another_units_record_is_404(client, finance_records, lanzhou, path):
    r = finance_records
    url = path.format(issue=r.issue.pk, meeting=r.meeting.pk, decision=r.decision.pk)

    reply = call(client, lanzhou, "get", url)

    assert (reply.status_code, reply.json()["code"]) == (404, "not_found")


@pytest.mark.parametrize("path", ["/coordination-issues", "/meetings", "/decisions"])
def test_lists_hold_only_what_the_caller_may_read(
    client, finance_records, lanzhou, caizheng, coordinator, path
):
    r = finance_records
    mine = {r.issue.pk, r.meeting.pk, r.decision.pk}

    def ids(user):
        return {row["id"] for row in ok(call(client, user, "get", path))["results"]}

    assert not ids(lanzhou) & mine
    assert ids(caizheng) & mine
    assert ids(caizheng) <= ids(coordinator)


def test_a_list_filters_and_pages(client, finance_records, coordinator):
    r = finance_records
    first = ok(call(client, coordinator, "get", "/meetings", {"plan": r.plan.pk, "page_size": 1}))
    assert len(first["results"]) == 1 and first["next"]
    drafts = ok(call(client, coordinator, "get", "/meetings", {"status": "draft"}))["results"]
    assert [m["id"] for m in drafts] == [r.meeting.pk]
