"""The assessment through v1: the office sets the scheme, computes, answers an objection, locks
and publishes; a unit reads its own breakdown always, the ranking once published, another
unit's breakdown never (404). Writes go through the pages' services, audited as "api"."""

from decimal import Decimal

from duban.api.tests.test_coordination_api import call, ok
from duban.assessment.models import Assessment, Scheme
from duban.audit.models import Cause


def test_the_office_computes_locks_and_publishes(client, assessment_records, coordinator, caizheng):
    a = assessment_records
    plan = a.plan.pk
    computed = ok(
        call(client, coordinator, "post", f"/plans/{plan}/assessments", {"as_of": "2012-06-30"}),
        201,
    )
    assert computed["number"] == 2 and computed["status"] == "draft"
    assert computed["units"] and len(computed["units"][0]["cells"]) == len(
        computed["rules"]["components"]
    )
    version = f"/assessments/{computed['id']}"
    # A unit reads the ranking only once it is published.
    assert call(client, caizheng, "get", version).status_code == 403
    assert computed["id"] not in {
        row["id"] for row in ok(call(client, caizheng, "get", "/assessments"))["results"]
    }

    assert ok(call(client, coordinator, "post", version + "/lock"))["status"] == "locked"
    again = call(client, coordinator, "post", version + "/lock")
    assert (again.status_code, again.json()["code"]) == (422, "refused")
    assert ok(call(client, coordinator, "post", version + "/publish"))["status"] == "published"

    assert ok(call(client, caizheng, "get", version))["id"] == computed["id"]
    causes = Assessment.history.filter(id=computed["id"]).values_list("history_cause", flat=True)
    assert set(causes) == {Cause.API}


def test_a_unit_reads_its_own_breakdown_and_objects(
    client, assessment_records, caizheng, lanzhou, coordinator
):
    a = assessment_records
    own = f"/assessment-scores/{a.score.pk}"

    breakdown = ok(call(client, caizheng, "get", own))
    points = sum(Decimal(part["points"]) for part in breakdown["parts"])
    assert points == Decimal(breakdown["total"])
    assert [o["id"] for o in breakdown["objections"]] == [a.objection.pk]
    assert call(client, lanzhou, "get", own).status_code == 404
    assert (
        call(client, lanzhou, "get", f"/assessment-objections/{a.objection.pk}").status_code == 404
    )
    mine = ok(call(client, caizheng, "get", "/assessment-scores"))["results"]
    assert {row["unit_id"] for row in mine} == {caizheng.unit_id}
    assert not ok(call(client, lanzhou, "get", "/assessment-objections"))["results"]

    filed = call(client, caizheng, "post", own + "/objections", {"reason": "督办记录不全。"})
    assert ok(filed, 201)["status"] == "open"
    answer = f"/assessment-objections/{a.objection.pk}/answer"
    stale = call(client, coordinator, "post", answer, {"version": 7, "answer": "已核实。"})
    assert (stale.status_code, stale.json()["field"]) == (409, "version")
    answered = ok(call(client, coordinator, "post", answer, {"version": 1, "answer": "已核实。"}))
    assert answered["status"] == "answered"


def test_the_scheme_is_read_by_all_and_set_by_the_office(
    client, assessment_records, coordinator, caizheng
):
    path = f"/plans/{assessment_records.plan.pk}/assessment-scheme"
    scheme = ok(call(client, caizheng, "get", path))
    measure = scheme["components"][0]["measure"]
    body = {
        "version": scheme["version"],
        "lead_weight": "1.00",
        "co_weight": "0.40",
        "components": [{"measure": measure, "weight": "12.00"}],
    }

    changed = ok(call(client, coordinator, "put", path, body))

    assert changed["co_weight"] == "0.40" and changed["version"] == scheme["version"] + 1
    assert changed["components"][0]["weight"] == "12.00"
    assert call(client, coordinator, "put", path, body).status_code == 409
    unknown = body | {"version": changed["version"], "components": [{"measure": "x", "weight": 1}]}
    refused = call(client, coordinator, "put", path, unknown)
    assert (refused.status_code, refused.json()["field"]) == (422, "components")
    assert Scheme.history.filter(history_cause=Cause.API).exists()
